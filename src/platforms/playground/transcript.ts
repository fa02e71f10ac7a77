import { KeyedQueue } from "../../core/keyed-queue.js";
import type { ReplyButton } from "../../core/message.js";
import type { Storage } from "../../ports/storage/index.js";

export interface TranscriptEntry {
  seq: number;
  from: { id: string; name: string; bot: boolean };
  text: string;
  sent_at: string;
  buttons?: ReplyButton[];
  file?: { name: string; url: string };
}

interface ChatLog {
  type: "group" | "private";
  title?: string;
  entries: TranscriptEntry[];
}

const keep = 1000;

/** Each playground chat's messages, user and bot alike, persisted so a restart keeps them. */
export class Transcripts {
  private readonly logs;
  private readonly queue = new KeyedQueue();

  constructor(storage: Storage) {
    this.logs = storage.namespace<ChatLog>("playground-transcripts");
  }

  append(chat: string, entry: Omit<TranscriptEntry, "seq">, meta?: { type: "group" | "private"; title?: string }): Promise<TranscriptEntry> {
    return this.queue.run(chat, async () => {
      const log = (await this.logs.get(chat)) ?? { type: meta?.type ?? "group", title: meta?.title, entries: [] };
      if (meta) Object.assign(log, { type: meta.type, title: meta.title ?? log.title });
      const seq = (log.entries.at(-1)?.seq ?? 0) + 1;
      const stored = { ...entry, seq };
      log.entries.push(stored);
      if (log.entries.length > keep) log.entries.splice(0, log.entries.length - keep);
      await this.logs.set(chat, log);
      return stored;
    });
  }

  async after(chat: string, after: number): Promise<TranscriptEntry[]> {
    const log = await this.logs.get(chat);
    return (log?.entries ?? []).filter((entry) => entry.seq > after);
  }

  async chats(): Promise<Array<{ id: string; type: string; title?: string; last_seq: number }>> {
    const list = [];
    for await (const [id, log] of this.logs.entries()) list.push({ id, type: log.type, title: log.title, last_seq: log.entries.at(-1)?.seq ?? 0 });
    return list.sort((a, b) => a.id.localeCompare(b.id));
  }

  async isGroup(chat: string): Promise<boolean> {
    return ((await this.logs.get(chat))?.type ?? "group") === "group";
  }
}
