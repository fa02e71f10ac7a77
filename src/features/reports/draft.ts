/**
 * Unfinished reports, one per chat+user, persisted so a restart or hours of silence resume the
 * dialog. The `v` field versions the shape: a draft of another version is dropped with a notice.
 */
import type { KeyValue, Storage } from "../../ports/storage/index.js";
import type { ReportFields } from "./extract/index.js";

export const DRAFT_VERSION = 2;

/** What the bot is waiting for. */
export type Asking =
  /** /report alone: the description of the activity */
  | { kind: "content" }
  /** one missing field of one report */
  | { kind: "field"; index: number; field: keyof ReportFields }
  /** yes/no on the summary */
  | { kind: "confirm" }
  /** stored reports look the same as `indices` (of the `pending` submission): store anyway? */
  | { kind: "duplicate"; indices: number[]; pending: number[]; matches: string[] }
  /** the reports were stored under `ids` (reports keeps their fields): a later correction amends them */
  | { kind: "done"; ids: string[] };

export interface Draft {
  v: typeof DRAFT_VERSION;
  chat: string;
  user: string;
  userName: string;
  /** Group chats get replies that mention the reporter. */
  group: boolean;
  /** The first message's own time: 昨天 in a later answer still means the day before it. */
  reference: string;
  startedAt: string;
  updatedAt: string;
  reports: ReportFields[];
  /** Fields recorded from approximate figures (X多, 约X), said when confirming. */
  approximate: string[];
  asking: Asking;
  /** The group's bound organization, used when a message does not name one. */
  organization?: string;
  /** Photos sent before the description (after a bare /report). */
  pendingPhotos?: number;
  /** The part of day the first message named (晚上, 下午): bare clock answers (七点到九点) keep it. */
  dayPart?: string;
  /** Hours each person served, by report index, told before the head count (干了3个小时). */
  hoursEach?: Record<number, number>;
  /** Fields the person could not give (不知道, 跳过), as "index:field": not asked again. */
  skipped?: string[];
}

/** A stored value that may be a draft of any version (or something else entirely). */
export type StoredDraft = { v?: unknown } & Record<string, unknown>;

export function draftKey(chat: string, user: string): string {
  return `${chat}|${user}`;
}

export function isCurrent(stored: StoredDraft): stored is StoredDraft & Draft {
  return stored.v === DRAFT_VERSION && Array.isArray(stored.reports) && typeof stored.reference === "string";
}

/** The drafts namespace. Entries also carry a storage TTL, a safety net for the expiry sweep. */
export class DraftStore {
  private readonly drafts: KeyValue<StoredDraft>;

  constructor(
    storage: Storage,
    private readonly keepMs: number,
  ) {
    this.drafts = storage.namespace<StoredDraft>("report-drafts");
  }

  get(chat: string, user: string): Promise<StoredDraft | undefined> {
    return this.drafts.get(draftKey(chat, user));
  }

  async save(draft: Draft): Promise<void> {
    await this.drafts.set(draftKey(draft.chat, draft.user), draft as unknown as StoredDraft, this.keepMs);
  }

  async delete(chat: string, user: string): Promise<void> {
    await this.drafts.delete(draftKey(chat, user));
  }

  async *all(): AsyncIterable<[string, StoredDraft]> {
    yield* this.drafts.entries();
  }

  async deleteKey(key: string): Promise<void> {
    await this.drafts.delete(key);
  }

  /** Moves drafts of a chat that changed its key (Telegram group → supergroup). */
  async rekeyChat(from: string, to: string): Promise<void> {
    for await (const [key, stored] of this.drafts.entries()) {
      if (!key.startsWith(`${from}|`)) continue;
      await this.drafts.set(`${to}|${key.slice(from.length + 1)}`, { ...stored, chat: to }, this.keepMs);
      await this.drafts.delete(key);
    }
  }
}
