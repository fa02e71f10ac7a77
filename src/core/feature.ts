import type { Translate } from "./i18n.js";
import type { Command, IncomingMessage, Reply } from "./message.js";

export type Role = "staff" | "leader" | "volunteer";

/** A command a feature answers, for parsing and for /help. */
export interface CommandSpec {
  /** The slash name, without the slash: "report". */
  name: string;
  /** Chinese words that mean the same when typed alone or followed by a space: ["上报", "填报"]. */
  aliases?: string[];
  /** Only staff may use it; others get a polite refusal from the dispatcher. */
  staffOnly?: boolean;
  /** Locale key of a one-line description for /help. */
  summaryKey: string;
  /** Where /help lists it. */
  chats?: "group" | "private" | "any";
  /** Roles /help shows it to (staff see everything). Default: everyone. */
  roles?: Role[];
}

/** Everything a feature knows about one incoming message. */
export interface Turn {
  message: IncomingMessage;
  /** Set when the text is a command (slash or alias), already resolved to its slash name. */
  command?: Command;
  /**
   * The bot is spoken to: a private chat, a mention, a command, a reply to the bot, or the next
   * message of a user whose own conversation with this feature is in progress.
   */
  addressed: boolean;
  /** The feature that holds this user's conversation in this chat, if any. */
  conversation?: string;
  role: Role;
  isStaff: boolean;
  t: Translate;
  now: Date;
}

/** What a feature did with a turn. */
export interface Outcome {
  replies: Reply[];
  /**
   * "open": this user's next messages in this chat go to this feature even without a mention,
   * until it says "close". Leave undefined to keep the current state.
   */
  conversation?: "open" | "close";
}

/**
 * A feature is an independent module: it decides from the turn whether it is addressed and
 * returns replies (or undefined: "not for me"). It never sends anything itself.
 */
export interface Feature {
  name: string;
  commands?: CommandSpec[];
  handle(turn: Turn): Promise<Outcome | undefined>;
  /** Background work (schedules, resumptions) after platforms are up. */
  start?(): Promise<void>;
  /** A chat changed its key (Telegram group → supergroup): move this feature's data. */
  rekeyChat?(from: string, to: string): Promise<void>;
  /** HTTP routes this feature serves (e.g. GET /api/reports). */
  routes?: import("./http.js").HttpRoute[];
  stop?(): Promise<void>;
}

/** Convenience for features: one reply to the chat the turn came from. */
export function answer(turn: Turn, text: string, extra: Partial<Reply> = {}): Outcome {
  return { replies: [{ chat: turn.message.chat.key, text, ...extra }] };
}
