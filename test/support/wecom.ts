/**
 * A whole bot in-process with WeCom over the real SDK, against the loopback fake server:
 *
 *   const wecom = await startWecomBot({ config: { staff: ["wecom:laowang"] } });   // connected and subscribed
 *   await wecom.group("wrk_g1").member("zhangsan").says("@小园助手 成立社团要多少人？");  // → the answer on that req_id ([] when silent)
 *   await wecom.private("laowang").says("/help");
 *   wecom.server.pushed("wrk_g1");      // proactive messages (reminders, broadcasts) to that chat
 *   await wecom.close();
 *
 * A second instance: `startWecomBot({ server: first.server, storage: first.app.storage })` (messages
 * the fake pushes go to the connection that subscribed last).
 *
 * Each `says` waits until the bot has handled the message and finished its answer. Time is
 * `wecom.clock` (virtual: pacing waits cost nothing); `wecom.scheduler.tick(date)` runs scheduled jobs.
 */
import { createApp, type App, type AppOptions } from "../../src/app.js";
import { configSchema, type Config } from "../../src/config/schema.js";
import { silentLogger } from "../../src/core/logging.js";
import { createPlatforms } from "../../src/platforms/index.js";
import type { WecomAdapter } from "../../src/platforms/wecom/index.js";
import { createManualScheduler } from "../../src/ports/scheduler.js";
import { openMemoryStorage } from "../../src/ports/storage/index.js";
import { fakeClock, type FakeClock } from "./clock.js";
import { startWecomServer, type FakeWecom } from "./wecom-server.js";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export const botId = "aibot-incubot";
export const secret = "the-right-secret";

export interface WecomBotOptions extends Omit<Partial<AppOptions>, "config" | "clock" | "platforms"> {
  config?: DeepPartial<Config>;
  clock?: FakeClock;
  /** The secret the bot is configured with (default: the one the fake server accepts). */
  secret?: string;
  /** Wait for the subscription to be accepted (default true). */
  connect?: boolean;
  /** Serve HTTP on a free loopback port (wecom.url): /healthz. */
  listen?: boolean;
  /** Connect to this fake instead of a new one (a second instance of the bot); close() leaves it running. */
  server?: FakeWecom;
}

export interface WecomSpeaker {
  /** Says the text (in a group, as typed: write the @ yourself); resolves with the answer on its req_id. */
  says(text: string, extra?: Record<string, unknown>): Promise<string[]>;
  /** Sends any message body (voice, image, mixed…); resolves with the answer on its req_id. */
  sends(body: Record<string, unknown>): Promise<string[]>;
}

export interface WecomTestBot {
  app: App;
  adapter: WecomAdapter;
  server: FakeWecom;
  clock: FakeClock;
  scheduler: ReturnType<typeof createManualScheduler>;
  url?: string;
  group(chatid: string): { key: string; member(userid: string): WecomSpeaker };
  private(userid: string): WecomSpeaker & { key: string };
  close(): Promise<void>;
}

export async function startWecomBot(options: WecomBotOptions = {}): Promise<WecomTestBot> {
  const server = options.server ?? (await startWecomServer({ botId, secret }));
  const config = configSchema.parse({ ...options.config, wecom: { ...options.config?.wecom, botId, secret: options.secret ?? secret, wsUrl: server.url } });
  if (options.listen) config.server = { ...config.server, host: "127.0.0.1", port: 0 };
  const clock = options.clock ?? fakeClock();
  const scheduler = createManualScheduler();
  const storage = options.storage ?? openMemoryStorage();
  const logger = options.logger ?? silentLogger();
  let app: App | undefined;
  const platforms = await createPlatforms({ config, storage, clock, logger, setRole: (user, role) => app!.roles.setRole(user, role), wecom: { reconnectBaseMs: 20, heartbeatMs: 60_000, connectWaitMs: 5_000 } });
  app = await createApp({ llm: null, scheduler, ...options, storage, logger, config, clock, platforms });
  const adapter = app.platforms.find((platform) => platform.platform === "wecom") as WecomAdapter;
  await app.start({ listen: options.listen === true });
  if (options.connect !== false) await server.waitFor(() => adapter.health().state === "running", "the bot to subscribe");

  const send = async (body: Record<string, unknown>): Promise<string[]> => {
    const before = adapter.received;
    const reqId = server.callback(body as never);
    // A message the adapter drops (a file) never counts; give it a moment, then answer with silence.
    await server.waitFor(() => adapter.received > before, "the bot to take the message", 1_000).catch(() => undefined);
    await adapter.settled();
    const answer = server.answer(reqId);
    return answer ? [answer.content] : [];
  };
  const speaker = (base: Record<string, unknown>): WecomSpeaker => ({
    says: (text, extra = {}) => send({ ...base, msgtype: "text", text: { content: text }, ...extra }),
    sends: (body) => send({ ...base, ...body }),
  });
  return {
    app,
    adapter,
    server,
    clock,
    scheduler,
    url: app.address ? `http://${app.address.host}:${app.address.port}` : undefined,
    group: (chatid) => ({ key: `wecom:${chatid}`, member: (userid) => speaker({ chattype: "group", chatid, from: { userid } }) }),
    private: (userid) => ({ key: `wecom:${userid}`, ...speaker({ chattype: "single", from: { userid } }) }),
    close: async () => {
      await app!.stop();
      if (!options.server) await server.close();
    },
  };
}
