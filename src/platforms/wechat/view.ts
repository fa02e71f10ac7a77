import { chatKey, userKey, type IncomingMessage } from "../../core/message.js";

/**
 * The few facts of a wechaty Message that the bot needs, as plain data. The adapter reads them
 * from wechaty; tests build them by hand, so the conversion is tested without wechaty.
 */
export interface WechatView {
  id: string;
  /** Sent by the logged-in account itself (this bot, or a person using the same account). */
  fromSelf: boolean;
  talkerId: string;
  talkerName: string;
  /** Official accounts (公众号) and WeChat's own notices are not people to answer. */
  talkerIsOfficial?: boolean;
  roomId?: string;
  roomTopic?: string;
  text: string;
  /** The platform says the bot is mentioned (wechaty `mentionSelf()`). */
  mentionsSelf: boolean;
  type: "text" | "image" | "other";
  date: Date;
  /** The logged-in account's own WeChat name, when it differs from the configured bot name. */
  selfName?: string;
  /** The bot's alias in this room (群昵称): WeChat mentions it as `@<alias>`. */
  selfAlias?: string;
}

/** WeChat puts U+2005 (four-per-em space) after `@name`; some clients send a plain space. */
const mentionEnd = "(?:\\u2005|[ \\t]|$)";

/**
 * Turns a WeChat message into the neutral message, or undefined when there is nothing to handle
 * (the bot's own messages, official accounts, voice, stickers, files…).
 */
export function fromWechat(view: WechatView, botName: string): IncomingMessage | undefined {
  if (view.fromSelf || view.talkerIsOfficial) return undefined;
  if (view.type === "other") return undefined;
  const names = selfNames(botName, view);
  const quote = view.type === "text" ? readQuote(view.text) : undefined;
  const text = view.type === "image" ? "" : (quote?.reply ?? view.text);
  const inRoom = view.roomId !== undefined && view.roomId !== "";
  // A quote of the bot's own message is a reply to the bot, as on Telegram.
  const quotesBot = quote !== undefined && names.includes(quote.author);
  return {
    id: view.id,
    platform: "wechat",
    chat: inRoom
      ? { key: chatKey("wechat", view.roomId!), type: "group", title: view.roomTopic || undefined }
      : { key: chatKey("wechat", view.talkerId), type: "private", title: view.talkerName || undefined },
    sender: { key: userKey("wechat", view.talkerId), name: view.talkerName || view.talkerId },
    text: stripMentions(text, names),
    // Some puppets give no mention list; the bot's name after an @ is then the only sign.
    mentionsBot: inRoom && (view.mentionsSelf || mentionPattern(names).test(text)),
    replyToBot: quotesBot,
    ...(quote ? { replyTo: { messageId: "", text: quote.quoted } } : {}),
    photos: view.type === "image" ? 1 : 0,
    sentAt: view.date,
  };
}

/** WeChat's quote layout: 「name：quoted」, a dashed rule, then the reply (some clients put the reply first). */
const quoteBlock = "「([^：:」]{1,64})[：:]([\\s\\S]*?)」";
const rule = "\\n\\s*(?:- ){6,}-?\\s*\\n";
const quoteFirst = new RegExp(`^${quoteBlock}${rule}([\\s\\S]*)$`);
const replyFirst = new RegExp(`^([\\s\\S]*?)${rule}${quoteBlock}$`);

/**
 * Reads a WeChat quote reply as wechaty delivers it (one text), so the bot sees the reply and,
 * beside it, what it answers. Undefined for an ordinary message.
 */
export function readQuote(text: string): { author: string; quoted: string; reply: string } | undefined {
  const first = quoteFirst.exec(text.trim());
  if (first) return { author: first[1]!.trim(), quoted: first[2]!.trim(), reply: first[3]!.trim() };
  const last = replyFirst.exec(text.trim());
  if (last) return { author: last[2]!.trim(), quoted: last[3]!.trim(), reply: last[1]!.trim() };
  return undefined;
}

/** Removes every `@<name>` of the bot (followed by U+2005, a space or the end) and trims. */
export function stripMentions(text: string, names: string[]): string {
  if (names.length === 0) return text.trim();
  return text.replace(mentionPattern(names, "g"), "").trim();
}

function selfNames(botName: string, view: WechatView): string[] {
  const names = [view.selfAlias, view.selfName, botName].filter((name): name is string => typeof name === "string" && name.trim() !== "");
  // Longest first, so "@小园助手2号" is not cut down to "2号" by "@小园助手".
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

function mentionPattern(names: string[], flags = ""): RegExp {
  const alternatives = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(`@(?:${alternatives})${mentionEnd}`, flags);
}
