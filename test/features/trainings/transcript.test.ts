import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";

describe("trainings in a playground group", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("posts a training scheduled a few minutes ahead with remind:1m exactly once, in its minute", async () => {
    bot = await startTestBot({ clock: undefined });
    bot.clock.set("2026-03-16T10:00:20+08:00");
    const group = bot.group("g1", "财务培训群");
    const [added] = await group.user(bot.staff, "园区老王").says("/training add 今天 10:05-11:00 财务制度小课堂 @创新园二楼会议室 remind:1m");
    expect(added).toMatch(/已发布培训 #1：财务制度小课堂/);
    expect(added).toMatch(/提前1分钟：3月16日（周一）10:04/);

    for (const minute of ["10:01", "10:02", "10:03"]) await bot.scheduler.tick(new Date(`2026-03-16T${minute}:00+08:00`));
    expect((await group.botMessages()).filter((text) => text.includes("培训提醒"))).toEqual([]);

    await bot.scheduler.tick(new Date("2026-03-16T10:04:00+08:00"));
    await bot.scheduler.tick(new Date("2026-03-16T10:04:00+08:00"));
    await bot.scheduler.tick(new Date("2026-03-16T10:05:00+08:00"));
    const reminders = (await group.botMessages()).filter((text) => text.includes("培训提醒"));
    expect(reminders).toEqual(["⏰ 培训提醒：“财务制度小课堂”（#1）将于 3月16日（周一）10:05 开始（还有1分钟），地点：创新园二楼会议室。"]);
  });

  it("lets members list, sign up and withdraw; the first on the waiting list moves up and is told", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "志愿者群");
    await group.user(bot.staff, "园区老王").says("/training add 明天 14:00-16:00 活动策划入门 @创新园一楼 cap:1");
    const [list] = await group.user("alice", "小李").says("培训");
    expect(list).toMatch(/#1 活动策划入门｜3月17日（周二）14:00-16:00｜创新园一楼｜剩余名额 1\/1/);
    expect(await group.user("alice", "小李").says("报名 1")).toEqual([expect.stringMatching(/@小李 报名成功：培训 #1/)]);
    expect(await group.user("bob", "老张").says("报名 1")).toEqual([expect.stringMatching(/候补第 1 位/)]);
    expect(await group.user("alice", "小李").says("报名 1")).toEqual([expect.stringMatching(/已经报名/)]);
    const withdrawn = await group.user("alice", "小李").says("取消报名 1");
    expect(withdrawn).toEqual([expect.stringMatching(/已取消报名/), expect.stringMatching(/^@老张 好消息：培训 #1 .*转为正式报名/)]);
    const [roster] = await group.user(bot.staff, "园区老王").says("/training roster 1");
    expect(roster).toMatch(/报名名单（1 人）：\n1\. 老张/);
  });
});

describe("changing and cancelling a training", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("moves a training: the groups are told, reminders follow the new time, old slots do not block new ones", async () => {
    bot = await startTestBot();
    await bot.group("g1", "协会群").user(bot.staff).says("/bind 某协会 tag:协会");
    const office = bot.group("office", "工作人员群");
    await office.user(bot.staff).says("/training add 明天 09:00-10:00 章程修改要点 @创新园 to:协会 remind:1h");
    await tick(bot, "2026-03-17T08:00:00");
    const [edited] = await office.user(bot.staff).says("/training edit 1 明天 14:00-15:30 @创新园三楼");
    expect(edited).toMatch(/已更新培训 #1：章程修改要点\n时间：3月18日（周三）14:00-15:30\n地点：创新园三楼/);
    expect(await bot.group("g1").botMessages()).toContain("【培训变更】培训“章程修改要点”（#1）调整为 3月18日（周三）14:00-15:30，地点：创新园三楼。");
    await tick(bot, "2026-03-18T13:00:00");
    const reminders = (await bot.group("g1").botMessages()).filter((text) => text.includes("培训提醒"));
    expect(reminders).toEqual([expect.stringContaining("3月17日（周二）09:00"), expect.stringContaining("3月18日（周三）14:00 开始（还有1小时），地点：创新园三楼")]);
  });

  it("cancels: the groups and registrants are told, no reminder follows, sign-up is closed", async () => {
    bot = await startTestBot();
    await bot.group("g1", "协会群").user(bot.staff).says("/bind 某协会 tag:协会");
    await bot.private("alice", "小李").user("alice", "小李").says("你好");
    const office = bot.group("office", "工作人员群");
    await office.user(bot.staff).says("/training add 明天 09:00-10:00 章程修改要点 @创新园 to:协会 remind:1h");
    await bot.group("g1").user("alice", "小李").says("报名 1");
    expect(await office.user(bot.staff).says("/training cancel 1")).toEqual(["已取消培训 #1：章程修改要点，已通知 2 个群。"]);
    const notice = "【培训取消】原定 3月17日（周二）09:00 的培训“章程修改要点”（#1）取消，给大家带来不便，敬请谅解。";
    expect(await bot.group("g1").botMessages()).toContain(notice);
    expect(await bot.private("alice").botMessages()).toContain(notice);
    await tick(bot, "2026-03-17T08:00:00");
    expect((await bot.group("g1").botMessages()).some((text) => text.includes("培训提醒"))).toBe(false);
    expect(await bot.group("g1").user("bob").says("报名 1")).toEqual(["培训 #1 已经取消了。"]);
  });
});

async function tick(bot: TestBot, shanghai: string): Promise<void> {
  const at = new Date(`${shanghai}+08:00`);
  bot.clock.set(at);
  await bot.scheduler.tick(at);
}

describe("a group that changes its key", () => {
  it("keeps its training visible and tells its waiting list in the new chat", async () => {
    const bot = await startTestBot();
    const old = bot.group("old", "志愿者群");
    await old.user(bot.staff, "园区老王").says("/training add 明天 14:00-16:00 活动策划入门 @创新园一楼 cap:1");
    await old.user("alice", "小李").says("报名 1");
    await old.user("bob", "老张").says("报名 1");
    await bot.app.sink.rekeyChat("playground:old", "playground:new");
    const moved = bot.group("new", "志愿者群");
    expect((await moved.user("carol").says("培训"))[0]).toMatch(/#1 活动策划入门/);
    await moved.user("alice", "小李").says("取消报名 1");
    expect((await moved.botMessages()).some((text) => /^@老张 好消息/.test(text))).toBe(true);
    await bot.close();
  });
});
