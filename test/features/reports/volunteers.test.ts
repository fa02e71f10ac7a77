import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { storedReports } from "./stored.js";

// Dialogs found failing when volunteers tried the bot with their own wording (2026-11 probe).
// The virtual clock starts on Monday 2026-03-16 10:00 (Asia/Shanghai); 昨天 is 2026-03-15.
const complete = "昨天阳光志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点";

describe("report conversation: volunteers' own wording", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("takes a report-like message without counts in a private chat and with a mention in a group", async () => {
    bot = await startTestBot();
    const [inPrivate] = await bot.private("alice").user("alice").says("昨天阳光志愿服务队在社区给老人理发");
    expect(inPrivate).toMatch(/几位志愿者/);
    const [inGroup] = await bot.group("g1").user("bob", "老周").says("@小园助手 昨天我们在社区陪老人聊天");
    expect(inGroup).toMatch(/^@老周 收到/);
    expect(inGroup).toMatch(/哪个组织/);
  });

  it("derives the title from the description instead of asking for it", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    await me.says("前天给小朋友讲绘本故事");
    await me.says("组织是春芽读书会");
    await me.says("在社区");
    await me.says("六位");
    const [summary] = await me.says("2小时");
    expect(summary).toContain("「给小朋友讲绘本故事」（儿童青少年）");
    expect(summary).toContain("6人，共12小时");
    expect(summary).not.toMatch(/起个简短的名字/);
  });

  it("leaves a field the volunteer does not know empty and moves on", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    expect((await me.says("昨天在新牧社区陪老人聊天，5个人，两点到四点"))[0]).toMatch(/哪个组织/);
    const [reply] = await me.says("不知道");
    expect(reply).toMatch(/先空着/);
    expect(reply).toContain("组织：?");
    expect(reply).toContain("回复“确认”登记");
    await me.says("确认");
    const [stored] = await storedReports(bot);
    expect(stored).toMatchObject({ organization: null, volunteers: 5, volunteer_hours: 10 });
  });

  it("answers a question to the bot in the middle of a report and keeps the draft waiting", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const me = group.user("alice", "小李");
    expect((await me.says("@小园助手 昨天我们阳光志愿服务队在社区陪老人聊天"))[0]).toMatch(/在哪里/);
    const [answer] = await me.says("@小园助手 年检什么时候交？");
    expect(answer).not.toMatch(/几位志愿者|在哪里开展/);
    expect((await me.says("在新牧社区党群服务中心二楼"))[0]).toMatch(/几位志愿者/);
    await me.says("5个人");
    const [summary] = await me.says("9点到11点");
    expect(summary).toContain("地点：新牧社区党群服务中心二楼");
  });

  it("in a private chat a question does not become the asked field", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    await me.says("昨天在社区陪老人聊天");
    await me.says("请问成立社会团体需要多少人？");
    const [next] = await me.says("阳光志愿服务队");
    expect(next).toMatch(/在哪里开展/);
  });

  it("applies corrections that name the field: 人数改成10, 组织改成…, 活动名称改成…", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    expect((await me.says("人数改成10"))[0]).toContain("10人，共30小时");
    const [org] = await me.says("组织改成新牧社区夕阳红志愿服务队");
    expect(org).toContain("组织：新牧社区夕阳红志愿服务队");
    const [title] = await me.says("活动名称改成冬至包饺子");
    expect(title).toContain("「冬至包饺子」");
    // 冬至 names the activity here, not its day.
    expect(title).toContain("2026-03-15 14:00-17:00");
    const [both] = await me.says("地点是新牧社区卫生站，人数9个");
    expect(both).toContain("地点：新牧社区卫生站");
    expect(both).toContain("9人，共27小时");
  });

  it("asks for the value when a correction names a field without one (时间错了)", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    expect((await me.says("时间错了，是上午"))[0]).toMatch(/几点到几点/);
    const [summary] = await me.says("9点到11点");
    expect(summary).toContain("2026-03-15 09:00-11:00");
    expect(summary).toContain("8人，共16小时");
  });

  it("understands 有问题 and 改一下 as a rejection of the summary", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    expect((await me.says("有问题"))[0]).toMatch(/哪里不对/);
    expect((await me.says("改一下"))[0]).toMatch(/哪里不对/);
    expect(await storedReports(bot)).toHaveLength(0);
  });

  it.each(["嗯", "👌", "对，没问题", "好的，谢谢", "对的"])("confirms with %s", async (word) => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    expect((await me.says(word))[0]).toMatch(/已登记/);
  });

  it("keeps waiting for the description when the message after /report is not about an activity", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    const [reply] = await me.says("你好");
    expect(reply).toMatch(/请把活动情况发给我/);
    expect(reply).not.toMatch(/是哪个组织或服务队开展的/);
    expect((await me.says(complete))[0]).toContain("回复“确认”登记");
  });

  it("counts photos once: sent with the first message, and sent before /report in a private chat", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    const [first] = await me.says(complete, { photos: 2 });
    expect(first).toContain("照片：2张");
    await me.says("确认");
    expect((await me.sendsPhotos(3))[0]).toMatch(/收到3张照片/);
    await me.says("/report");
    const [summary] = await me.says("前天绿叶志愿队在滨江公园捡垃圾，10个人，9点到11点");
    expect(summary).toContain("照片：3张");
  });

  it("asks for an exact figure when the answer is a range or vague (七八个, 一下午)", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("昨天阳光志愿服务队在新牧社区陪老人聊天，两点到四点");
    expect((await me.says("七八个"))[0]).toMatch(/具体的数/);
    expect((await me.says("8个"))[0]).toContain("8人，共16小时");
  });

  it("keeps the part of day of the first message for bare clock answers (昨天晚上…, 七点到九点)", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    await me.says("昨天晚上我们在新牧社区党群服务中心二楼给孩子辅导作业");
    await me.says("组织是春芽读书会");
    expect((await me.says("我们仨"))[0]).toMatch(/几点到几点/);
    expect((await me.says("七点到九点"))[0]).toContain("2026-03-15 19:00-21:00");
    const [fixed] = await me.says("时间错了，是8点到9点半");
    expect(fixed).toContain("2026-03-15 20:00-21:30");
    expect(fixed).toContain("3人，共4.5小时");
  });

  it("acknowledges a correction of another field while a question is open, then asks again", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    expect((await me.says("昨天阳光志愿服务队在新牧社区陪老人聊天"))[0]).toMatch(/几位志愿者/);
    const [reply] = await me.says("地点改成新牧社区活动室");
    expect(reply).toMatch(/已记下[\s\S]*几位志愿者/);
    await me.says("6个人");
    expect((await me.says("2小时"))[0]).toContain("地点：新牧社区活动室");
  });

  it("explains a day still ahead given as the date, and takes the real one", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    expect((await me.says("阳光志愿服务队在新牧社区陪老人聊天，4个人，两点到四点"))[0]).toMatch(/哪天/);
    expect((await me.says("明天"))[0]).toMatch(/还没到/);
    expect((await me.says("3月14日"))[0]).toContain("2026-03-14 14:00-16:00");
  });

  it("does not mistake question words inside an answer for a question to the bot", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("/report");
    expect((await me.says("昨天教老人怎么用智能手机"))[0]).toMatch(/哪个组织/);
    await me.says("阳光志愿服务队");
    await me.says("在新牧社区");
    expect((await me.says("是8个人吗"))[0]).toMatch(/每人服务了多久/);
    expect((await me.says("两点到四点"))[0]).toContain("8人，共16小时");
    expect((await me.says("组织了几个居民一起"))[0]).not.toMatch(/组织：了/);
  });

  it("adds a second complete report sent before the first was confirmed instead of overwriting it", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    const [both] = await me.says("前天绿叶志愿队在滨江公园捡垃圾，10个人，9点到11点");
    expect(both).toContain("陪老人包饺子｜阳光志愿服务队｜2026-03-15 14:00-17:00｜新牧社区养老院｜8人 24小时");
    expect(both).toContain("捡垃圾｜绿叶志愿队｜2026-03-14 09:00-11:00｜滨江公园｜10人 20小时");
    await me.says("确认");
    expect((await storedReports(bot)).map((report) => report.organization)).toEqual(["阳光志愿服务队", "绿叶志愿队"]);
  });
});
