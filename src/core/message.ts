/** The neutral message model every platform adapter produces and every feature consumes. */

export type Platform = "telegram" | "wechat" | "playground" | "wecom";
export type ChatType = "group" | "private";

/** A chat key is `<platform>:<platform chat id>`, e.g. `telegram:-100123`, `playground:g1`. */
export function chatKey(platform: Platform, id: string | number): string {
  return `${platform}:${id}`;
}

/** A user key is `<platform>:<platform user id>`, e.g. `wechat:wxid_abc`. */
export function userKey(platform: Platform, id: string | number): string {
  return `${platform}:${id}`;
}

/** Splits a chat or user key back into platform and native id. */
export function splitKey(key: string): { platform: Platform; id: string } {
  const colon = key.indexOf(":");
  return { platform: key.slice(0, colon) as Platform, id: key.slice(colon + 1) };
}

export interface IncomingMessage {
  /** Platform message id, unique within the platform; used to drop re-deliveries. */
  id: string;
  platform: Platform;
  chat: { key: string; type: ChatType; title?: string };
  sender: { key: string; name: string };
  /** The text with the bot's own mention removed and whitespace trimmed. */
  text: string;
  mentionsBot: boolean;
  /** True when the message replies to a message the bot sent. */
  replyToBot: boolean;
  /** The replied-to message, when the platform says which one it was. */
  replyTo?: { messageId: string; text?: string };
  /** Number of photos attached to this message. */
  photos: number;
  sentAt: Date;
}

/** A parsed `/command args` (also `/command@botname args`), or a Chinese alias of one. */
export interface Command {
  name: string;
  args: string;
}

export interface ReplyButton {
  text: string;
  /** Sent back as the text of a new message from the user who pressed it. */
  data: string;
}

export interface ReplyFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

/** What a feature wants said. Features return replies; only the outbox sends them. */
export interface Reply {
  chat: string;
  text: string;
  /** Mention this user key (WeChat @name, Telegram text mention) at the start of the text. */
  mention?: { key: string; name: string };
  /** Platform message id to reply to, when the platform supports threading. */
  replyTo?: string;
  buttons?: ReplyButton[];
  file?: ReplyFile;
  /**
   * Idempotency key for proactive posts (reminders, broadcasts): the outbox sends a reply with
   * a key at most once, across restarts and instances.
   */
  once?: string;
}
