import { AsyncLocalStorage } from "node:async_hooks";
import { WSClient, generateReqId, type WsFrame } from "@wecom/aibot-node-sdk";
import type { Logger } from "pino";
import type { ChatDirectory } from "../../core/chats.js";
import type { Texts, Translate } from "../../core/i18n.js";
import { splitKey, type Reply } from "../../core/message.js";
import type { Sender } from "../../core/outbox.js";
import type { PacingRules } from "../../core/pacing.js";
import type { Clock } from "../../ports/clock.js";
import type { MessageSink, PlatformAdapter, PlatformHealth } from "../types.js";
import { ConnectionWatch } from "./connection.js";
import { byteLength, maxStreamBytes, maxTextLength, renderWecomText, replyWindowClosed, toDeliveryError, wecomPacingRules, type WecomPacing } from "./outgoing.js";
import { fromWecom, type WecomMessageBody } from "./parse.js";
import { webhookPrefix, type WebhookSender } from "./webhook.js";

export interface WecomAdapterOptions {
  botId: string;
  secret: string;
  /** The long-connection endpoint; the SDK's own (wss://openws.work.weixin.qq.com) when absent. */
  wsUrl?: string;
  /** Names the bot is @-mentioned by in groups (the WeCom bot name, config bot.name). */
  botNames: string[];
  /** Fills the welcome text (AI label, privacy notice) of a single chat. */
  welcome: { park: string; bot: string };
  pacing: WecomPacing;
  replyWindowSeconds: number;
  logger: Logger;
  clock: Clock;
  texts: Texts;
  /** Send-only group robots, registered in `chats` as bound groups at start. */
  webhooks?: WebhookSender;
  chats?: ChatDirectory;
  /** Tests: a short first back-off (the SDK doubles it up to 30 s) and heartbeat. */
  reconnectBaseMs?: number;
  heartbeatMs?: number;
  /** How long a proactive send waits for a dropped connection to come back before it fails. */
  connectWaitMs?: number;
}

/** A question whose answer can still go back on its req_id. */
interface OpenQuestion {
  frame: WsFrame;
  chat: string;
  messageId: string;
  openedAt: number;
  streamId: string;
  parts: string[];
  /** The turn is over, or WeCom no longer takes this req_id: later replies are sent as new messages. */
  closed: boolean;
}

/**
 * WeCom smart bot (智能机器人) over the official long connection, through @wecom/aibot-node-sdk:
 * the only place that imports it. Answers go back on the question's req_id as one stream message
 * (each reply of the turn updates it; the stream is finished when the turn is handled); reminders,
 * broadcasts and anything sent outside a turn are proactive markdown messages (aibot_send_msg).
 */
export class WecomAdapter implements PlatformAdapter {
  readonly platform = "wecom" as const;
  readonly pacing: PacingRules;
  readonly sender: Sender;
  readonly client: WSClient;
  /** Message callbacks taken in so far (tests wait on it). */
  received = 0;
  private readonly t: Translate;
  /** The question whose turn is running: what a reply sent from inside that turn answers. */
  private readonly turn = new AsyncLocalStorage<OpenQuestion>();
  private readonly singles = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private readonly connection: ConnectionWatch;
  private sink?: MessageSink;

  constructor(private readonly options: WecomAdapterOptions) {
    this.pacing = wecomPacingRules(options.pacing);
    this.t = options.texts.translator("zh-CN");
    this.client = new WSClient({
      botId: options.botId,
      secret: options.secret,
      ...(options.wsUrl ? { wsUrl: options.wsUrl } : {}),
      // A service keeps trying (back-off 1 s → 30 s); the SDK's default gives up after 10 tries.
      maxReconnectAttempts: -1,
      reconnectInterval: options.reconnectBaseMs ?? 1000,
      heartbeatInterval: options.heartbeatMs ?? 30_000,
      logger: sdkLogger(options.logger),
    });
    this.sender = {
      platform: "wecom",
      maxLength: maxTextLength,
      send: (reply) => this.deliver(reply),
      isGroup: (chat) => this.isGroup(splitKey(chat).id),
    };
    this.connection = new ConnectionWatch(options.logger);
    this.connection.listen(this.client);
    this.client.on("message", (frame: WsFrame<WecomMessageBody>) => this.receive(frame));
    this.client.on("event.enter_chat", (frame: WsFrame) => this.welcome(frame));
  }

  async start(sink: MessageSink): Promise<void> {
    this.sink = sink;
    this.connection.starting();
    if (this.options.webhooks && this.options.chats) await this.options.webhooks.register(this.options.chats);
    // Not awaited: a WeCom that is down or refuses the secret stops nothing else.
    this.client.connect();
  }

  async stop(): Promise<void> {
    this.sink = undefined;
    await Promise.race([this.settled(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    this.connection.stopped();
    this.client.disconnect();
  }

  health(): PlatformHealth {
    return this.connection.health();
  }

  /** Chats not seen as single chats (since start) count as groups: the stricter pacing, the @ in button lines. */
  private isGroup(id: string): boolean {
    return !this.singles.has(id);
  }

  /** Resolves when every message received so far is handled and its answer finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private receive(frame: WsFrame<WecomMessageBody>): void {
    const body = frame.body;
    if (!body) return;
    const message = fromWecom(body, this.options.botNames, this.options.clock.now());
    if (!message) return;
    this.received++;
    if (message.chat.type === "private") this.singles.add(splitKey(message.chat.key).id);
    const sink = this.sink;
    if (!sink) return;
    const question: OpenQuestion = {
      frame,
      chat: message.chat.key,
      messageId: message.id,
      openedAt: this.options.clock.now().getTime(),
      streamId: generateReqId("stream"),
      parts: [],
      closed: false,
    };
    const work = this.turn
      .run(question, () => sink.handle(message))
      .then(
        () => undefined,
        (error: unknown) => this.options.logger.error({ err: error, chat: message.chat.key }, "WeCom message handling failed"),
      )
      .then(() => this.finish(question));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** WeCom asks for the welcome within 5 s of a person opening the single chat; best effort. */
  private welcome(frame: WsFrame): void {
    if (!this.sink) return;
    const content = this.t("wecom.welcome", this.options.welcome);
    this.client.replyWelcome(frame, { msgtype: "text", text: { content } }).catch((error: unknown) => {
      this.options.logger.debug({ platform: "wecom", err: toDeliveryError(error, "welcome").message }, "WeCom welcome not sent");
    });
  }

  /** The last update of the answer's stream, with finish set; then the req_id is let go. */
  private async finish(question: OpenQuestion): Promise<void> {
    const wasClosed = question.closed;
    question.closed = true;
    if (question.parts.length === 0 || wasClosed) return;
    try {
      await this.client.replyStream(question.frame, question.streamId, question.parts.join("\n\n"), true);
    } catch (error) {
      this.options.logger.warn({ platform: "wecom", chat: question.chat, err: toDeliveryError(error, "stream finish").message }, "WeCom answer could not be finished");
    }
  }

  private async deliver(reply: Reply): Promise<{ messageId?: string }> {
    const { id } = splitKey(reply.chat);
    if (id.startsWith(webhookPrefix) && this.options.webhooks) {
      // Nobody in a robot's group can answer the bot: no "回复…" lines for buttons.
      await this.options.webhooks.send(id, renderWecomText({ text: reply.text, mention: reply.mention }, this.t));
      return {};
    }
    const text = renderWecomText(reply, this.t, this.isGroup(id) ? { bot: this.options.welcome.bot } : undefined);
    // Proactive posts (reminders, broadcasts: they carry a once key) never ride on someone's question.
    const question = reply.once ? undefined : this.questionFor(reply);
    if (question) {
      const sent = await this.answer(question, text);
      if (sent) return sent;
    }
    return this.push(reply.chat, text);
  }

  /**
   * The question a reply answers: the one whose turn sent it, to the same chat, while WeCom's
   * reply window is open. Work a turn starts in the background (a broadcast's report) finds its
   * question closed and goes out as a new message.
   */
  private questionFor(reply: Reply): OpenQuestion | undefined {
    const question = this.turn.getStore();
    if (!question || question.chat !== reply.chat) return undefined;
    const age = this.options.clock.now().getTime() - question.openedAt;
    return question.closed || age > this.options.replyWindowSeconds * 1000 ? undefined : question;
  }

  /** Adds the reply to the question's stream; undefined when it must be sent as a new message. */
  private async answer(question: OpenQuestion, text: string): Promise<{ messageId: string } | undefined> {
    const content = [...question.parts, text].join("\n\n");
    if (byteLength(content) > maxStreamBytes) return undefined;
    try {
      await this.client.replyStream(question.frame, question.streamId, content, false);
    } catch (error) {
      if (replyWindowClosed(error)) {
        question.closed = true;
        return undefined;
      }
      throw toDeliveryError(error, "aibot_respond_msg");
    }
    question.parts.push(text);
    return { messageId: `${question.messageId}:${question.parts.length}` };
  }

  /** A proactive markdown message (aibot_send_msg) to a group's chatid or a person's userid. */
  private async push(chat: string, text: string): Promise<{ messageId?: string }> {
    await this.connection.connected(this.options.connectWaitMs ?? 30_000);
    try {
      await this.client.sendMessage(splitKey(chat).id, { msgtype: "markdown", markdown: { content: text } });
      return {};
    } catch (error) {
      throw toDeliveryError(error, "aibot_send_msg");
    }
  }

}

/** The SDK's chatter goes to debug; its warnings and errors to warn (the adapter logs what matters). */
function sdkLogger(logger: Logger) {
  const line = (message: string, args: unknown[]) => [message, ...args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg)))].join(" ");
  return {
    debug: (message: string, ...args: unknown[]) => logger.debug({ platform: "wecom" }, line(message, args)),
    info: (message: string, ...args: unknown[]) => logger.debug({ platform: "wecom" }, line(message, args)),
    warn: (message: string, ...args: unknown[]) => logger.warn({ platform: "wecom" }, line(message, args)),
    error: (message: string, ...args: unknown[]) => logger.warn({ platform: "wecom" }, line(message, args)),
  };
}
