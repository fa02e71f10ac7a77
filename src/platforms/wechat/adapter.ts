import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { FileBox } from "file-box";
import type { Logger } from "pino";
import { types, WechatyBuilder, type Contact, type Message, type Room, type Wechaty, type WechatyOptions } from "wechaty";
import { ConfigError, DeliveryError } from "../../core/errors.js";
import type { Texts, Translate } from "../../core/i18n.js";
import { KeyedQueue } from "../../core/keyed-queue.js";
import { chatKey, splitKey, type IncomingMessage, type Reply } from "../../core/message.js";
import type { Sender } from "../../core/outbox.js";
import type { PacingRules } from "../../core/pacing.js";
import type { Clock } from "../../ports/clock.js";
import type { MessageSink, PlatformAdapter, PlatformHealth } from "../types.js";
import { LoginState, type ScanState, type WechatStatus } from "./login.js";
import { renderWechatText, wechatPacingRules, type WechatPacing } from "./outgoing.js";
import { fromWechat, type WechatView } from "./view.js";

/** A wechaty puppet instance (tests inject wechaty-puppet-mock). */
export type WechatPuppet = Exclude<NonNullable<WechatyOptions["puppet"]>, string>;

export interface WechatAdapterOptions {
  botName: string;
  pacing: WechatPacing;
  logger: Logger;
  clock: Clock;
  texts: Texts;
  /** The puppet module to load (WECHATY_PUPPET), e.g. wechaty-puppet-service. */
  puppet?: string;
  /** WECHATY_PUPPET_SERVICE_TOKEN, passed as puppetOptions.token. */
  puppetToken?: string;
  /** A puppet instance; wins over `puppet`. */
  puppetInstance?: WechatPuppet;
  /** wechaty memory card (file `<name>.memory-card.json`): where puppets keep their login session. */
  sessionName?: string;
  /** Messages older than this on arrival are not answered (a puppet may replay history at login). */
  staleAfterMinutes?: number;
  /** Where the login QR code is drawn (default: the terminal). */
  print?: (text: string) => void;
}

const scanStates: Record<number, ScanState> = {
  [types.ScanStatus.Waiting]: "waiting",
  [types.ScanStatus.Scanned]: "scanned",
  [types.ScanStatus.Confirmed]: "confirmed",
  [types.ScanStatus.Timeout]: "timeout",
  [types.ScanStatus.Cancel]: "cancel",
};

/** WeChat through wechaty: the only place that talks to wechaty and its puppets. */
export class WechatAdapter implements PlatformAdapter {
  readonly platform = "wechat" as const;
  readonly pacing: PacingRules;
  readonly sender: Sender;
  readonly bot: Wechaty;
  private readonly login: LoginState;
  private readonly t: Translate;
  private readonly handling = new KeyedQueue();
  /** Room ids seen in messages: a send to one of them goes to a room, not a contact. */
  private readonly rooms = new Set<string>();
  private readonly textSent = new WeakSet<Reply>();
  private order: Promise<void> = Promise.resolve();
  private sink?: MessageSink;
  private startingUp = false;

  constructor(private readonly options: WechatAdapterOptions) {
    this.pacing = wechatPacingRules(options.pacing);
    this.login = new LoginState(options.print ?? ((text) => process.stdout.write(`${text}\n`)));
    this.t = options.texts.translator("zh-CN");
    this.bot = WechatyBuilder.build(this.wechatyOptions());
    this.sender = {
      platform: "wechat",
      maxLength: 1800,
      send: (reply) => this.deliver(reply),
      isGroup: (chat) => this.isRoom(splitKey(chat).id),
    };
  }

  async start(sink: MessageSink): Promise<void> {
    this.sink = sink;
    this.login.starting();
    const bot = this.bot;
    const logger = this.options.logger;
    // Without an error listener, a puppet error would crash the process.
    bot.on("error", (error) => {
      logger.error({ err: error, platform: "wechat" }, "wechaty error");
      if (this.startingUp) this.login.failed(error.message);
    });
    bot.on("scan", (qrCode, status) => {
      this.login.scanned(qrCode, scanStates[status] ?? "unknown").catch((error) => logger.warn({ err: error }, "QR code could not be drawn"));
      logger.info({ platform: "wechat", status: scanStates[status] ?? status, qrCode }, "waiting for a WeChat login scan");
    });
    bot.on("login", (user) => {
      this.login.loggedIn(user.name());
      logger.info({ platform: "wechat", user: user.id }, "WeChat logged in");
    });
    bot.on("logout", (user, reason) => {
      this.login.loggedOut(reason);
      logger.warn({ platform: "wechat", user: user.id, reason }, "WeChat logged out");
    });
    bot.on("room-leave", (room, leavers) => {
      if (!bot.isLoggedIn || !leavers.some((leaver) => leaver.id === bot.currentUser.id)) return;
      this.sink?.markInactive(chatKey("wechat", room.id)).catch((error: unknown) => logger.warn({ err: error, room: room.id }, "could not mark the room inactive"));
    });
    try {
      await bot.init();
    } catch (error) {
      const puppet = this.options.puppet;
      throw new ConfigError("WECHATY_PUPPET (wechat.puppet)", `puppet "${puppet}" did not load: ${(error as Error).message} — is it installed (npm install ${puppet}) and, for a puppet service, is WECHATY_PUPPET_SERVICE_TOKEN set?`);
    }
    // wechaty emits messages as their payloads load, which can reorder them; the puppet's own
    // event comes in order, so messages are taken from there.
    bot.puppet.on("message", ({ messageId }) => this.receive(messageId));
    this.startingUp = true;
    try {
      // With the mock puppet, bot.ready() never resolves: start() is enough.
      await bot.start();
    } catch (error) {
      logger.error({ err: error, platform: "wechat" }, "wechaty did not start");
      this.login.failed((error as Error).message);
    } finally {
      this.startingUp = false;
    }
  }

  async stop(): Promise<void> {
    this.sink = undefined;
    await this.bot.stop().catch((error) => this.options.logger.warn({ err: error }, "wechaty stop failed"));
    await this.settled();
    this.login.stopped();
  }

  health(): PlatformHealth {
    return this.login.health();
  }

  /** For the playground page: the login state and the QR code image while waiting for a scan. */
  status(): WechatStatus {
    return this.login.current();
  }

  /** Converts messages side by side, hands them to the core in arrival order. */
  private receive(messageId: string): void {
    const sink = this.sink;
    if (!sink) return;
    const converted = this.convert(messageId).catch((error) => {
      this.options.logger.error({ err: error, platform: "wechat", messageId }, "WeChat message could not be read");
      return undefined;
    });
    this.order = this.order.then(async () => {
      const message = await converted;
      if (!message) return;
      // Not awaited: other chats go on while this one is answered; one person's messages stay in order.
      void this.handling.run(`${message.chat.key}|${message.sender.key}`, () => sink.handle(message)).catch((error: unknown) => {
        this.options.logger.error({ err: error, chat: message.chat.key }, "WeChat message handling failed");
      });
    });
  }

  /** Resolves when every message received so far is handled and its replies sent (tests, stop). */
  async settled(): Promise<void> {
    for (;;) {
      const order = this.order;
      await order;
      await this.handling.idle();
      if (order === this.order) return;
    }
  }

  private async convert(messageId: string): Promise<IncomingMessage | undefined> {
    const message = await this.bot.Message.find({ id: messageId });
    if (!message || message.self()) return undefined;
    const view = await this.view(message);
    const incoming = fromWechat(view, this.options.botName);
    if (!incoming) return undefined;
    if (view.roomId) this.rooms.add(view.roomId);
    const ageMs = this.options.clock.now().getTime() - incoming.sentAt.getTime();
    if (ageMs > (this.options.staleAfterMinutes ?? 30) * 60_000) {
      this.options.logger.info({ chat: incoming.chat.key, id: incoming.id, ageMs }, "old WeChat message not answered");
      return undefined;
    }
    return incoming;
  }

  private async view(message: Message): Promise<WechatView> {
    const room = message.room();
    const talker = message.talker();
    const type = message.type();
    const self = this.bot.isLoggedIn ? this.bot.currentUser : undefined;
    return {
      id: message.id,
      fromSelf: message.self(),
      talkerId: talker.id,
      talkerName: talker.name(),
      talkerIsOfficial: talker.type() === types.Contact.Official,
      roomId: room?.id,
      roomTopic: room ? await room.topic() : undefined,
      text: message.text(),
      mentionsSelf: room !== undefined && type === types.Message.Text ? await message.mentionSelf() : false,
      type: type === types.Message.Text ? "text" : type === types.Message.Image ? "image" : "other",
      date: message.date(),
      selfName: self?.name(),
      selfAlias: room && self ? await room.alias(self) : undefined,
    };
  }

  private async deliver(reply: Reply): Promise<{ messageId?: string }> {
    if (!this.bot.isLoggedIn) throw new DeliveryError("failed", "WeChat is not logged in");
    const { id } = splitKey(reply.chat);
    const target = await this.find(id);
    if (!target) throw new DeliveryError("blocked", `no WeChat room or contact with id ${id}`);
    try {
      let sent: Message | void = undefined;
      const text = renderWechatText(reply, this.t);
      if (text !== "" && !this.textSent.has(reply)) {
        sent = target.room ? await this.sayInRoom(target.room, text, reply.mention) : await target.contact.say(text);
        // The outbox retries with the same reply: a failed file must not repeat its text.
        if (reply.file) this.textSent.add(reply);
      }
      // Base64 serializes in every puppet (the mock cannot carry a buffer FileBox).
      if (reply.file) sent = await (target.room ?? target.contact).say(FileBox.fromBase64(reply.file.data.toString("base64"), reply.file.name));
      return sent ? { messageId: sent.id } : {};
    } catch (error) {
      throw new DeliveryError("failed", `WeChat send to ${id} failed: ${(error as Error).message}`);
    }
  }

  /** A mention goes through wechaty, which writes WeChat's `@name\u2005` and tells the puppet whom. */
  private async sayInRoom(room: Room, text: string, mention: Reply["mention"]): Promise<Message | void> {
    if (!mention) return room.say(text);
    const contact = await this.load("contact", splitKey(mention.key).id);
    return contact ? room.say(text, contact as Contact) : room.say(`@${mention.name} ${text}`);
  }

  private async find(id: string): Promise<{ room: Room; contact?: undefined } | { room?: undefined; contact: Contact } | undefined> {
    const kinds: Array<"room" | "contact"> = this.isRoom(id) ? ["room", "contact"] : ["contact", "room"];
    for (const kind of kinds) {
      const found = await this.load(kind, id);
      if (found) return kind === "room" ? { room: found as Room } : { contact: found as Contact };
    }
    return undefined;
  }

  /**
   * Asks the puppet first: wechaty's find() reports a miss as an error event, and a miss here is
   * an answer (the bot left the room, the contact is gone), not an error.
   */
  private async load(kind: "room" | "contact", id: string): Promise<Room | Contact | undefined> {
    try {
      if (kind === "room") {
        await this.bot.puppet.roomPayload(id);
        return await this.bot.Room.find({ id });
      }
      await this.bot.puppet.contactPayload(id);
      return await this.bot.Contact.find({ id });
    } catch {
      return undefined;
    }
  }

  private isRoom(id: string): boolean {
    // Personal-WeChat room ids end with @chatroom; other puppets' rooms are known once seen.
    return this.rooms.has(id) || id.endsWith("@chatroom");
  }

  private wechatyOptions(): WechatyOptions {
    const { puppetInstance, puppet, puppetToken, sessionName } = this.options;
    if (puppetInstance) return { puppet: puppetInstance, ...(sessionName ? { name: sessionName } : {}) };
    if (!puppet) throw new ConfigError("WECHATY_PUPPET (wechat.puppet)", "no puppet named");
    if (sessionName) mkdirSync(dirname(resolve(sessionName)), { recursive: true });
    return {
      puppet: puppet as Extract<WechatyOptions["puppet"], string>,
      ...(puppetToken ? { puppetOptions: { token: puppetToken } } : {}),
      ...(sessionName ? { name: sessionName } : {}),
    };
  }
}
