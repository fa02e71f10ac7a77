import type { ChatDirectory, ChatRecord } from "../../core/chats.js";
import type { Training, TrainingStore } from "./store.js";

/** The groups a training speaks to: its audience tags plus the group it was created in. */
export async function trainingGroups(chats: ChatDirectory, training: Training): Promise<ChatRecord[]> {
  const groups = await chats.groupsTagged(training.audience);
  const origin = await chats.get(training.origin);
  if (origin && origin.type === "group" && origin.active && !groups.some((group) => group.key === origin.key)) groups.push(origin);
  return groups;
}

/** Whether a group should see a training in /trainings. */
export function trainingVisibleIn(training: Training, chat: ChatRecord | undefined, chatKey: string): boolean {
  if (training.origin === chatKey) return true;
  if (training.audience.includes("all") || training.audience.includes("全部")) return true;
  return (chat?.tags ?? []).some((tag) => training.audience.includes(tag));
}

/**
 * A person's private chat with the bot: remembered from their own private messages, or on
 * Telegram and WeChat the chat whose key is their user key, once they have written to the bot.
 */
export async function privateChatOf(store: TrainingStore, chats: ChatDirectory, user: string): Promise<string | undefined> {
  return (await store.privateChat(user)) ?? (await chats.privateChatOf(user));
}
