import { createApp, type App, type AppOptions } from "../../src/app.js";
import { configSchema, type Config } from "../../src/config/schema.js";
import { silentLogger } from "../../src/core/logging.js";
import { openMemoryStorage } from "../../src/ports/storage/index.js";
import { createManualScheduler } from "../../src/ports/scheduler.js";
import type { PlaygroundAdapter, PlaygroundInput } from "../../src/platforms/playground/adapter.js";
import { fakeClock, type FakeClock } from "./clock.js";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export interface TestBotOptions extends Omit<Partial<AppOptions>, "config" | "clock"> {
  config?: DeepPartial<Config>;
  clock?: FakeClock;
}

export interface Speaker {
  /** Sends a message as this user; resolves with the texts the bot answered (empty: silence). */
  says(text: string, extra?: Partial<Pick<PlaygroundInput, "photos" | "sent_at" | "reply_to" | "reply_to_bot" | "id">>): Promise<string[]>;
  /** Sends photos without a caption. */
  sendsPhotos(count: number): Promise<string[]>;
}

export interface ChatHandle {
  id: string;
  user(id: string, name?: string): Speaker;
  /** Everything said in the chat (user and bot), as "name: text" lines. */
  transcript(): Promise<string[]>;
  /** The bot's messages in this chat, proactive ones included. */
  botMessages(): Promise<string[]>;
  lastReply(): Promise<string | undefined>;
}

export interface TestBot {
  app: App;
  clock: FakeClock;
  scheduler: ReturnType<typeof createManualScheduler>;
  playground: PlaygroundAdapter;
  group(id: string, title?: string): ChatHandle;
  private(userId: string, name?: string): ChatHandle;
  /** A staff member (playground user id "staff" has staff rights by default). */
  staff: string;
  close(): Promise<void>;
}

/** A whole bot in-process over the playground: memory store, virtual clock, manual scheduler. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const config = configSchema.parse(options.config ?? {});
  const clock = options.clock ?? fakeClock();
  const scheduler = createManualScheduler();
  const app = await createApp({
    storage: openMemoryStorage(),
    logger: silentLogger(),
    llm: null,
    scheduler,
    ...options,
    config,
    clock,
  });
  await app.start({ listen: false });
  const playground = app.playground!;
  const chatHandle = (id: string, type: "group" | "private", title?: string): ChatHandle => {
    const speaker = (userId: string, name = userId): Speaker => {
      const post = async (text: string, extra: Partial<PlaygroundInput> = {}) => {
        const result = await playground.post({ chat: { id, type, title }, from: { id: userId, name }, text, ...extra });
        if (result.status !== 200) throw new Error(`playground answered ${result.status}: ${JSON.stringify(result.body)}`);
        const body = result.body as { replies: Array<{ chat_id: string; text: string }> };
        return body.replies.filter((reply) => reply.chat_id === id).map((reply) => reply.text);
      };
      return { says: (text, extra) => post(text, extra), sendsPhotos: (count) => post("", { photos: count }) };
    };
    const entries = () => playground.transcripts.after(`playground:${id}`, 0);
    return {
      id,
      user: (userId, name) => speaker(userId, name),
      transcript: async () => (await entries()).map((entry) => `${entry.from.name}: ${entry.text}`),
      botMessages: async () => (await entries()).filter((entry) => entry.from.bot).map((entry) => entry.text),
      lastReply: async () => (await entries()).filter((entry) => entry.from.bot).at(-1)?.text,
    };
  };
  return {
    app,
    clock,
    scheduler,
    playground,
    staff: "staff",
    group: (id, title = id) => chatHandle(id, "group", title),
    private: (userId, name) => chatHandle(`dm-${userId}`, "private", name ?? userId),
    close: () => app.stop(),
  };
}
