import { afterEach, describe, expect, it } from "vitest";
import { openMemoryStorage, type Storage } from "../../../src/ports/storage/index.js";
import { fakeClock } from "../../support/clock.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const instance = { instanceId: "bot-a" };

describe("reminders that came due while the bot was down", () => {
  const open: TestBot[] = [];
  afterEach(async () => {
    for (const bot of open.splice(0)) await bot.close();
  });

  async function plan(storage = openMemoryStorage()) {
    const first = await startTestBot({ storage, config: instance });
    await first.group("g1", "新牧社区志愿队").user("alice").says("大家好");
    const [planned] = await first.private(first.staff).user(first.staff, "园区老张").says("/training add 3月18日 09:00-11:00 财务公开实务 @创新园 to:all remind:1d,1h");
    expect(planned).toMatch(/#1/);
    await first.close();
    return storage;
  }

  const reminders = async (bot: TestBot) => (await bot.group("g1").botMessages()).filter((text) => text.includes("培训提醒"));
  const office = async (bot: TestBot) => (await bot.private(bot.staff).botMessages()).filter((text) => text.includes("补发时限"));

  it("past the 6-hour grace window: not sent late, staff told once, the next reminder goes out on time", async () => {
    const storage = await plan();
    // Down from Monday until Tuesday 16:00: the 1d reminder was due Tuesday 09:00, seven hours ago.
    const second = await startTestBot({ storage, config: instance, clock: fakeClock("2026-03-17T16:00:00+08:00") });
    open.push(second);
    expect(await reminders(second)).toEqual([]);
    expect(await office(second)).toEqual([expect.stringMatching(/^⚠️ 培训“财务公开实务”（#1）的提醒本应在 3\/17 09:00 发出.*已超过 6 小时的补发时限，没有补发/)]);
    for (const time of ["2026-03-17T16:01:00", "2026-03-17T20:00:00"]) {
      second.clock.set(new Date(`${time}+08:00`));
      await second.scheduler.tick(second.clock.now());
    }
    expect(await reminders(second)).toEqual([]);
    expect(await office(second)).toHaveLength(1);
    second.clock.set(new Date("2026-03-18T08:00:00+08:00"));
    await second.scheduler.tick(second.clock.now());
    expect(await reminders(second)).toEqual([expect.stringContaining("还有1小时")]);
  });

  it("follows the configured grace window", async () => {
    const storage = await plan();
    const second = await startTestBot({ storage, config: { ...instance, trainings: { catchUpGraceHours: 8 } }, clock: fakeClock("2026-03-17T16:00:00+08:00") });
    open.push(second);
    expect(await reminders(second)).toEqual([expect.stringContaining("财务公开实务")]);
    expect(await office(second)).toEqual([]);
  });
});

describe("compliance notices that came due while the bot was down", () => {
  const monthly = { enabled: true, dates: [], time: "09:00", cron: "30 9 5 * *", text: "请在本月10日前报送上月财务报表。", textKey: null, tags: ["all"], organizationTypes: [], source: null };
  const notices = async (bot: TestBot) => (await bot.group("g1").botMessages()).filter((text) => text.startsWith("【合规提醒】"));

  const config = { qa: { staffChat: "playground:office" }, trainings: { compliance: { monthly } } };
  const startAt = (storage: Storage, shanghai: string) => startTestBot({ storage, config, clock: fakeClock(`${shanghai}+08:00`) });
  const staffRoom = async (bot: TestBot) => (await bot.group("office", "工作人员群").botMessages()).filter((text) => text.includes("已超过补发时限"));

  async function downUntil(shanghai: string, storage = openMemoryStorage()) {
    const first = await startTestBot({ storage, config });
    await first.group("g1", "新牧社区志愿队").user("alice").says("大家好");
    await first.close();
    return startAt(storage, shanghai);
  }

  it("sends at start, once, a cron notice whose minute passed within the grace window", async () => {
    const bot = await downUntil("2026-04-05T13:00:00");
    expect(await notices(bot)).toEqual(["【合规提醒】请在本月10日前报送上月财务报表。"]);
    bot.clock.set(new Date("2026-04-05T13:01:00+08:00"));
    await bot.scheduler.tick(bot.clock.now());
    expect(await notices(bot)).toHaveLength(1);
    await bot.close();
  });

  it("does not send one that is older than the grace window", async () => {
    const bot = await downUntil("2026-04-05T16:00:00");
    expect(await notices(bot)).toEqual([]);
    await bot.close();
  });

  it("one older than the grace window is recorded as missed: the staff chat is told once, /missed lists it", async () => {
    const storage = openMemoryStorage();
    // Down from before 5 April 09:30 until 16:00: six and a half hours late.
    const second = await downUntil("2026-04-05T16:00:00", storage);
    expect(await notices(second)).toEqual([]);
    expect(await staffRoom(second)).toEqual(["⚠️ 合规提醒“monthly”本应在 4/5 09:30 发出，当时机器人没有运行，已超过补发时限，没有补发。如仍需要，请手动通知各群：请在本月10日前报送上月财务报表。"]);
    expect(await second.private(second.staff).user(second.staff).says("/missed")).toEqual(["因停机未发出的提醒（最近 20 条）：\n· 4/5 09:30｜monthly｜请在本月10日前报送上月财务报表。"]);
    expect(await second.private("p1").user("alice").says("/missed")).toEqual(["抱歉，这个命令只有园区工作人员可以使用。"]);
    await second.close();
    // Another start the same evening tells staff nothing new.
    const third = await startAt(storage, "2026-04-05T18:00:00");
    expect(await staffRoom(third)).toHaveLength(1);
    await third.close();
  });

  it("a notice caught up at one start is not reported missed at a later start", async () => {
    const storage = openMemoryStorage();
    const second = await downUntil("2026-04-05T13:00:00", storage);
    expect(await notices(second)).toHaveLength(1);
    await second.close();
    // Restarted that evening, past the grace window: the groups got it, so nothing was missed.
    const third = await startAt(storage, "2026-04-05T20:00:00");
    expect(await staffRoom(third)).toEqual([]);
    expect(await third.private(third.staff).user(third.staff).says("/missed")).toEqual(["没有因停机而漏发的提醒。"]);
    await third.close();
  });
});
