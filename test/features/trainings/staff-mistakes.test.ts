import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";

// What park staff really type, mistakes included: each answer is short, Chinese, says what to
// fix, and a wrong line changes nothing.
describe("trainings: staff input as people write it", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("reads 9点-11点半, 下午2点-4点, spaced dashes, 明天14:00 written together, cap:二十 / cap:20人 / cap: 15, remind:无", async () => {
    bot = await startTestBot();
    const staff = bot.group("g1", "培训群").user(bot.staff, "园区老王");
    expect((await staff.says("/training add 下周三 9点-11点半 财务培训 @创新园301"))[0]).toMatch(/^已发布培训 #1：财务培训\n时间：3月25日（周三）09:00-11:30\n地点：创新园301/);
    expect((await staff.says("/training add 12月3日 下午2点-4点 党建培训 @二楼"))[0]).toMatch(/时间：12月3日（周四）14:00-16:00/);
    expect((await staff.says("/training add 明天 9:00 - 11:00 章程培训 @二楼"))[0]).toMatch(/时间：3月17日（周二）09:00-11:00\n地点：二楼/);
    expect((await staff.says("/training add 明天14:00-16:00 档案培训 @二楼"))[0]).toMatch(/时间：3月17日（周二）14:00-16:00/);
    expect((await staff.says("/training add 明天 上午11点-1点 午间课 @二楼"))[0]).toMatch(/11:00-13:00/);
    expect((await staff.says("/training add 明天 9:00-10:00 a @x cap:二十"))[0]).toMatch(/名额：20 人/);
    expect((await staff.says("/training add 明天 9:00-10:00 b @x cap:20人"))[0]).toMatch(/名额：20 人/);
    expect((await staff.says("/training add 明天 9:00-10:00 c @x cap: 15"))[0]).toMatch(/名额：15 人/);
    expect((await staff.says("/training add 明天 晚上7点-9点 d @x remind:无"))[0]).toMatch(/19:00-21:00[\s\S]*· 不提醒$/);
  });

  it("says exactly what is wrong — no place, end before start, no end, no date, a bad date — and saves nothing", async () => {
    bot = await startTestBot();
    const staff = bot.group("g1", "培训群").user(bot.staff, "园区老王");
    expect(await staff.says("/training add 明天 14:00-16:00 无地点培训")).toEqual(["请用 @ 写上地点，例如“@创新园二楼会议室”。"]);
    expect(await staff.says("/training add 明天 16:00-14:00 倒置 @x")).toEqual(["结束时间要晚于开始时间，请检查“16:00-14:00”。"]);
    expect(await staff.says("/training add 明天 9点 讲座 @x")).toEqual(["请写上结束时间，例如“9点-11:30”。"]);
    expect(await staff.says("/training add 9:00-10:00 讲座 @x")).toEqual(["请在时间前写上日期，例如“12月3日”“下周三”“明天”。"]);
    expect(await staff.says("/training add 12月32日 9:00-10:00 讲座 @x")).toEqual(["看不懂日期“12月32日”，可以写成 12月3日、2026-12-03、下周三 或 明天。"]);
    expect(await staff.says("/training list")).toEqual(["目前没有待举办的培训。"]);
  });

  it("edit: a new time alone keeps the rest; a bad time is refused instead of becoming the title; nothing to change gives the usage", async () => {
    bot = await startTestBot();
    const staff = bot.group("g1", "培训群").user(bot.staff, "园区老王");
    await staff.says("/training add 12月3日 9:00-11:30 书法培训 @创新园");
    expect((await staff.says("/training edit 1 10点-12点"))[0]).toMatch(/^已更新培训 #1：书法培训\n时间：12月3日（周四）10:00-12:00\n地点：创新园/);
    expect(await staff.says("/training edit 1 明天 16:00-15:00")).toEqual(["结束时间要晚于开始时间，请检查“16:00-15:00”。"]);
    expect((await staff.says("/training edit 1 后天 9点"))[0]).toMatch(/^已更新培训 #1：书法培训\n时间：3月18日（周三）09:00-11:00/);
    expect(await staff.says("/training edit 1")).toEqual([expect.stringMatching(/^格式：\/training edit <编号> /)]);
    expect((await staff.says("/training show 1"))[0]).toMatch(/^培训 #1：书法培训（待举办）\n时间：3月18日（周三）09:00-11:00/);
  });

  it("asks for the number when show, cancel, roster or edit come without one", async () => {
    bot = await startTestBot();
    const staff = bot.group("g1").user(bot.staff);
    for (const sub of ["show", "cancel", "roster", "edit"]) {
      expect(await staff.says(`/training ${sub}`)).toEqual([`请写上培训编号，例如“/training ${sub} 3”；发送“/training list”查看全部培训。`]);
    }
  });

  it("lets staff write 培训 添加 … / 培训 取消 3 like /training, while 培训 alone still lists", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "培训群");
    expect((await group.user(bot.staff).says("培训 添加 明天 9:00-10:00 中文命令 @二楼"))[0]).toMatch(/^已发布培训 #1：中文命令/);
    expect((await group.user("alice", "小李").says("培训"))[0]).toMatch(/^近期培训：\n#1 中文命令/);
    expect(await group.user(bot.staff).says("培训 取消 1")).toEqual(["已取消培训 #1：中文命令，已通知 1 个群。"]);
  });

  it("warns at once when a training reaches no group, and shows a changed audience", async () => {
    bot = await startTestBot();
    await bot.group("g2", "社区群").user(bot.staff).says("/bind 社区服务队 tag:社区");
    const [added] = await bot.private("staff").user(bot.staff).says("/training add 明天 9:00-10:00 环保讲座 @二楼 to:环保");
    expect(added).toMatch(/面向 0 个群[\s\S]*\n⚠️ 目前没有符合对象“环保”的活跃群，群里不会收到提醒。/);
    const [edited] = await bot.private("staff").user(bot.staff).says("/training edit 1 to:社区");
    expect(edited).toMatch(/\n对象：社区（1 个群）\n/);
    expect(edited).not.toMatch(/⚠️/);
  });

  it("shows the year when a date rolls over into next year, so 3月15日 typed on 3月16日 is not missed", async () => {
    bot = await startTestBot();
    const [added] = await bot.group("g1").user(bot.staff).says("/training add 3月15日 9:00-10:00 年检培训 @二楼");
    expect(added).toMatch(/\n时间：2027年3月15日（周一）09:00-10:00\n/);
    expect((await bot.group("g1").user("alice").says("培训"))[0]).toMatch(/#1 年检培训｜2027年3月15日（周一）09:00-10:00/);
  });

  it("members: 报名3 without a space, 报名 第1个, 报名 1号 all sign up; withdrawing from a cancelled training says it was cancelled", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "志愿者群");
    await group.user(bot.staff).says("/training add 明天 14:00-16:00 活动策划入门 @创新园一楼");
    expect(await group.user("alice", "小李").says("报名1")).toEqual([expect.stringMatching(/^@小李 报名成功：培训 #1/)]);
    expect(await group.user("bob", "老张").says("报名 第1个")).toEqual([expect.stringMatching(/^@老张 报名成功：培训 #1/)]);
    expect(await group.user("carol", "小王").says("报名 1号")).toEqual([expect.stringMatching(/^@小王 报名成功：培训 #1/)]);
    expect(await group.user("carol", "小王").says("取消报名1")).toEqual([expect.stringMatching(/^@小王 已取消报名：培训 #1/)]);
    await group.user(bot.staff).says("/training cancel 1");
    expect(await group.user("alice", "小李").says("取消报名 1")).toEqual(["培训 #1 已经取消了。"]);
  });

  it("takes 地点：… for the place and to:所有 for every group; warns when a tag reaches only the group it was written in", async () => {
    bot = await startTestBot();
    await bot.group("g2", "社区群").user(bot.staff).says("/bind 社区服务队 tag:社区");
    const office = bot.group("g1", "工作人员群");
    const [added] = await office.user(bot.staff).says("/training add 12月3日 14:00-16:00 财务规范培训 地点：创新园二楼 to:所有");
    expect(added).toMatch(/^已发布培训 #1：财务规范培训\n时间：12月3日（周四）14:00-16:00\n地点：创新园二楼\n面向 2 个群/);
    expect((await office.user(bot.staff).says("/training show 1"))[0]).toMatch(/\n对象：全部群（2 个群）\n/);
    expect(added).not.toMatch(/⚠️/);
    const [tagged] = await office.user(bot.staff).says("/training add 明天 9:00-10:00 养老讲座 @二楼 to:养老");
    expect(tagged).toMatch(/面向 1 个群[\s\S]*\n⚠️ 没有带“养老”标签的活跃群，只会在本群提醒。可以用 \/groups 查看各群标签。$/);
  });

  it("members: 报名 / 取消报名 without a number pick the only training, say when there is none", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "志愿者群");
    expect(await group.user("alice", "小李").says("报名")).toEqual(["本群近期没有培训安排。"]);
    expect(await bot.private("alice").user("alice").says("/signup")).toEqual(["目前没有待举办的培训。"]);
    await group.user(bot.staff).says("/training add 明天 14:00-16:00 活动策划 @一楼");
    await group.user(bot.staff).says("/training add 明天 16:00-17:00 财务入门 @一楼");
    expect(await group.user("alice", "小李").says("取消报名")).toEqual(["你目前没有报名待举办的培训。发送“培训”查看近期培训。"]);
    await group.user("alice", "小李").says("报名 2");
    expect(await group.user("alice", "小李").says("取消报名")).toEqual([expect.stringMatching(/^@小李 已取消报名：培训 #2 财务入门/)]);
  });

  it("edit: a new capacity moves people up or down and tells them; a new time or place reaches those signed up privately", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "志愿者群");
    for (const user of ["alice", "bob"]) await bot.private(user).user(user).says("培训");
    await group.user(bot.staff).says("/training add 明天 14:00-16:00 活动策划 @一楼 cap:1");
    await group.user("alice", "小李").says("报名 1");
    await group.user("bob", "老张").says("报名 1");
    const raised = await group.user(bot.staff).says("/training edit 1 cap:2");
    expect(raised).toEqual([expect.stringMatching(/^已更新培训 #1/), expect.stringMatching(/^@老张 好消息：培训 #1 活动策划.*转为正式报名/)]);
    expect(await bot.private("bob").lastReply()).toMatch(/^好消息：培训 #1 活动策划/);
    const [lowered, ...told] = await group.user(bot.staff).says("/training edit 1 cap:1");
    expect(lowered).toMatch(/^注意：名额减少后，1 人转为候补（老张），已通知本人。\n已更新培训 #1/);
    expect(told).toEqual([expect.stringMatching(/^@老张 培训 #1 活动策划（3月17日（周二）14:00）名额调整，你目前在候补第 1 位/)]);
    expect(await bot.private("bob").lastReply()).toMatch(/名额调整，你目前在候补第 1 位/);
    await group.user(bot.staff).says("/training edit 1 15:00-17:00 @二楼");
    for (const user of ["alice", "bob"]) expect(await bot.private(user).lastReply()).toBe("【培训变更】培训“活动策划”（#1）调整为 3月17日（周二）15:00-17:00，地点：二楼。");
  });
});
