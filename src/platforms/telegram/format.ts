import { createHash } from "node:crypto";
import type { InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import { splitKey, type Reply, type ReplyButton } from "../../core/message.js";
import type { PacingRules, RateWindow } from "../../core/pacing.js";
import type { KeyValue, Storage } from "../../ports/storage/index.js";

/** Telegram's limits (Bot API: sendMessage text, sendDocument caption, callback_data bytes). */
export const maxTextLength = 4096;
export const maxCaptionLength = 1024;
export const maxCallbackBytes = 64;

/** The native chat id of a chat key: `telegram:-100123` → `-100123`. */
export function nativeChatId(chat: string): string {
  return splitKey(chat).id;
}

/** Incoming ids are `<chat>:<message_id>`; Telegram wants the bare message id. */
export function nativeMessageId(id: string): number | undefined {
  const value = Number(id.slice(id.lastIndexOf(":") + 1));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Group and supergroup ids are negative; private chats carry the user's (positive) id. */
export function isGroupChat(chat: string): boolean {
  return nativeChatId(chat).startsWith("-");
}

/**
 * Puts the mention in front of the text as a text mention (a link to the user that works without
 * a @username, which many Chinese users do not set). Entities rather than HTML, so the text needs
 * no escaping.
 */
export function withMention(text: string, mention: Reply["mention"]): { text: string; entities?: MessageEntity[] } {
  if (!mention) return { text };
  const { platform, id } = splitKey(mention.key);
  const userId = Number(id);
  if (platform !== "telegram" || !Number.isSafeInteger(userId)) return { text: `@${mention.name} ${text}` };
  return {
    text: `${mention.name} ${text}`,
    entities: [{ type: "text_mention", offset: 0, length: mention.name.length, user: { id: userId, is_bot: false, first_name: mention.name } }],
  };
}

/** Short labels share a row; long ones get a row each, so Chinese labels are not cut off. */
export function keyboard(buttons: ReplyButton[], callbackData: string[]): InlineKeyboardMarkup {
  const longest = Math.max(...buttons.map((button) => button.text.length));
  const perRow = longest <= 6 ? 4 : longest <= 12 ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  buttons.forEach((button, index) => {
    if (index % perRow === 0) rows.push([]);
    rows.at(-1)!.push({ text: button.text, callback_data: callbackData[index]! });
  });
  return { inline_keyboard: rows };
}

/** The outbox's pacing from config; fractional rates become longer windows (0.5/s → 1 per 2 s). */
export function pacingRules(pacing: { overallPerSecond: number; perGroupPerMinute: number; perPrivatePerSecond: number }): PacingRules {
  return {
    overall: [window(pacing.overallPerSecond, 1000)],
    perGroup: [window(pacing.perGroupPerMinute, 60_000)],
    perPrivate: [window(pacing.perPrivatePerSecond, 1000)],
  };
}

function window(rate: number, windowMs: number): RateWindow {
  if (rate >= 1) return { limit: Math.floor(rate), windowMs };
  return { limit: 1, windowMs: Math.ceil(windowMs / rate) };
}

const marker = "~";
const keepMs = 30 * 24 * 3600_000;

/**
 * Button data longer than Telegram's 64 bytes is stored and replaced by a short key; the store
 * keeps it across restarts and instances (an in-process map when there is no store).
 */
export class ButtonData {
  private readonly stored?: KeyValue<string>;
  private readonly memory = new Map<string, string>();

  constructor(storage?: Storage) {
    this.stored = storage?.namespace<string>("telegram-buttons");
  }

  async encode(data: string): Promise<string> {
    if (Buffer.byteLength(data) <= maxCallbackBytes && !data.startsWith(marker)) return data;
    const key = marker + createHash("sha256").update(data).digest("base64url").slice(0, 22);
    if (this.stored) await this.stored.set(key, data, keepMs);
    else this.memory.set(key, data);
    return key;
  }

  async decode(data: string): Promise<string> {
    if (!data.startsWith(marker)) return data;
    return (this.stored ? await this.stored.get(data) : this.memory.get(data)) ?? data;
  }
}
