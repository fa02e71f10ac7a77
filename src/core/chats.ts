import type { Storage } from "../ports/storage/index.js";
import type { ChatType, IncomingMessage, Platform } from "./message.js";
import { splitKey } from "./message.js";

export interface ChatRecord {
  key: string;
  platform: Platform;
  type: ChatType;
  title?: string;
  /** False once the platform said the bot was removed (403); broadcasts skip it. */
  active: boolean;
  /** Set by /bind: the organization this group belongs to, and its tags. */
  organization?: string;
  organizationType?: string;
  tags: string[];
  firstSeen: string;
  lastSeen: string;
}

/** Every chat the bot has seen, with its binding; the address book of broadcasts and reminders. */
export class ChatDirectory {
  private readonly chats;
  /** User key → their private chat with the bot, for things meant for them alone. */
  private readonly privateChats;
  /** User key → the groups they have written in, so a private chat shows what their groups see. */
  private readonly memberships;
  /** "user|chat" pairs this process has already recorded: chatter costs no extra read. */
  private readonly recorded = new Set<string>();

  constructor(storage: Storage) {
    this.chats = storage.namespace<ChatRecord>("chats");
    this.privateChats = storage.namespace<string>("private-chats");
    this.memberships = storage.namespace<string[]>("member-groups");
  }

  async seen(message: IncomingMessage): Promise<void> {
    await this.recordPerson(message);
    const existing = await this.chats.get(message.chat.key);
    const now = message.sentAt.toISOString();
    if (existing && existing.active && existing.title === (message.chat.title ?? existing.title) && existing.lastSeen.slice(0, 13) === now.slice(0, 13)) return;
    await this.chats.set(message.chat.key, {
      tags: [],
      firstSeen: now,
      ...existing,
      key: message.chat.key,
      platform: message.platform,
      type: message.chat.type,
      title: message.chat.title ?? existing?.title,
      active: true,
      lastSeen: now,
    });
  }

  /** Remembers a person's private chat, and the groups they write in. */
  private async recordPerson(message: IncomingMessage): Promise<void> {
    const pair = `${message.sender.key}|${message.chat.key}`;
    if (this.recorded.has(pair)) return;
    if (message.chat.type === "private") {
      if ((await this.privateChats.get(message.sender.key)) !== message.chat.key) await this.privateChats.set(message.sender.key, message.chat.key);
    } else {
      const groups = (await this.memberships.get(message.sender.key)) ?? [];
      if (!groups.includes(message.chat.key)) await this.memberships.set(message.sender.key, [...groups, message.chat.key]);
    }
    if (this.recorded.size > 50_000) this.recorded.clear();
    this.recorded.add(pair);
  }

  get(key: string): Promise<ChatRecord | undefined> {
    return this.chats.get(key);
  }

  /** The groups a person has written in (that the bot still knows). */
  async groupsOf(user: string): Promise<ChatRecord[]> {
    const records = await Promise.all(((await this.memberships.get(user)) ?? []).map((key) => this.chats.get(key)));
    return records.filter((record): record is ChatRecord => record !== undefined);
  }

  /**
   * A person's private chat with the bot, once they have written to it there (a platform lets a
   * bot start no private chat by itself); undefined otherwise, and the caller decides what instead.
   */
  async privateChatOf(user: string): Promise<string | undefined> {
    const record = await this.chats.get((await this.privateChats.get(user)) ?? user);
    return record?.type === "private" && record.active ? record.key : undefined;
  }

  async update(key: string, patch: Partial<Omit<ChatRecord, "key">>): Promise<ChatRecord> {
    const existing = await this.chats.get(key);
    const now = new Date().toISOString();
    const record: ChatRecord = {
      key,
      platform: splitKey(key).platform,
      type: "group",
      active: true,
      tags: [],
      firstSeen: now,
      lastSeen: now,
      ...existing,
      ...patch,
    };
    await this.chats.set(key, record);
    return record;
  }

  async markInactive(key: string): Promise<void> {
    if (await this.chats.get(key)) await this.update(key, { active: false });
  }

  /** Moves a chat's record to a new key (Telegram group → supergroup migration). */
  async rekey(from: string, to: string): Promise<void> {
    const existing = await this.chats.get(from);
    if (!existing) return;
    await this.chats.set(to, { ...existing, key: to });
    await this.chats.delete(from);
  }

  async list(): Promise<ChatRecord[]> {
    const records: ChatRecord[] = [];
    for await (const [, record] of this.chats.entries()) records.push(record);
    return records.sort((a, b) => a.key.localeCompare(b.key));
  }

  /** Active groups carrying any of the tags (or all active groups for "all"). */
  async groupsTagged(tags: string[]): Promise<ChatRecord[]> {
    const all = tags.includes("all") || tags.includes("全部");
    return (await this.list()).filter((chat) => chat.type === "group" && chat.active && (all || chat.tags.some((tag) => tags.includes(tag))));
  }
}
