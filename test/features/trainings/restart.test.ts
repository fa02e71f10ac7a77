import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openMemoryStorage, openStorage, type Storage } from "../../../src/ports/storage/index.js";
import { fakeClock } from "../../support/clock.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const instance = { instanceId: "bot-a" };

async function tickAt(bot: TestBot, shanghai: string): Promise<void> {
  const at = new Date(`${shanghai}+08:00`);
  bot.clock.set(at);
  await bot.scheduler.tick(at);
}

async function reminders(bot: TestBot, group = "g1"): Promise<string[]> {
  return (await bot.group(group).botMessages()).filter((text) => text.includes("培训提醒"));
}

function collectingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

describe("reminders across restarts", () => {
  const folder = mkdtempSync(join(tmpdir(), "incubot-trainings-"));
  const open: TestBot[] = [];
  afterEach(async () => {
    for (const bot of open.splice(0)) await bot.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("a crash between claim and send: the restarted process sends the reminder, once", async () => {
    const storage = openMemoryStorage();
    const first = await startTestBot({ storage, config: instance });
    await first.group("g1").user(first.staff).says("/training add 今天 12:00-13:00 消防演练说明会 @创新园 remind:1h");
    // The platform never answers: the process dies with the slot claimed and nothing sent.
    first.playground.sender.send = () => new Promise(() => {});
    first.clock.set("2026-03-16T11:00:00+08:00");
    void first.scheduler.tick(first.clock.now());
    const key = "once:reminder:1:1h:playground:g1";
    for (let spin = 0; spin < 100 && (await storage.claimOwner(key)) === undefined; spin++) await new Promise((resolve) => setImmediate(resolve));
    expect(await storage.claimOwner(key)).toBe("bot-a");

    const second = await startTestBot({ storage, config: instance, clock: fakeClock("2026-03-16T11:00:30+08:00") });
    open.push(second);
    await tickAt(second, "2026-03-16T11:01:00");
    await tickAt(second, "2026-03-16T11:02:00");
    expect(await reminders(second)).toEqual([expect.stringContaining("消防演练说明会")]);
  });

  it("a restart between two offsets (sqlite file): no loss, no repeat", async () => {
    const url = `sqlite://${join(folder, "offsets.sqlite")}`;
    const first = await startTestBot({ storage: await openStorage(url), config: instance });
    await first.group("g1").user(first.staff).says("/training add 3月18日 09:00-11:00 项目申报辅导 @创新园 remind:1d,1h");
    await tickAt(first, "2026-03-17T09:00:00");
    expect(await reminders(first)).toHaveLength(1);
    await first.close();

    const second = await startTestBot({ storage: await openStorage(url), config: instance, clock: fakeClock("2026-03-17T09:00:40+08:00") });
    open.push(second);
    for (const time of ["2026-03-17T09:01:00", "2026-03-17T20:00:00", "2026-03-18T08:00:00", "2026-03-18T08:01:00"]) await tickAt(second, time);
    expect(await reminders(second)).toEqual([expect.stringContaining("还有1天"), expect.stringContaining("还有1小时")]);
  });

  it("catches up on start a reminder that came due while the bot was down", async () => {
    const storage = openMemoryStorage();
    const first = await startTestBot({ storage, config: instance });
    await first.group("g1").user(first.staff).says("/training add 3月18日 09:00-11:00 财务公开实务 @创新园 remind:1d,1h");
    await first.close();
    // Down from Monday 10:00 until Tuesday 12:00: the 1d reminder (Tuesday 09:00) was missed.
    const second = await startTestBot({ storage, config: instance, clock: fakeClock("2026-03-17T12:00:00+08:00") });
    open.push(second);
    expect(await reminders(second)).toEqual([expect.stringContaining("财务公开实务”（#1）将于 3月18日（周三）09:00 开始（还有21小时）")]);
    await tickAt(second, "2026-03-17T12:01:00");
    expect(await reminders(second)).toHaveLength(1);
  });

  it("after a long downtime sends only the latest due reminder, not a stale one", async () => {
    const storage = openMemoryStorage();
    const first = await startTestBot({ storage, config: instance });
    await first.group("g1").user(first.staff).says("/training add 3月18日 09:00-11:00 党建工作培训 @创新园 remind:1d,1h");
    await first.close();
    const second = await startTestBot({ storage, config: instance, clock: fakeClock("2026-03-18T08:20:00+08:00") });
    open.push(second);
    expect(await reminders(second)).toEqual([expect.stringContaining("还有40分钟")]);
  });

  it("skips and logs reminders missed when the training has already begun", async () => {
    const storage: Storage = openMemoryStorage();
    const first = await startTestBot({ storage, config: instance });
    await first.group("g1").user(first.staff).says("/training add 3月18日 09:00-11:00 社工站交流 @创新园 remind:1h");
    await first.close();
    const { logger, lines } = collectingLogger();
    const second = await startTestBot({ storage, config: instance, logger, clock: fakeClock("2026-03-18T09:30:00+08:00") });
    open.push(second);
    expect(await reminders(second)).toEqual([]);
    expect(lines.join("")).toMatch(/reminder missed while the bot was down; the training has begun/);
  });
});
