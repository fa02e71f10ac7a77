import type { Logger } from "pino";
import type { Clock } from "../ports/clock.js";
import type { Storage } from "../ports/storage/index.js";
import { CommandTable } from "./commands.js";
import { UserError } from "./errors.js";
import type { Feature, Outcome, Turn } from "./feature.js";
import type { Texts } from "./i18n.js";
import type { IncomingMessage, Reply } from "./message.js";
import type { Outbox } from "./outbox.js";
import type { Roles } from "./roles.js";
import { KeyedQueue } from "./keyed-queue.js";
import { toSimplified } from "./simplified.js";

export interface DispatcherOptions {
  features: Feature[];
  storage: Storage;
  outbox: Outbox;
  roles: Roles;
  texts: Texts;
  clock: Clock;
  logger: Logger;
  /** Several instances share the store: also lock each conversation across processes. */
  sharedStore?: boolean;
}

const seenKeepMs = 48 * 3600_000;
const conversationKeepMs = 7 * 24 * 3600_000;

/**
 * Runs one chat+user's messages in order, decides whether the bot is addressed, gives each
 * feature its turn, and turns errors into a short reply plus a log line.
 */
export class Dispatcher {
  readonly commands = new CommandTable();
  private readonly queue = new KeyedQueue();
  private readonly conversations;

  constructor(private readonly options: DispatcherOptions) {
    for (const feature of options.features) for (const spec of feature.commands ?? []) this.commands.add(spec);
    this.conversations = options.storage.namespace<{ feature: string; at: string }>("conversations");
  }

  /** Handles one message; resolves with the replies that were sent in answer to it. */
  handle(incoming: IncomingMessage): Promise<Reply[]> {
    // Every feature reads simplified characters, whatever keyboard the message was typed on.
    const message = { ...incoming, text: toSimplified(incoming.text) };
    const key = `${message.chat.key}|${message.sender.key}`;
    return this.queue.run(key, () => this.withSharedLock(key, () => this.process(message, key)));
  }

  /** Moves open conversations of a chat that changed its key (Telegram group → supergroup). */
  async rekeyChat(from: string, to: string): Promise<void> {
    for await (const [key, value] of this.conversations.entries()) {
      if (!key.startsWith(`${from}|`)) continue;
      await this.conversations.set(`${to}|${key.slice(from.length + 1)}`, value, conversationKeepMs);
      await this.conversations.delete(key);
    }
  }

  /** Waits until every queued message is handled (graceful stop). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async process(message: IncomingMessage, key: string): Promise<Reply[]> {
    const { storage, logger } = this.options;
    const firstDelivery = async () => {
      if (await storage.claim(`seen:${message.platform}:${message.chat.key}:${message.id}`, seenKeepMs)) return true;
      logger.debug({ chat: message.chat.key, id: message.id }, "duplicate delivery dropped");
      return false;
    };
    const turn = await this.buildTurn(message, key);
    // Group chatter the bot is not addressed by is claimed only if a feature acts on it (a 收到
    // receipt, whose record is idempotent): ignored chatter costs no storage write.
    if (turn.addressed && !(await firstDelivery())) return [];
    let outcome: Outcome | undefined;
    let owner: string | undefined;
    try {
      const staffOnly = turn.command && this.commands.spec(turn.command.name)?.staffOnly;
      if (staffOnly && !turn.isStaff) {
        outcome = { replies: [{ chat: message.chat.key, text: turn.t("core.staffOnly") }] };
      } else {
        [outcome, owner] = await this.offer(turn);
      }
      if (!outcome && turn.addressed) outcome = { replies: [{ chat: message.chat.key, text: this.fallbackText(turn) }] };
    } catch (error) {
      outcome = { replies: [{ chat: message.chat.key, text: this.errorText(turn, error, message) }] };
    }
    if (!outcome) return [];
    if (!turn.addressed && !(await firstDelivery())) return [];
    if (owner && outcome.conversation === "open") await this.conversations.set(key, { feature: owner, at: turn.now.toISOString() }, conversationKeepMs);
    if (owner && outcome.conversation === "close") await this.conversations.delete(key);
    const sent: Reply[] = [];
    for (const reply of outcome.replies) {
      const result = await this.options.outbox.send(reply);
      if (result.status === "sent") sent.push(reply);
    }
    return sent;
  }

  /** The conversation holder goes first; then every feature in order; the first answer wins. */
  private async offer(turn: Turn): Promise<[Outcome | undefined, string | undefined]> {
    const features = this.options.features;
    const ordered = turn.conversation ? [...features.filter((f) => f.name === turn.conversation), ...features.filter((f) => f.name !== turn.conversation)] : features;
    for (const feature of ordered) {
      const outcome = await feature.handle(turn);
      if (outcome) return [outcome, feature.name];
    }
    return [undefined, undefined];
  }

  private async buildTurn(message: IncomingMessage, key: string): Promise<Turn> {
    const { roles, texts, clock } = this.options;
    const command = this.commands.parse(message.text);
    const conversation = (await this.conversations.get(key))?.feature;
    const holderExists = conversation !== undefined && this.options.features.some((feature) => feature.name === conversation);
    const addressed = message.chat.type === "private" || message.mentionsBot || message.replyToBot || command !== undefined || holderExists;
    const isStaff = await roles.isStaff(message.sender.key);
    return {
      message,
      command,
      addressed,
      conversation: holderExists ? conversation : undefined,
      isStaff,
      role: isStaff ? "staff" : await roles.roleOf(message.sender.key),
      t: texts.translator(localeOf(message.text)),
      now: clock.now(),
    };
  }

  private fallbackText(turn: Turn): string {
    if (turn.command) return turn.t("core.unknownCommand", { command: turn.command.name });
    return turn.t(turn.message.chat.type === "private" ? "core.fallbackPrivate" : "core.fallbackGroup");
  }

  private errorText(turn: Turn, error: unknown, message: IncomingMessage): string {
    if (error instanceof UserError) return turn.t(error.key, error.params);
    this.options.logger.error({ chat: message.chat.key, user: message.sender.key, err: error }, "feature failed");
    return turn.t("core.apology");
  }

  private async withSharedLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (!this.options.sharedStore) return work();
    const { storage, clock } = this.options;
    const lock = `lock:${key}`;
    const deadline = clock.now().getTime() + 30_000;
    let held = false;
    while (!(held = await storage.claim(lock, 30_000))) {
      // A lock older than its 30 s lease has expired by itself; waiting longer would only stall this user.
      if (clock.now().getTime() > deadline) break;
      await clock.sleep(50);
    }
    try {
      return await work();
    } finally {
      // Only the holder releases: releasing after a timed-out wait would free another instance's lock.
      if (held) await storage.release(lock);
    }
  }
}

/** Chinese first: English only for a message written in English words (a bare command is not). */
export function localeOf(text: string): "zh-CN" | "en" {
  if (/[\u3400-\u9fff]/.test(text)) return "zh-CN";
  // Command names, sub-commands and options (/training edit 3 remind:1h to:all) are not English prose.
  const prose = text
    .replace(/^[/／]\S+/, "")
    .replace(/\b[A-Za-z]+[:：]\S*/g, "")
    .replace(/\b(add|list|show|edit|cancel|roster|status|reload|all)\b/gi, "");
  const words = prose.match(/[A-Za-z]{2,}/g) ?? [];
  return words.length >= 2 ? "en" : "zh-CN";
}
