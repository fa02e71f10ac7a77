/**
 * A whole bot in-process with WeChat over wechaty-puppet-mock: no network, no account.
 *
 *   const wechat = await startWechatBot();                     // logged in as config.bot.name (小园助手)
 *   const room = wechat.room("志愿者群", ["alice", "bob", "carol"]);
 *   await room.member("alice", "小李").says("@小园助手 你好");  // → what the bot said in the room ("@小李 …" when it mentions her)
 *   await room.member("bob").says("今天辛苦了");                // → []: chatter gets no answer
 *   await room.member("alice").sendsImage();                   // a photo without a caption
 *   await wechat.private("alice").says("报个活动…");            // → what the bot said to alice in private
 *   room.transcript(); room.botMessages(); room.lastReply();   // "name: text" lines / bot texts, proactive posts included
 *   await wechat.close();
 *
 * People are WeChat contacts with ids `wxid_<handle>` (user keys `wechat:wxid_<handle>`, e.g. for
 * `config.staff`), named `<handle>` unless a name is given (before their first message). Rooms get
 * ids `room<n>@chatroom` (chat keys `wechat:<id>`); the bot is always a member. In `says`, `@<bot name>` followed by a space or the
 * end becomes WeChat's `@name\u2005` with the bot in the mention list, as the WeChat app sends it;
 * `{ raw: true }` sends the text as typed, with no mention list (puppets that give none).
 *
 * Each `says` waits until the bot has handled everything it received and sent its replies. Time is
 * `wechat.clock` (virtual: the outbox's pacing waits cost nothing), and every message the mock
 * carries is stamped with it. `wechat.scheduler.tick(date)` runs scheduled jobs.
 * `startWechatBot({ login: false })` starts before login: drive `scan(qr)` and `login()` yourself.
 * `wechat.puppet.emit("error", { gerror: "…" })` plays a puppet error. `wechat.lines` has every
 * message with its `mentions` (the bot's @s). `listen: true` serves /healthz and /api/status at `wechat.url`.
 */
import { FileBox } from "file-box";
import { types } from "wechaty";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { createApp, type App, type AppOptions } from "../../src/app.js";
import { configSchema, type Config } from "../../src/config/schema.js";
import { silentLogger } from "../../src/core/logging.js";
import { createPlatforms } from "../../src/platforms/index.js";
import type { WechatAdapter } from "../../src/platforms/wechat/index.js";
import { createManualScheduler } from "../../src/ports/scheduler.js";
import { openMemoryStorage } from "../../src/ports/storage/index.js";
import { fakeClock, type FakeClock } from "./clock.js";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export interface WechatBotOptions extends Omit<Partial<AppOptions>, "config" | "clock" | "platforms"> {
  config?: DeepPartial<Config>;
  clock?: FakeClock;
  /** Log in right after start (default true). */
  login?: boolean;
  /** Serve HTTP on a free loopback port (wechat.url): /healthz, /api/status (default false). */
  listen?: boolean;
}

/** One message the mock carried, the bot's own included. */
export interface WechatLine {
  id: string;
  from: { id: string; name: string; bot: boolean };
  roomId?: string;
  /** The private chat's other side (for private messages). */
  to?: string;
  text: string;
  type: "text" | "image" | "file" | "other";
  /** Whom the bot's message mentions (the ids wechaty passed to the puppet). */
  mentions?: string[];
}

export interface WechatSpeaker {
  /** Says the text; resolves with what the bot said in this conversation meanwhile (empty: silence). */
  says(text: string, options?: { raw?: boolean }): Promise<string[]>;
  sendsImage(): Promise<string[]>;
}

export interface WechatConversation {
  id: string;
  /** `wechat:<id>` */
  key: string;
  /** Everything said here, as "name: text" lines (images as [图片], files as [文件 name]). */
  transcript(): string[];
  botMessages(): string[];
  lastReply(): string | undefined;
}

export interface WechatRoom extends WechatConversation {
  topic: string;
  member(handle: string, name?: string): WechatSpeaker;
}

export interface WechatTestBot {
  app: App;
  adapter: WechatAdapter;
  clock: FakeClock;
  scheduler: ReturnType<typeof createManualScheduler>;
  mocker: InstanceType<typeof mock.Mocker>;
  puppet: PuppetMock;
  /** http://127.0.0.1:<port> when started with `listen: true`. */
  url?: string;
  /** The bot's own WeChat account. */
  self: { id: string; name: string; key: string };
  /** A contact; created on first use. */
  person(handle: string, name?: string): { id: string; name: string; key: string };
  /** A room with these people and the bot; created on first use of the topic. */
  room(topic: string, handles?: string[]): WechatRoom;
  /** The private chat between this person and the bot. */
  private(handle: string, name?: string): WechatSpeaker & WechatConversation;
  /** Every message the mock carried, in order. */
  lines: WechatLine[];
  /** Plays a login QR code; resolves when the adapter shows it. */
  scan(qrCode?: string): Promise<void>;
  /** Logs the bot's account in; resolves when the adapter reports running. */
  login(): Promise<void>;
  /** Waits until the bot has handled everything it received. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startWechatBot(options: WechatBotOptions = {}): Promise<WechatTestBot> {
  const config = configSchema.parse(options.config ?? {});
  if (options.listen) config.server = { ...config.server, host: "127.0.0.1", port: 0 };
  const clock = options.clock ?? fakeClock();
  const scheduler = createManualScheduler();
  const storage = options.storage ?? openMemoryStorage();
  const logger = options.logger ?? silentLogger();
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const lines: WechatLine[] = [];
  const selfContact = mocker.createContact({ id: "wxid_incubot", name: config.bot.name });
  // The mock drops the mention list wechaty passes along; keep it for the transcript.
  let sendingMentions: string[] | undefined;
  const sendText = puppet.messageSendText.bind(puppet);
  puppet.messageSendText = async (conversationId: string, text: string, mentionIds?: string[]) => {
    sendingMentions = mentionIds;
    try {
      return await sendText(conversationId, text);
    } finally {
      sendingMentions = undefined;
    }
  };
  // Registered before wechaty's own listener, so each payload carries the virtual time before anyone reads it.
  puppet.on("message", ({ messageId }) => {
    const payload = mocker.cacheMessagePayload.get(messageId);
    if (!payload) return; // a test playing a broken puppet: nothing to record
    payload.timestamp = clock.now().getTime();
    const talker = mocker.contactPayload(payload.talkerId!);
    const file = mocker.cacheFileBoxPayload.get(messageId) as { name?: string } | undefined;
    const type = payload.type === types.Message.Text ? "text" : payload.type === types.Message.Image ? "image" : file ? "file" : "other";
    const bot = talker.id === selfContact.id;
    const mentions = bot && sendingMentions?.length ? { mentions: [...sendingMentions] } : {};
    lines.push({ id: messageId, from: { id: talker.id, name: talker.name, bot }, roomId: payload.roomId, to: payload.listenerId, text: type === "file" ? (file?.name ?? "") : (payload.text ?? ""), type, ...mentions });
  });
  let app: App | undefined;
  const platforms = await createPlatforms({ config, storage, clock, logger, setRole: (user, role) => app!.roles.setRole(user, role), wechat: { puppet, print: () => undefined } });
  app = await createApp({ llm: null, scheduler, ...options, storage, logger, config, clock, platforms });
  const adapter = app.platforms.find((platform) => platform.platform === "wechat") as WechatAdapter;
  await app.start({ listen: options.listen === true });

  const people = new Map<string, InstanceType<typeof mock.ContactMock>>();
  const person = (handle: string, name?: string) => {
    let contact = people.get(handle);
    if (!contact) {
      contact = mocker.createContact({ id: `wxid_${handle}`, name: name ?? handle });
      people.set(handle, contact);
    } else if (name) {
      // Seen by wechaty only until the person's first message loads their contact.
      contact.payload.name = name;
    }
    return contact;
  };
  const describe = (contact: InstanceType<typeof mock.ContactMock>) => ({ id: contact.id, name: contact.payload.name, key: `wechat:${contact.id}` });
  const render = (line: WechatLine) => `${line.from.name}: ${line.type === "image" ? "[图片]" : line.type === "file" ? `[文件 ${line.text}]` : line.text}`;
  const conversation = (id: string, belongs: (line: WechatLine) => boolean): WechatConversation => ({
    id,
    key: `wechat:${id}`,
    transcript: () => lines.filter(belongs).map(render),
    botMessages: () => lines.filter((line) => belongs(line) && line.from.bot).map((line) => line.text),
    lastReply: () => lines.filter((line) => belongs(line) && line.from.bot).at(-1)?.text,
  });
  const speak = async (belongs: (line: WechatLine) => boolean, send: () => void): Promise<string[]> => {
    const from = lines.length;
    send();
    await adapter.settled();
    return lines.slice(from).filter((line) => belongs(line) && line.from.bot).map((line) => (line.type === "file" ? `[文件 ${line.text}]` : line.text));
  };
  const mentionOf = (text: string) => new RegExp(`@${config.bot.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?: |$)`, "g");

  const rooms = new Map<string, WechatRoom>();
  const room = (topic: string, handles: string[] = []): WechatRoom => {
    const existing = rooms.get(topic);
    if (existing) return existing;
    const id = `room${rooms.size + 1}@chatroom`;
    const roomMock = mocker.createRoom({ id, topic, memberIdList: [selfContact.id, ...handles.map((handle) => person(handle).id)] });
    const belongs = (line: WechatLine) => line.roomId === id;
    const handle: WechatRoom = {
      ...conversation(id, belongs),
      topic,
      member: (who, name) => {
        const contact = person(who, name);
        if (!roomMock.payload.memberIdList.includes(contact.id)) roomMock.payload.memberIdList.push(contact.id);
        return {
          says: (text, sayOptions = {}) =>
            speak(belongs, () => {
              const mentioned = !sayOptions.raw && mentionOf(text).test(text);
              const sent = mentioned ? text.replace(mentionOf(text), `@${config.bot.name}\u2005`) : text;
              contact.say(sent, mentioned ? [selfContact] : []).to(roomMock);
            }),
          sendsImage: () => speak(belongs, () => contact.say(imageFile()).to(roomMock)),
        };
      },
    };
    rooms.set(topic, handle);
    return handle;
  };
  const privateChat = (who: string, name?: string) => {
    const contact = person(who, name);
    const belongs = (line: WechatLine) => !line.roomId && (line.from.id === contact.id ? line.to === selfContact.id : line.from.bot && line.to === contact.id);
    return {
      ...conversation(contact.id, belongs),
      says: (text: string) => speak(belongs, () => contact.say(text).to(selfContact)),
      sendsImage: () => speak(belongs, () => contact.say(imageFile()).to(selfContact)),
    };
  };
  const waitFor = async (done: () => boolean, what: string) => {
    for (let attempt = 0; attempt < 200 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
    if (!done()) throw new Error(`wechat harness: timed out waiting for ${what} (state ${JSON.stringify(adapter.status())})`);
  };

  const bot: WechatTestBot = {
    app,
    adapter,
    clock,
    scheduler,
    mocker,
    puppet,
    url: app.address ? `http://${app.address.host}:${app.address.port}` : undefined,
    self: describe(selfContact),
    person: (handle, name) => describe(person(handle, name)),
    room,
    private: privateChat,
    lines,
    scan: async (qrCode = "https://login.weixin.qq.com/l/incubot-test") => {
      mocker.scan(qrCode);
      await waitFor(() => adapter.status().qrImage !== undefined && adapter.status().qrCode === qrCode, "the QR code");
    },
    login: async () => {
      mocker.login(selfContact);
      await waitFor(() => adapter.health().state === "running", "login");
    },
    settled: () => adapter.settled(),
    close: () => app!.stop(),
  };
  if (options.login !== false) await bot.login();
  return bot;
}

/** A tiny PNG, as a photo sent from the phone. */
function imageFile() {
  // Base64, not a buffer: the mock serializes what it carries, and a buffer FileBox cannot be.
  return FileBox.fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "photo.png");
}
