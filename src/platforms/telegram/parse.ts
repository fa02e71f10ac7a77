import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";
import { chatKey, userKey, type IncomingMessage } from "../../core/message.js";

/** What the parser needs to know about the bot itself (a subset of getMe's answer). */
export interface BotIdentity {
  id: number;
  username: string;
}

/**
 * Turns one Telegram update into the neutral message, or undefined when it is not something a
 * person said to the chat (service messages, edits, channel posts, commands for another bot).
 * Pure: no I/O, so it is tested against captured payloads.
 */
export function fromTelegram(update: Update, bot: BotIdentity, now: Date = new Date()): IncomingMessage | undefined {
  if (update.callback_query) return fromButton(update.callback_query, bot, now);
  const message = update.message;
  if (!message || !message.from) return undefined;
  // An anonymous group admin writes as the group itself, through Telegram's GroupAnonymousBot.
  const anonymous = message.from.is_bot && message.from.username === "GroupAnonymousBot" && message.sender_chat !== undefined;
  if (message.from.is_bot && !anonymous) return undefined;
  const raw = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const photos = countPhotos(message);
  if (raw.trim() === "" && photos === 0) return undefined;
  if (commandForAnotherBot(raw, entities, bot)) return undefined;
  const { text, mentioned } = stripBotMentions(raw, entities, bot);
  const group = isGroup(message.chat);
  const reply = message.reply_to_message;
  return {
    id: `${message.chat.id}:${message.message_id}`,
    platform: "telegram",
    chat: { key: chatKey("telegram", message.chat.id), type: group ? "group" : "private", title: chatTitle(message.chat, message.from) },
    sender: anonymous
      ? { key: userKey("telegram", message.sender_chat!.id), name: message.sender_chat!.title ?? displayName(message.from) }
      : { key: userKey("telegram", message.from.id), name: displayName(message.from) },
    text,
    mentionsBot: mentioned,
    replyToBot: reply?.from?.id === bot.id,
    replyTo: reply ? { messageId: `${message.chat.id}:${reply.message_id}`, text: reply.text ?? reply.caption } : undefined,
    photos,
    sentAt: new Date(message.date * 1000),
  };
}

/** A button press becomes a message from the presser whose text is the button's data. */
function fromButton(query: NonNullable<Update["callback_query"]>, bot: BotIdentity, now: Date): IncomingMessage | undefined {
  const chat = query.message?.chat;
  if (!chat || query.data === undefined || query.from.is_bot) return undefined;
  return {
    id: `${chat.id}:button:${query.id}`,
    platform: "telegram",
    chat: { key: chatKey("telegram", chat.id), type: isGroup(chat) ? "group" : "private", title: chatTitle(chat, query.from) },
    sender: { key: userKey("telegram", query.from.id), name: displayName(query.from) },
    text: query.data,
    // Pressing a button under the bot's message is speaking to the bot, even in a group.
    mentionsBot: true,
    replyToBot: query.message?.from?.id === undefined || query.message.from.id === bot.id,
    replyTo: query.message ? { messageId: `${chat.id}:${query.message.message_id}`, text: "text" in query.message ? query.message.text : undefined } : undefined,
    photos: 0,
    // A button press carries no time of its own.
    sentAt: now,
  };
}

export function isGroup(chat: Pick<Chat, "type">): boolean {
  return chat.type === "group" || chat.type === "supergroup";
}

/** First and last name; Chinese names are written without a space between the parts. */
export function displayName(user: Pick<User, "first_name" | "last_name" | "username" | "id">): string {
  const parts = [user.first_name, user.last_name].map((part) => part?.trim()).filter((part): part is string => Boolean(part));
  if (parts.length === 0) return user.username ?? String(user.id);
  const cjk = /[\u3400-\u9fff]$/.test(parts[0]!) && parts.length > 1 && /^[\u3400-\u9fff]/.test(parts[1]!);
  return parts.join(cjk ? "" : " ");
}

function chatTitle(chat: Chat, from: User): string | undefined {
  if ("title" in chat && chat.title) return chat.title;
  return chat.type === "private" ? displayName(from) : undefined;
}

/** One photo arrives as several sizes of the same picture; an album arrives as one message per photo. */
function countPhotos(message: Message): number {
  if (message.photo && message.photo.length > 0) return 1;
  if (message.document?.mime_type?.startsWith("image/")) return 1;
  return 0;
}

/** `/help@otherbot` in a group with several bots is addressed to the other bot. */
function commandForAnotherBot(text: string, entities: MessageEntity[], bot: BotIdentity): boolean {
  const command = entities.find((entity) => entity.type === "bot_command" && entity.offset === 0);
  const word = command ? text.slice(0, command.length) : /^\/\S+/.exec(text)?.[0];
  const at = word?.indexOf("@") ?? -1;
  if (!word || at < 0) return false;
  return word.slice(at + 1).toLowerCase() !== bot.username.toLowerCase();
}

/**
 * Removes `@botusername` mentions and text mentions of the bot, working from the entities the
 * server computed (offsets are UTF-16 code units, like JavaScript strings).
 */
function stripBotMentions(text: string, entities: MessageEntity[], bot: BotIdentity): { text: string; mentioned: boolean } {
  const ours = entities.filter(
    (entity) =>
      (entity.type === "mention" && text.slice(entity.offset + 1, entity.offset + entity.length).toLowerCase() === bot.username.toLowerCase()) ||
      (entity.type === "text_mention" && entity.user.id === bot.id),
  );
  let result = text;
  for (const entity of [...ours].sort((a, b) => b.offset - a.offset)) {
    result = `${result.slice(0, entity.offset)} ${result.slice(entity.offset + entity.length)}`;
  }
  return { text: result.replace(/[ \t]+/g, " ").replace(/^\s*[,，:：]?\s*/, "").trim(), mentioned: ours.length > 0 };
}
