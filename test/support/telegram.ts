/**
 * A whole bot talking Telegram over loopback, for transcript tests and benchmarks.
 *
 *   const tg = await startTelegramHarness();                 // long polling; { mode: "webhook" } for webhooks
 *   const group = tg.group(-1001, "阳光志愿队");
 *   await group.user(42, "小李").says("@TestNameBot 你好");  // → the bot's reply texts in this chat
 *   await tg.private(42, "小李").user(42).says("/help");
 *   tg.inject({ method: "sendMessage", times: 3, errorCode: 429, retryAfter: 30 }); // next 3 sendMessage calls
 *   tg.inject({ method: "sendMessage", chatId: -1001, errorCode: 403 });         // 403 for one chat
 *   tg.botMessages(-1001);  tg.calls("sendMessage");  await tg.close();
 *
 * Pieces: telegram-test-api (a real HTTP Bot API emulator, bot token {@link telegramToken}, bot
 * @TestNameBot id 666) stores what the bot sends; in front of it a small loopback proxy, the bot's
 * TELEGRAM_API_ROOT, records every call, injects faults, serves getUpdates from the harness's own
 * queue with real long polling and offsets (the emulator knows no my_chat_member updates and has
 * no long polling), and answers sendDocument (the emulator does not). The app is createApp with a
 * memory (or temp SQLite) store, the virtual clock `tg.clock` (pacing and 429 waits pass
 * instantly) and the manual scheduler `tg.scheduler`. Users' messages are Update objects: queued
 * for polling, or POSTed to /telegram/webhook with the secret in webhook mode (the Bot API side
 * lives in ./telegram-api.ts). `says` resolves
 * once the adapter has handled the update, with the bot's messages in that chat since it was sent.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MessageEntity, Update } from "grammy/types";
import type { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { createApp, type App, type AppOptions } from "../../src/app.js";
import { configSchema, type Config } from "../../src/config/schema.js";
import { silentLogger } from "../../src/core/logging.js";
import { createManualScheduler } from "../../src/ports/scheduler.js";
import { openMemoryStorage, openStorage } from "../../src/ports/storage/index.js";
import { PlaygroundAdapter } from "../../src/platforms/playground/adapter.js";
import { TelegramAdapter } from "../../src/platforms/telegram/adapter.js";
import type { PlatformAdapter } from "../../src/platforms/types.js";
import { fakeClock, type FakeClock } from "./clock.js";
import { BotApiProxy, startEmulator, toSent } from "./telegram-api.js";

export const telegramToken = "123456:harness-token";
export const webhookSecretForTests = "harness-webhook-secret";

export interface HarnessOptions {
  mode?: "polling" | "webhook";
  store?: "memory" | "sqlite";
  playground?: boolean;
  /** Merged over the harness's config (telegram token, api root, webhook are set by it). */
  config?: Record<string, unknown>;
  clock?: FakeClock;
  features?: AppOptions["features"];
}

/** One message the bot sent, as the emulator stored it. */
export interface SentMessage {
  messageId: number;
  chatId: string;
  text: string;
  entities?: MessageEntity[];
  buttons?: Array<{ text: string; data: string }>;
  replyTo?: number;
  document?: { name: string; size: number; data: Buffer };
}

export interface Fault {
  /** Bot API method, e.g. "sendMessage". */
  method: string;
  /** How many matching calls fail (default 1). */
  times?: number;
  /** Only calls for this chat id. */
  chatId?: number | string;
  /** 429 (default), 403, 400 … */
  errorCode?: number;
  retryAfter?: number;
  migrateToChatId?: number;
  description?: string;
}

export interface TelegramUser {
  /** The user writes in the chat; resolves with the texts the bot sent to this chat meanwhile. */
  says(text: string, extra?: { replyTo?: SentMessage; photo?: boolean; entities?: MessageEntity[] }): Promise<string[]>;
  /** The user presses an inline button (its callback data) under a bot message. */
  presses(data: string, on?: SentMessage): Promise<string[]>;
}

export interface TelegramChat {
  id: number;
  key: string;
  user(id: number, name?: string): TelegramUser;
  botMessages(): SentMessage[];
  /** The group became a supergroup: both service messages, as Telegram sends them. */
  migrateTo(newId: number): Promise<void>;
  /** The bot was removed from the group (my_chat_member: kicked). */
  botRemoved(): Promise<void>;
}

export interface TelegramHarness {
  app: App;
  adapter: TelegramAdapter;
  emulator: TelegramServer;
  clock: FakeClock;
  scheduler: ReturnType<typeof createManualScheduler>;
  /** The bot's API root (the proxy in front of the emulator). */
  apiRoot: string;
  bot: { id: number; username: string };
  /** Milliseconds from createApp to a started app (getMe, polling or setWebhook done). */
  startMs: number;
  group(id: number, title?: string): TelegramChat;
  private(userId: number, name?: string): TelegramChat;
  /** Delivers any update (ids are filled in); resolves when handled, with the bot's new messages there. */
  deliver(update: Omit<Update, "update_id">, chatId?: number): Promise<SentMessage[]>;
  /** POSTs an update to the webhook route with this secret (undefined: no header); the HTTP status. */
  postWebhook(update: Omit<Update, "update_id">, secret: string | undefined): Promise<number>;
  inject(fault: Fault): void;
  calls(method?: string): Array<{ method: string; body: Record<string, unknown>; faulted: boolean }>;
  botMessages(chatId?: number | string): SentMessage[];
  close(): Promise<void>;
}

export async function startTelegramHarness(options: HarnessOptions = {}): Promise<TelegramHarness> {
  const mode = options.mode ?? "polling";
  const emulator = await startEmulator();
  const proxy = new BotApiProxy(emulator, telegramToken);
  const apiRoot = await proxy.listen();
  const directory = options.store === "sqlite" ? mkdtempSync(join(tmpdir(), "incubot-tg-")) : undefined;
  const storage = directory ? await openStorage(`sqlite://${join(directory, "incubot.sqlite")}`) : openMemoryStorage();
  const clock = options.clock ?? fakeClock();
  const logger = silentLogger();
  const config: Config = configSchema.parse(
    merge(
      {
        server: { host: "127.0.0.1", port: 0, playground: options.playground ?? false },
        telegram: { token: telegramToken, apiRoot, webhookUrl: mode === "webhook" ? "http://127.0.0.1/telegram/webhook" : null, webhookSecret: webhookSecretForTests },
      },
      options.config ?? {},
    ),
  );
  const waiters = new Map<number, () => void>();
  const adapter = new TelegramAdapter({ config, logger, clock, storage, pollingTimeoutSeconds: 10, onUpdateHandled: (update) => waiters.get(update.update_id)?.() });
  const platforms: PlatformAdapter[] = [adapter];
  if (config.server.playground) platforms.push(new PlaygroundAdapter({ storage, clock, botName: config.bot.name }));
  const scheduler = createManualScheduler();
  const started = performance.now();
  const app = await createApp({ config, storage, clock, logger, llm: null, scheduler, platforms, features: options.features });
  await app.start({ listen: mode === "webhook" || config.server.playground });
  const startMs = performance.now() - started;
  let nextUpdate = 1;
  let nextMessage = 1;

  const post = async (update: Update, secret: string | undefined) => {
    const response = await fetch(`http://${app.address!.host}:${app.address!.port}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    return response.status;
  };
  const deliver = async (partial: Omit<Update, "update_id">, chatId?: number): Promise<SentMessage[]> => {
    const update = { update_id: nextUpdate++, ...partial } as Update;
    const before = chatId === undefined ? 0 : harness.botMessages(chatId).length;
    const handled = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`update ${update.update_id} was not handled within 10 s: ${JSON.stringify(update)}`)), 10_000);
      waiters.set(update.update_id, () => {
        clearTimeout(timer);
        waiters.delete(update.update_id);
        resolve();
      });
    });
    if (mode === "webhook") {
      const status = await post(update, webhookSecretForTests);
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    } else proxy.queue(update);
    await handled;
    return chatId === undefined ? [] : harness.botMessages(chatId).slice(before);
  };
  const chat = (id: number, type: "group" | "supergroup" | "private", title?: string): TelegramChat => {
    const native = type === "private" ? { id, type, first_name: title ?? String(id) } : { id, type, title: title ?? String(id) };
    const user = (userId: number, name = `user${userId}`): TelegramUser => {
      const from = { id: userId, is_bot: false, first_name: name };
      return {
        says: async (text, extra = {}) => {
          const message = {
            message_id: nextMessage++,
            date: Math.floor(clock.now().getTime() / 1000),
            chat: native,
            from,
            ...(extra.photo ? { photo: [{ file_id: "p1", file_unique_id: "p1", width: 90, height: 90 }], caption: text, caption_entities: extra.entities ?? entitiesOf(text) } : { text, entities: extra.entities ?? entitiesOf(text) }),
            ...(extra.replyTo ? { reply_to_message: { message_id: extra.replyTo.messageId, date: 0, chat: native, from: { id: 666, is_bot: true, first_name: "Test First name", username: "TestNameBot" }, text: extra.replyTo.text } } : {}),
          };
          return (await deliver({ message } as Omit<Update, "update_id">, id)).map((sent) => sent.text);
        },
        presses: async (data, on) => {
          const message = { message_id: on?.messageId ?? 1, date: 0, chat: native, from: { id: 666, is_bot: true, first_name: "Test First name" }, text: on?.text ?? "" };
          const callback_query = { id: `cb${nextUpdate}`, from, chat_instance: "ci", message, data };
          return (await deliver({ callback_query } as Omit<Update, "update_id">, id)).map((sent) => sent.text);
        },
      };
    };
    const service = (extra: Record<string, unknown>, chatOverride = native) =>
      deliver({ message: { message_id: nextMessage++, date: Math.floor(clock.now().getTime() / 1000), chat: chatOverride, from: { id: 1, is_bot: false, first_name: "admin" }, ...extra } } as Omit<Update, "update_id">);
    return {
      id,
      key: `telegram:${id}`,
      user,
      botMessages: () => harness.botMessages(id),
      migrateTo: async (newId) => {
        await service({ migrate_to_chat_id: newId });
        await service({ migrate_from_chat_id: id }, { id: newId, type: "supergroup", title: title ?? String(id) } as typeof native);
      },
      botRemoved: async () => {
        const bot = { id: 666, is_bot: true, first_name: "Test First name" };
        const my_chat_member = { chat: native, from: { id: 1, is_bot: false, first_name: "admin" }, date: 0, old_chat_member: { status: "member", user: bot }, new_chat_member: { status: "kicked", user: bot, until_date: 0 } };
        await deliver({ my_chat_member } as unknown as Omit<Update, "update_id">);
      },
    };
  };
  const harness: TelegramHarness = {
    app,
    adapter,
    emulator,
    clock,
    scheduler,
    apiRoot,
    bot: { id: 666, username: "TestNameBot" },
    startMs,
    group: (id, title) => chat(id, "group", title),
    private: (userId, name) => chat(userId, "private", name),
    deliver,
    postWebhook: (update, secret) => post({ update_id: nextUpdate++, ...update } as Update, secret),
    inject: (fault) => proxy.faults.push({ times: 1, errorCode: 429, ...fault }),
    calls: (method) => proxy.calls.filter((call) => method === undefined || call.method === method),
    botMessages: (chatId) => emulator.storage.botMessages.filter((stored) => chatId === undefined || String(stored.message.chat_id) === String(chatId)).map((stored) => toSent(stored, proxy.files)),
    close: async () => {
      await app.stop();
      await proxy.close();
      await emulator.stop();
      if (directory) rmSync(directory, { recursive: true, force: true });
    },
  };
  return harness;
}

/** What a Telegram client would mark: @usernames and a leading /command. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(?:@\w+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const match of text.matchAll(/@\w{3,}/g)) if (!command || match.index! >= command[0].length) entities.push({ type: "mention", offset: match.index!, length: match[0].length });
  return entities;
}

function merge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const result = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = result[key];
    result[key] = value && typeof value === "object" && !Array.isArray(value) && existing && typeof existing === "object" ? merge(existing as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return result;
}
