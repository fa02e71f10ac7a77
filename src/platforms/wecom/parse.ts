import { chatKey, userKey, type IncomingMessage } from "../../core/message.js";

/**
 * The body of an `aibot_msg_callback` frame as WeCom sends it over the long connection (the
 * fields the bot reads). Plain data, so the conversion is tested without the SDK.
 */
export interface WecomMessageBody {
  msgid: string;
  aibotid?: string;
  /** Only in group chats. */
  chatid?: string;
  chattype: "single" | "group";
  from: { userid: string };
  /** Seconds (or milliseconds) since the epoch, when WeCom gives it. */
  create_time?: number;
  msgtype: string;
  text?: { content: string };
  /** Voice arrives already transcribed by WeCom. */
  voice?: { content: string };
  image?: { url: string };
  mixed?: { msg_item: WecomMixedItem[] };
  quote?: WecomQuote;
}

export interface WecomMixedItem {
  msgtype: "text" | "image";
  text?: { content: string };
  image?: { url: string };
}

export interface WecomQuote {
  msgtype: string;
  text?: { content: string };
  voice?: { content: string };
  mixed?: { msg_item: WecomMixedItem[] };
}

/**
 * Turns a WeCom message callback into the neutral message, or undefined when there is nothing to
 * handle (files, videos, unknown types, a body without a sender). User keys are `wecom:<userid>`;
 * a group is `wecom:<chatid>`, a single chat is keyed by the user (`wecom:<userid>`), which is also
 * the chatid WeCom takes for a proactive message to that person.
 *
 * WeCom pushes a group message to the bot only when the bot is @-mentioned, so every group
 * message counts as a mention; the `@<bot name>` in its text is removed.
 */
export function fromWecom(body: WecomMessageBody, botNames: string[], now: Date): IncomingMessage | undefined {
  const userid = body.from?.userid;
  if (!body.msgid || !userid) return undefined;
  const content = contentOf(body);
  if (!content) return undefined;
  const group = body.chattype === "group" && Boolean(body.chatid);
  const quoted = body.quote ? quoteText(body.quote) : undefined;
  return {
    id: body.msgid,
    platform: "wecom",
    chat: group ? { key: chatKey("wecom", body.chatid!), type: "group" } : { key: chatKey("wecom", userid), type: "private" },
    // WeCom gives no display name in the callback; the userid is what staff see in the admin console.
    sender: { key: userKey("wecom", userid), name: userid },
    // Also in a single chat: a button line written for groups may be typed there as it stands.
    text: stripMentions(content.text, botNames),
    mentionsBot: group,
    replyToBot: false,
    replyTo: quoted !== undefined ? { messageId: "", text: quoted } : undefined,
    photos: content.photos,
    sentAt: sentAt(body.create_time, now),
  };
}

function contentOf(body: WecomMessageBody): { text: string; photos: number } | undefined {
  switch (body.msgtype) {
    case "text":
      return body.text?.content?.trim() ? { text: body.text.content, photos: 0 } : undefined;
    case "voice":
      return body.voice?.content?.trim() ? { text: body.voice.content, photos: 0 } : undefined;
    case "image":
      return { text: "", photos: 1 };
    case "mixed": {
      const items = body.mixed?.msg_item ?? [];
      const text = mixedText(items);
      const photos = items.filter((item) => item.msgtype === "image").length;
      return text.trim() || photos > 0 ? { text, photos } : undefined;
    }
    default:
      return undefined;
  }
}

function mixedText(items: WecomMixedItem[]): string {
  return items
    .filter((item) => item.msgtype === "text")
    .map((item) => item.text?.content ?? "")
    .join("\n");
}

function quoteText(quote: WecomQuote): string | undefined {
  const text = quote.text?.content ?? quote.voice?.content ?? (quote.mixed ? mixedText(quote.mixed.msg_item) : undefined);
  return text?.trim() ? text.trim() : undefined;
}

/** Removes every `@<bot name>` (followed by whitespace or the end) and trims. */
export function stripMentions(text: string, names: string[]): string {
  const usable = [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return text.trim();
  const alternatives = usable.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return text.replace(new RegExp(`@(?:${alternatives})(?=\\s|$)\\s*`, "g"), "").trim();
}

function sentAt(createTime: number | undefined, now: Date): Date {
  if (typeof createTime !== "number" || !Number.isFinite(createTime) || createTime <= 0) return now;
  // The SDK documents a timestamp without a unit: seconds unless it is clearly milliseconds.
  return new Date(createTime > 1e12 ? createTime : createTime * 1000);
}
