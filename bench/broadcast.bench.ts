import { pathToFileURL } from "node:url";
import { createApp } from "../src/app.js";
import { configSchema } from "../src/config/schema.js";
import { silentLogger } from "../src/core/logging.js";
import type { BroadcastFeature } from "../src/features/broadcast/index.js";
import { clockText, wallTime } from "../src/features/trainings/time.js";
import { systemClock } from "../src/ports/clock.js";
import { openMemoryStorage } from "../src/ports/storage/index.js";
import type { FakeClock } from "../test/support/clock.js";
import { startTelegramHarness } from "../test/support/telegram.js";

type Result = { name: string; value: number; unit: string; note?: string };

const groupCount = 500;
const perSecond = 30;

/** The harness wants a FakeClock; this one is real time (pacing waits really wait). */
const realClock: FakeClock = { ...systemClock, advance: () => {}, set: () => {}, slept: () => 0 };

/**
 * Broadcast fan-out to 500 groups over a loopback Bot API (telegram-test-api) with Telegram's
 * pacing on the real clock, against the minimum the pacing allows; and how late a training
 * reminder is posted after its minute with the real node-cron scheduler.
 */
export async function run(): Promise<Result[]> {
  const reminder = measureReminderDelay();
  const tg = await startTelegramHarness({ clock: realClock, config: { staff: ["telegram:42"] } });
  try {
    for (let index = 0; index < groupCount; index++) await tg.app.chats.update(`telegram:${-200_000 - index}`, { type: "group", title: `基准群${index + 1}`, tags: ["bench"] });
    const staff = tg.private(42, "园区老王").user(42);
    await staff.says("/broadcast to:bench 基准测试通知：本周六园区停电。");
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    await staff.says("确认");
    await (tg.app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature).idle();
    const seconds = (performance.now() - started) / 1000;
    const delivered = tg.botMessages().filter((message) => message.chatId !== "42" && message.text.includes("基准测试通知")).length;
    const heapDelta = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    // A sliding window of 30 per second: the first 30 go at once, then 30 more each second.
    const minimum = Math.floor((groupCount - 1) / perSecond);
    const delay = await reminder;
    return [
      { name: "broadcast 500 groups, total time", value: round(seconds), unit: "s", note: `${delivered}/${groupCount} delivered over loopback HTTP, Telegram pacing (30/s overall) on the real clock, 8 sends in flight` },
      { name: "broadcast 500 groups, pacing minimum", value: minimum, unit: "s", note: "(500 - 1) / 30 rounded down: the first 30 immediately, then one window per second" },
      { name: "broadcast 500 groups, time / minimum", value: round(seconds / minimum, 3), unit: "×" },
      { name: "broadcast 500 groups, heap growth", value: round(heapDelta), unit: "MB", note: "heapUsed after minus before the fan-out (no forced GC)" },
      { name: "broadcast resident memory", value: round(process.memoryUsage().rss / 1024 / 1024), unit: "MB", note: "rss after the run, emulator and proxy in the same process" },
      { name: "reminder posted after its minute", value: round(delay), unit: "ms", note: "node-cron tick in Asia/Shanghai → claim → outbox → playground transcript, memory store" },
    ];
  } finally {
    await tg.close();
  }
}

/** Schedules a training whose remind:1m slot is the next minute, and times the post against that minute. */
async function measureReminderDelay(): Promise<number> {
  const config = configSchema.parse({ server: { port: 0 } });
  const app = await createApp({ config, storage: openMemoryStorage(), logger: silentLogger(), llm: null });
  await app.start({ listen: false });
  try {
    const now = Date.now();
    let slot = Math.ceil(now / 60_000) * 60_000;
    if (slot - now < 3000) slot += 60_000;
    const start = wallTime(new Date(slot + 60_000), config.timeZone);
    const end = { hour: start.hour, minute: Math.min(59, start.minute + 30) };
    const date = `${start.year}-${start.month}-${start.day}`;
    await app.playground!.post({ chat: { id: "bench", type: "group" }, from: { id: "staff", name: "园区老王" }, text: `/training add ${date} ${clockText(start)}-${clockText(end)} 基准培训 @线上 remind:1m` });
    for (;;) {
      const posted = (await app.playground!.transcripts.after("playground:bench", 0)).find((entry) => entry.text.includes("培训提醒"));
      if (posted) return new Date(posted.sent_at).getTime() - slot;
      if (Date.now() > slot + 30_000) throw new Error("the reminder was not posted within 30 s of its minute");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await app.stop();
  }
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await run()) console.log(`${result.name}: ${result.value} ${result.unit}${result.note ? `  (${result.note})` : ""}`);
  process.exit(0);
}
