import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Clock } from "../ports/clock.js";
import type { Metrics } from "../ports/metrics.js";
import type { Storage } from "../ports/storage/index.js";
import { DeliveryError } from "./errors.js";
import { splitKey, type Platform, type Reply } from "./message.js";
import { Limiter, splitText, type PacingRules } from "./pacing.js";
import { SendClaims } from "./send-claims.js";

/** What a platform adapter must provide to deliver replies. */
export interface Sender {
  platform: Platform;
  /** Longest text one message may carry (Telegram 4096, WeChat 1800). */
  maxLength: number;
  /** Sends one message; throws DeliveryError for refusals the outbox should understand. */
  send(reply: Reply): Promise<{ messageId?: string }>;
  /** Group chats are paced more strictly than private ones. */
  isGroup?(chat: string): boolean;
}

/**
 * sent; duplicate: already delivered (or being sent by this process); in-flight: another instance
 * holds the send's claim and has not recorded it yet — try again later; blocked; failed; no-platform.
 */
export type SendStatus = "sent" | "duplicate" | "in-flight" | "blocked" | "failed" | "no-platform";

export interface SendResult {
  status: SendStatus;
  messageIds: string[];
  error?: string;
}

export interface OutboxOptions {
  storage: Storage;
  clock: Clock;
  logger: Logger;
  /** Identifies this process across restarts, so it can take over its own stale claims. */
  instanceId: string;
  /** How often a send that fails (a network error, a 429 without a retry time) is tried; a 429 saying when to come back is waited out apart. */
  maxAttempts?: number;
  /**
   * How long a send's claim keeps other instances off it after this instance's last heartbeat
   * (config instances.leaseSeconds, default 30 s): a killed instance's sends are taken over after it.
   */
  claimLeaseMs?: number;
  /** Called when a platform says the bot is no longer in the chat. */
  onBlocked?: (chat: string) => Promise<void>;
  metrics?: Metrics;
}

interface OnceRecord {
  at: string;
  messageIds: string[];
}

const defaultLeaseMs = 30_000;

/** How many 429s with a retry time one send waits out before it is given up as failed. */
const maxRateLimitWaits = 30;
const onceKeepMs = 90 * 24 * 3600_000;
const logKeepMs = 30 * 24 * 3600_000;

/**
 * The one way out. Paces sends per platform and per chat, waits out 429s, splits long texts,
 * records every send, and sends a reply that carries a `once` key at most once.
 */
export class Outbox {
  private readonly senders = new Map<Platform, { sender: Sender; overall: Limiter; rules: PacingRules }>();
  private readonly chatLimiters = new Map<string, Limiter>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly onceRecords;
  private readonly log;
  private readonly claims: SendClaims;

  constructor(private readonly options: OutboxOptions) {
    this.claims = new SendClaims({ storage: options.storage, instanceId: options.instanceId, leaseMs: options.claimLeaseMs ?? defaultLeaseMs, logger: options.logger });
    this.onceRecords = options.storage.namespace<OnceRecord>("outbox-once");
    this.log = options.storage.namespace<{ chat: string; parts: number; once?: string; at: string }>("outbox-log");
  }

  register(sender: Sender, rules: PacingRules): void {
    this.senders.set(sender.platform, { sender, rules, overall: new Limiter(rules.overall, this.options.clock) });
  }

  /** Sends replies one after another, in order. */
  async sendAll(replies: Reply[]): Promise<SendResult[]> {
    const results: SendResult[] = [];
    for (const reply of replies) results.push(await this.send(reply));
    return results;
  }

  send(reply: Reply): Promise<SendResult> {
    const work = this.deliver(reply).then((result) => {
      this.options.metrics?.replyOut(splitKey(reply.chat).platform, result.status);
      return result;
    });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** This process's name in claims (several instances on one store). */
  get instanceId(): string {
    return this.options.instanceId;
  }

  /** Sends under way or waiting for their turn. */
  get depth(): number {
    return this.inFlight.size;
  }

  /**
   * Waits for every send under way (graceful stop), at most `limitMs`: a long paced broadcast is
   * left to resume from its stored progress on the next start rather than hold the stop.
   */
  async drain(limitMs = Infinity): Promise<boolean> {
    const deadline = Date.now() + limitMs;
    while (this.inFlight.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, Math.min(left, 2 ** 31 - 1))))]);
      clearTimeout(timer);
    }
    return true;
  }

  /** True when a reply with this `once` key was already delivered. */
  async wasSent(once: string): Promise<boolean> {
    return (await this.onceRecords.get(once)) !== undefined;
  }

  private async deliver(reply: Reply): Promise<SendResult> {
    const entry = this.senders.get(splitKey(reply.chat).platform);
    if (!entry) return { status: "no-platform", messageIds: [] };
    const once = reply.once;
    if (once) {
      // Marked before the first await, so a second send of the same key in this process waits for nothing and is a duplicate.
      if (this.pendingOnce.has(once)) return { status: "duplicate", messageIds: [] };
      this.pendingOnce.add(once);
    }
    let result: SendResult;
    try {
      if (once && (await this.wasSent(once))) return { status: "duplicate", messageIds: [] };
      if (once && !(await this.claims.take(`once:${once}`))) return { status: (await this.wasSent(once)) ? "duplicate" : "in-flight", messageIds: [] };
      try {
        result = await this.deliverParts(entry.sender, entry.rules, entry.overall, reply);
        if (once && result.status === "sent") await this.onceRecords.set(once, { at: this.options.clock.now().toISOString(), messageIds: result.messageIds }, onceKeepMs);
      } catch (error) {
        // Sent or not is unknown (the record was not written): the claim is left to lapse, not released at once.
        if (once) this.claims.abandon(`once:${once}`);
        throw error;
      }
      if (once) await this.claims.release(`once:${once}`);
    } finally {
      if (once) this.pendingOnce.delete(once);
    }
    if (result.status === "sent") {
      await this.log.set(randomUUID(), { chat: reply.chat, parts: result.messageIds.length, once: reply.once, at: this.options.clock.now().toISOString() }, logKeepMs);
    }
    return result;
  }

  private readonly pendingOnce = new Set<string>();

  /** The mention, thread and file go with the first part; buttons with the last. */
  private async deliverParts(sender: Sender, rules: PacingRules, overall: Limiter, reply: Reply): Promise<SendResult> {
    const texts = reply.file ? [reply.text] : splitText(reply.text, sender.maxLength);
    const messageIds: string[] = [];
    for (const [index, text] of texts.entries()) {
      const part: Reply = { chat: reply.chat, text };
      if (index === 0) Object.assign(part, { mention: reply.mention, replyTo: reply.replyTo, file: reply.file });
      if (index === texts.length - 1 && reply.buttons) part.buttons = reply.buttons;
      const outcome = await this.deliverOne(sender, rules, overall, part);
      if (outcome.status !== "sent") return { ...outcome, messageIds };
      messageIds.push(...outcome.messageIds);
    }
    return { status: "sent", messageIds };
  }

  private async deliverOne(sender: Sender, rules: PacingRules, overall: Limiter, reply: Reply): Promise<SendResult> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    // A 429 that says when to come back is the platform pacing us, not a failing send: under a
    // long broadcast one chat can meet several in a row, and giving it up would drop that group.
    // Such waits count apart, against a larger bound.
    let waits = 0;
    let attempt = 0;
    for (;;) {
      await this.chatLimiter(sender, rules, reply.chat).acquire();
      await overall.acquire();
      try {
        const { messageId } = await sender.send(reply);
        return { status: "sent", messageIds: messageId ? [messageId] : [] };
      } catch (error) {
        const delivery = error instanceof DeliveryError ? error : undefined;
        if (delivery?.kind === "blocked") {
          this.options.logger.warn({ chat: reply.chat, err: delivery.message }, "bot is no longer in the chat");
          await this.options.onBlocked?.(reply.chat);
          return { status: "blocked", messageIds: [], error: delivery.message };
        }
        const paced = delivery?.kind === "rate-limited" && delivery.retryAfterSeconds !== undefined && ++waits <= maxRateLimitWaits;
        if (!paced) attempt++;
        if (delivery?.kind === "rejected" || attempt >= maxAttempts) {
          this.options.logger.error({ chat: reply.chat, err: (error as Error).message, attempt }, "send failed");
          return { status: "failed", messageIds: [], error: (error as Error).message };
        }
        const waitMs = delivery?.kind === "rate-limited" && delivery.retryAfterSeconds !== undefined ? delivery.retryAfterSeconds * 1000 : 500 * 2 ** attempt;
        this.options.logger.warn({ chat: reply.chat, waitMs, attempt }, delivery?.kind === "rate-limited" ? "rate limited, waiting" : "send failed, retrying");
        await this.options.clock.sleep(waitMs);
      }
    }
  }

  private chatLimiter(sender: Sender, rules: PacingRules, chat: string): Limiter {
    let limiter = this.chatLimiters.get(chat);
    if (!limiter) {
      const group = sender.isGroup?.(chat) ?? true;
      limiter = new Limiter(group ? rules.perGroup : rules.perPrivate, this.options.clock);
      this.chatLimiters.set(chat, limiter);
    }
    return limiter;
  }
}
