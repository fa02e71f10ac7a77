import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";

/** Ticks the manual scheduler at a Shanghai wall time, moving the virtual clock there first. */
async function tickAt(bot: TestBot, shanghai: string): Promise<void> {
  const at = new Date(`${shanghai}+08:00`);
  bot.clock.set(at);
  await bot.scheduler.tick(at);
}

async function reminders(bot: TestBot, group: string): Promise<string[]> {
  return (await bot.group(group).botMessages()).filter((text) => text.includes("培训提醒"));
}

describe("training reminders fire in their minute, in Asia/Shanghai", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("fires a 1h reminder at 23:30 the evening before a training at 00:30", async () => {
    bot = await startTestBot({ clock: undefined });
    bot.clock.set("2026-03-16T10:00:00+08:00");
    await bot.group("g1").user(bot.staff).says("/training add 3月17日 00:30-02:00 夜间安全巡查培训 @线上 remind:1h");
    await tickAt(bot, "2026-03-16T23:29:00");
    expect(await reminders(bot, "g1")).toEqual([]);
    await tickAt(bot, "2026-03-16T23:30:00");
    await tickAt(bot, "2026-03-16T23:31:00");
    expect(await reminders(bot, "g1")).toEqual([expect.stringContaining("将于 3月17日（周二）00:30 开始（还有1小时）")]);
  });

  it("fires a 1d reminder on 31 March for a training on 1 April (month end)", async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-30T10:00:00+08:00");
    const [added] = await bot.group("g1").user(bot.staff).says("/training add 4月1日 09:00-11:00 年检材料准备 @创新园 remind:1d");
    expect(added).toContain("· 提前1天：3月31日（周二）09:00");
    await tickAt(bot, "2026-03-31T08:59:00");
    expect(await reminders(bot, "g1")).toEqual([]);
    // 09:00 in Shanghai is 01:00 UTC: the tick's instant, not the host's zone, decides.
    bot.clock.set("2026-03-31T01:00:00Z");
    await bot.scheduler.tick(new Date("2026-03-31T01:00:00Z"));
    expect(await reminders(bot, "g1")).toEqual([expect.stringContaining("还有1天")]);
  });

  it("fires across the year end: a 30m reminder at 23:40 on 31 December", async () => {
    bot = await startTestBot();
    bot.clock.set("2026-12-30T12:00:00+08:00");
    await bot.group("g1").user(bot.staff).says("/training add 2027-01-01 00:10-01:00 跨年志愿服务岗前培训 @广场 remind:30m");
    await tickAt(bot, "2026-12-31T23:39:00");
    expect(await reminders(bot, "g1")).toEqual([]);
    await tickAt(bot, "2026-12-31T23:40:00");
    expect(await reminders(bot, "g1")).toEqual([expect.stringContaining("1月1日（周五）00:10 开始（还有30分钟）")]);
  });

  it("sends each offset once, the registrants privately too, and nothing after the start", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "志愿者群");
    await group.user(bot.staff).says("/training add 明天 14:00-16:00 急救知识 @创新园 remind:1d,1h");
    // 小李 has talked to the bot privately, so the bot knows where to remind her.
    await bot.private("alice", "小李").user("alice", "小李").says("报名 1");
    await group.user("bob", "老张").says("报名 1");
    for (const time of ["2026-03-16T14:00:00", "2026-03-16T14:01:00", "2026-03-17T13:00:00", "2026-03-17T13:30:00", "2026-03-17T14:00:00", "2026-03-17T15:00:00"]) await tickAt(bot, time);
    expect(await reminders(bot, "g1")).toEqual([expect.stringContaining("还有1天"), expect.stringContaining("还有1小时")]);
    const direct = (await bot.private("alice").botMessages()).filter((text) => text.includes("你报名的培训"));
    expect(direct).toEqual([expect.stringMatching(/^⏰ 小李，你报名的培训“急救知识”.*还有1天/), expect.stringContaining("还有1小时")]);
  });

  it("reminds groups with the training's tags and not the others", async () => {
    bot = await startTestBot();
    await bot.group("g-elderly", "夕阳红群").user(bot.staff).says("/bind 夕阳红志愿者协会 tag:养老");
    await bot.group("g-youth", "青年群").user(bot.staff).says("/bind 青年志愿服务队 tag:青年");
    await bot.group("g-staff", "工作人员群").user(bot.staff).says("/training add 明天 09:00-10:00 养老服务规范 @创新园 to:养老 remind:1h");
    await tickAt(bot, "2026-03-17T08:00:00");
    expect(await reminders(bot, "g-elderly")).toHaveLength(1);
    expect(await reminders(bot, "g-staff")).toHaveLength(1);
    expect(await reminders(bot, "g-youth")).toEqual([]);
  });

  it("does not post a reminder whose time had already passed when the training was scheduled", async () => {
    bot = await startTestBot();
    await bot.group("g1").user(bot.staff).says("/training add 今天 10:30-11:30 临时碰头会 @302室");
    await tickAt(bot, "2026-03-16T10:01:00");
    expect(await reminders(bot, "g1")).toEqual([]);
  });
});
