import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { storedReports } from "./stored.js";

// The virtual clock starts on Monday 2026-03-16 10:00 (Asia/Shanghai); 昨天 is 2026-03-15.
const complete = "昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点";
const noTeamNoHours = "昨天我们去敬老院陪老人包饺子了，一共8个人";

describe("report conversation: starting", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("starts with /report and asks for the activity", async () => {
    bot = await startTestBot();
    const [reply] = await bot.group("g1").user("alice", "小李").says("/report");
    expect(reply).toMatch(/活动情况/);
  });

  it("starts with the Chinese aliases 上报, 报活动 and 填报", async () => {
    bot = await startTestBot();
    for (const [index, alias] of ["上报", "报活动", "填报"].entries()) {
      const [reply] = await bot.group("g1").user(`u${index}`).says(`${alias}：${complete}`);
      expect(reply).toMatch(/回复“确认”登记，或直接补充\/修改/);
    }
  });

  it("answers a complete report in a private chat with a summary to confirm", async () => {
    bot = await startTestBot();
    const [reply] = await bot.private("alice").user("alice", "小李").says(complete);
    expect(reply).toContain("新牧社区夕阳红志愿服务队");
    expect(reply).toContain("2026-03-15 14:00-17:00");
    expect(reply).toContain("8人，共24小时");
    expect(reply).toContain("回复“确认”登记，或直接补充/修改");
  });

  it("takes a clear report posted in a group without a mention (autoDetect)", async () => {
    bot = await startTestBot();
    const [reply] = await bot.group("g1").user("alice", "小李").says(complete);
    expect(reply).toMatch(/^@小李 /);
    expect(reply).toContain("回复“确认”登记");
  });

  it("stays silent on an unclear report in a group unless mentioned", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    expect(await group.user("alice").says(noTeamNoHours)).toEqual([]);
    const [reply] = await group.user("alice").says(`@小园助手 ${noTeamNoHours}`);
    expect(reply).toMatch(/哪个组织/);
  });

  it("answers a rule question mentioned to it, however many people and which organisation it names", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const [party] = await group.user("alice", "小李").says("@小园助手 我们协会有4个正式党员 需要成立党支部吗");
    expect(party).not.toMatch(/帮你登记/);
    expect(party).toContain("党支部");
    const [members] = await group.user("bob", "老王").says("@小园助手 俺们秧歌队现在登记上名的会员有38个 够不够数");
    expect(members).not.toMatch(/帮你登记/);
    expect(members).toMatch(/50个/);
    // (An account of a day's work with a question about it is still a report.)
    const [report] = await group.user("carol", "小张").says(`@小园助手 ${noTeamNoHours}，这个怎么报`);
    expect(report).toMatch(/哪个组织/);
  });

  it("does not start on its own when autoDetect is off", async () => {
    bot = await startTestBot({ config: { reports: { autoDetect: false } } });
    expect(await bot.group("g1").user("alice").says(complete)).toEqual([]);
  });

  it("ignores group chatter", async () => {
    bot = await startTestBot();
    expect(await bot.group("g1").user("bob").says("大家今天辛苦了")).toEqual([]);
  });

  it("fills the organization from the group's binding", async () => {
    bot = await startTestBot();
    await bot.app.chats.update("playground:g1", { organization: "新牧社区夕阳红志愿服务队" });
    const [reply] = await bot.group("g1").user("alice").says(`@小园助手 ${noTeamNoHours}`);
    expect(reply).not.toMatch(/哪个组织/);
    expect(reply).toMatch(/多久|几点/);
  });
});

describe("report conversation: questions and answers", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("asks one question per turn, in order, then summarises", async () => {
    bot = await startTestBot();
    const alice = bot.group("g1").user("alice", "小李");
    const first = (await alice.says(`@小园助手 ${noTeamNoHours}`))[0]!;
    expect(first).toMatch(/哪个组织/);
    expect(first).not.toMatch(/多久/);
    expect((await alice.says("新牧社区夕阳红志愿服务队"))[0]).toMatch(/多久|几点到几点/);
    const summary = (await alice.says("9点到11点"))[0]!;
    expect(summary).toContain("8人，共16小时");
    expect(summary).toContain("回复“确认”登记");
  });

  it("accepts several answers at once and out of order", async () => {
    bot = await startTestBot();
    const alice = bot.group("g1").user("alice");
    await alice.says(`@小园助手 ${noTeamNoHours}`);
    // Asked for the organization; gets the hours too.
    const [reply] = await alice.says("新牧社区夕阳红志愿服务队，9点到11点");
    expect(reply).toContain("新牧社区夕阳红志愿服务队");
    expect(reply).toContain("共16小时");
    expect(reply).toContain("回复“确认”登记");
  });

  it("applies a correction and recomputes the hours", async () => {
    bot = await startTestBot();
    const alice = bot.private("alice").user("alice");
    await alice.says(complete);
    const [reply] = await alice.says("不对，是12个人");
    expect(reply).toContain("12人，共36小时");
  });

  it("asks what to fix when the summary is rejected, then takes the fix", async () => {
    bot = await startTestBot();
    const alice = bot.private("alice").user("alice");
    await alice.says(complete);
    expect((await alice.says("不对"))[0]).toMatch(/哪里不对/);
    const [fixed] = await alice.says("地点改成新牧社区活动室");
    expect(fixed).toContain("地点：新牧社区活动室");
    expect((await alice.says("确认"))[0]).toMatch(/已登记：R20260316-001/);
    expect((await storedReports(bot))[0]).toMatchObject({ location: "新牧社区活动室", volunteers: 8 });
  });

  it("cancels with 取消 or 算了 and stores nothing", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    await group.user("alice").says(complete);
    expect((await group.user("alice").says("算了"))[0]).toMatch(/已取消/);
    await group.user("bob").says(complete);
    expect((await group.user("bob").says("取消"))[0]).toMatch(/已取消/);
    expect(await storedReports(bot)).toEqual([]);
    // The conversation is over: her next chatter is ignored again.
    expect(await group.user("alice").says("好的谢谢")).toEqual([]);
  });

  it("starts over with 重新来", async () => {
    bot = await startTestBot();
    const alice = bot.private("alice").user("alice");
    await alice.says(noTeamNoHours);
    expect((await alice.says("重新来"))[0]).toMatch(/重新来/);
    const [reply] = await alice.says(complete);
    expect(reply).toContain("8人，共24小时");
  });

  it("attaches photos sent later to the draft", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const alice = group.user("alice");
    await alice.says(complete);
    expect((await alice.sendsPhotos(2))[0]).toMatch(/收到2张照片（共2张）/);
    expect((await alice.says("确认"))[0]).toMatch(/已登记/);
    expect((await storedReports(bot))[0]).toMatchObject({ photos: 2 });
  });

  it("confirms with any of 确认, 对, 没问题, OK, 好的", async () => {
    bot = await startTestBot();
    for (const [index, word] of ["确认", "对", "没问题", "OK", "好的"].entries()) {
      const speaker = bot.private(`u${index}`).user(`u${index}`);
      await speaker.says(complete.replace("8人", `${index + 3}人`));
      expect((await speaker.says(word))[0]).toMatch(/已登记/);
    }
  });

  it("keeps two reporters in one group apart and ignores other people's chatter", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const alice = group.user("alice", "小李");
    const bob = group.user("bob", "老王");
    expect((await alice.says(`@小园助手 ${noTeamNoHours}`))[0]).toMatch(/哪个组织/);
    expect((await bob.says("@小园助手 上周六我们在何家沟河道捡垃圾，6个人，上午9点到11点"))[0]).toMatch(/哪个组织/);
    expect(await group.user("carol").says("新伟社区党员志愿服务队真棒")).toEqual([]);
    expect((await bob.says("新伟社区党员志愿服务队"))[0]).toContain("6人，共12小时");
    expect((await alice.says("新牧社区夕阳红志愿服务队"))[0]).toMatch(/多久|几点/);
    expect((await alice.says("2个小时"))[0]).toContain("8人，共16小时");
    expect((await bob.says("确认"))[0]).toMatch(/^@老王 已登记/);
    expect((await alice.says("确认"))[0]).toMatch(/^@小李 已登记/);
    const reports = await storedReports(bot);
    expect(reports.map((report) => [report.reporter, report.organization])).toEqual([
      ["playground:bob", "新伟社区党员志愿服务队"],
      ["playground:alice", "新牧社区夕阳红志愿服务队"],
    ]);
  });

  it("handles several activities in one message: confirm one, then the rest", async () => {
    bot = await startTestBot();
    const alice = bot.private("alice").user("alice");
    const [summary] = await alice.says("昨天两个活动：①上午8:30-10:30 何家沟河道捡垃圾，6人；②下午3点到5点 新伟社区四点半课堂辅导作业，4人。都是新伟社区党员志愿服务队的");
    expect(summary).toMatch(/①捡垃圾｜新伟社区党员志愿服务队｜2026-03-15 08:30-10:30.*6人 12小时\n②.*4人 8小时/);
    // The one left is shown again on its own.
    expect((await alice.says("确认1"))[0]).toMatch(/已登记：R20260316-001[\s\S]*新伟社区四点半课堂[\s\S]*回复“确认”登记/);
    expect((await alice.says("确认"))[0]).toMatch(/已登记：R20260316-002/);
    expect((await storedReports(bot)).map((report) => report.volunteers)).toEqual([6, 4]);
  });

  it("records all activities of one message with a single 确认", async () => {
    bot = await startTestBot();
    const alice = bot.private("alice").user("alice");
    await alice.says("昨天两个活动：①上午8:30-10:30 何家沟河道捡垃圾，6人；②下午3点到5点 新伟社区四点半课堂辅导作业，4人。都是新伟社区党员志愿服务队的");
    const [reply] = await alice.says("确认");
    expect(reply).toMatch(/已登记：R20260316-001、R20260316-002/);
  });
});

describe("report conversation: other messages meanwhile", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("lets a question to the bot through mid-report and keeps the draft", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const alice = group.user("alice", "小李");
    await alice.says(`@小园助手 ${noTeamNoHours}`);
    const [answer] = await alice.says("@小园助手 年检材料什么时候交？");
    expect(answer ?? "").not.toMatch(/没太看懂|哪个组织/);
    // A question to the group is chatter: no reply, and the draft is still there.
    expect(await alice.says("明天几点集合？")).toEqual([]);
    expect((await alice.says("新牧社区夕阳红志愿服务队"))[0]).toMatch(/多久|几点/);
  });

  it("keeps every reply short enough for a group chat", async () => {
    bot = await startTestBot();
    const alice = bot.group("g1").user("alice");
    const replies = [
      ...(await alice.says("@小园助手 昨天两个活动：①上午8:30-10:30 何家沟河道捡垃圾，6人；②下午3点到5点 新伟社区四点半课堂辅导作业，4人，辅导了18个孩子。都是新伟社区党员志愿服务队的")),
      ...(await alice.says("确认")),
      ...(await alice.says(`@小园助手 ${complete}`)),
      ...(await alice.says("确认")),
    ];
    expect(replies).toHaveLength(4);
    for (const reply of replies) {
      expect(reply.length).toBeLessThan(300);
      expect(reply.split("\n").length).toBeLessThanOrEqual(10);
    }
  });
});
