import { pathToFileURL } from "node:url";
import { Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { startTelegramHarness } from "../test/support/telegram.js";

type Result = { name: string; value: number; unit: string; note?: string };

/** Feeds updates to the adapter `concurrency` at a time, as the runner's sink does. */
async function throughput(handle: (update: Update) => Promise<void>, updates: Update[], concurrency: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < updates.length; index += concurrency) await Promise.all(updates.slice(index, index + concurrency).map(handle));
  return updates.length / ((performance.now() - started) / 1000);
}

function message(updateId: number, chat: { id: number; type: "group" | "private" }, userId: number, text: string): Update {
  const native = chat.type === "group" ? { ...chat, title: "基准测试群" } : { ...chat, first_name: `用户${userId}` };
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return { update_id: updateId, message: { message_id: updateId, date: 1773626400, chat: native, from: { id: userId, is_bot: false, first_name: `用户${userId}` }, text, entities } } as Update;
}

/**
 * Telegram adapter: update handling through grammY into the dispatcher (bot.handleUpdate with
 * synthetic updates), with replies sent over loopback HTTP to the Bot API emulator.
 */
export async function run(): Promise<Result[]> {
  const tg = await startTelegramHarness();
  try {
    const handle = (update: Update) => tg.adapter.handleUpdate(update);
    // Warm-up: JIT and first-use costs out of the measured runs.
    await throughput(handle, Array.from({ length: 200 }, (_, index) => message(index + 1, { id: -1000 - (index % 20), type: "group" }, 10 + index, "大家好")), 50);
    const chatter = Array.from({ length: 5000 }, (_, index) => message(10_000 + index, { id: -2000 - (index % 50), type: "group" }, 100 + (index % 200), `今天的活动${index}号大家辛苦了`));
    const ignored = await throughput(handle, chatter, 100);
    // The same updates through a bare grammY bot that ignores every message: the floor.
    const bare = new Bot("1:bench", { botInfo: { id: 1, is_bot: true, first_name: "bench", username: "bench_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } as UserFromGetMe });
    bare.on("message", () => undefined);
    await throughput((update) => bare.handleUpdate(update), chatter.slice(0, 200), 100);
    const floor = await throughput((update) => bare.handleUpdate(update), chatter, 100);
    const help = Array.from({ length: 500 }, (_, index) => message(100_000 + index, { id: 5000 + index, type: "private" }, 5000 + index, "/help"));
    const helped = await throughput(handle, help, 50);
    const replies = tg.botMessages().length;
    return [
      { name: "telegram start-up to ready", value: round(tg.startMs), unit: "ms", note: "createApp + getMe + deleteWebhook + runner started (the command menu is sent in the background), loopback emulator" },
      { name: "telegram group chatter ignored", value: round(ignored), unit: "messages/s", note: "5000 updates, 100 at a time, 50 groups; parsed, recorded in the chat directory, not addressed" },
      { name: "bare grammY bot ignoring the same chatter", value: round(floor), unit: "messages/s", note: "same 5000 updates, same run, no storage" },
      { name: "chatter cost against bare grammY", value: round(floor / ignored), unit: "×", note: "bare grammY throughput / incubot's; ignored chatter makes no storage write (test/core/chatter.test.ts)" },
      { name: "telegram /help answered", value: round(helped), unit: "messages/s", note: `500 private chats, 50 at a time; ${replies} replies sent over HTTP to the emulator; pacing on a virtual clock` },
      { name: "telegram resident memory", value: round(process.memoryUsage().rss / 1024 / 1024), unit: "MB", note: "rss after the runs, emulator and proxy in the same process" },
    ];
  } finally {
    await tg.close();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await run()) console.log(`${result.name}: ${result.value} ${result.unit}${result.note ? `  (${result.note})` : ""}`);
}
