import type { Storage } from "../../ports/storage/index.js";

/** A staff member's broadcast waiting for 确认. */
export interface BroadcastDraft {
  v: 1;
  text: string;
  tags: string[];
  chats: string[];
  at: string;
}

/** A persisted fan-out: the groups are fixed when it is confirmed; per-group state lives apart. */
export interface BroadcastJob {
  v: 1;
  id: string;
  text: string;
  tags: string[];
  chats: string[];
  by: string;
  byName: string;
  /** Where progress and the delivery report go. */
  origin: string;
  createdAt: string;
  status: "running" | "done";
  finishedAt?: string;
}

/** A group's outcome; no entry means not yet tried. */
export type GroupState = "sent" | "blocked" | "failed";

/** How long a preview waits for 确认. */
export const draftKeepMs = 30 * 60_000;
const keepMs = 180 * 24 * 3600_000;
const idClaimMs = 20 * 365 * 24 * 3600_000;

export class BroadcastStore {
  private readonly drafts;
  private readonly jobs;
  private readonly states;
  private readonly latest;
  private readonly receipts;
  private readonly meta;
  private readonly draftOwners;

  constructor(private readonly storage: Storage) {
    this.drafts = storage.namespace<BroadcastDraft>("broadcast-drafts");
    this.jobs = storage.namespace<BroadcastJob>("broadcast-jobs");
    this.states = storage.namespace<GroupState>("broadcast-states");
    this.latest = storage.namespace<string>("broadcast-latest");
    this.receipts = storage.namespace<{ name: string; at: string }>("broadcast-receipts");
    this.meta = storage.namespace<number>("broadcast-meta");
    this.draftOwners = storage.namespace<{ owner: string; name: string }>("broadcast-draft-owners");
  }

  /** Short ids people can type after 收到; claimed atomically across instances. */
  async nextId(): Promise<string> {
    let candidate = ((await this.meta.get("lastId")) ?? 0) + 1;
    while (!(await this.storage.claim(`broadcast-id:${candidate}`, idClaimMs))) candidate++;
    await this.meta.set("lastId", candidate);
    return String(candidate);
  }

  draft(owner: string): Promise<BroadcastDraft | undefined> {
    return this.drafts.get(owner);
  }

  async saveDraft(owner: string, draft: BroadcastDraft): Promise<void> {
    await this.drafts.set(owner, draft, draftKeepMs);
  }

  /** Who last previewed an announcement in a chat, so a colleague's 确认 can be answered. */
  async noteDraftIn(chat: string, owner: string, name: string): Promise<void> {
    await this.draftOwners.set(chat, { owner, name }, draftKeepMs);
  }

  draftIn(chat: string): Promise<{ owner: string; name: string } | undefined> {
    return this.draftOwners.get(chat);
  }

  /** The id of the newest announcement, if any. */
  async latestJobId(): Promise<string | undefined> {
    const last = await this.meta.get("lastId");
    return last ? String(last) : undefined;
  }

  async dropDraft(owner: string): Promise<void> {
    await this.drafts.delete(owner);
  }

  job(id: string): Promise<BroadcastJob | undefined> {
    return this.jobs.get(id.replace(/^[#＃]/, ""));
  }

  async saveJob(job: BroadcastJob): Promise<void> {
    await this.jobs.set(job.id, job, keepMs);
  }

  async unfinished(): Promise<BroadcastJob[]> {
    const list: BroadcastJob[] = [];
    for await (const [, job] of this.jobs.entries()) if (job.v === 1 && job.status === "running") list.push(job);
    return list.sort((a, b) => Number(a.id) - Number(b.id));
  }

  state(id: string, chat: string): Promise<GroupState | undefined> {
    return this.states.get(`${id}|${chat}`);
  }

  async setState(id: string, chat: string, state: GroupState): Promise<void> {
    await this.states.set(`${id}|${chat}`, state, keepMs);
    if (state === "sent") await this.latest.set(chat, id, keepMs);
  }

  /** The broadcast a plain 收到 in this group answers. */
  latestIn(chat: string): Promise<string | undefined> {
    return this.latest.get(chat);
  }

  /** Records a person's 收到; false when they had already said it. */
  async addReceipt(id: string, chat: string, user: string, name: string, at: Date): Promise<boolean> {
    const key = `${id}|${chat}|${user}`;
    if (await this.receipts.get(key)) return false;
    await this.receipts.set(key, { name, at: at.toISOString() }, keepMs);
    return true;
  }

  /** Groups of a broadcast where somebody confirmed. */
  async confirmedGroups(id: string): Promise<Set<string>> {
    const groups = new Set<string>();
    for await (const [key] of this.receipts.entries()) {
      if (!key.startsWith(`${id}|`)) continue;
      groups.add(key.slice(id.length + 1, key.lastIndexOf("|")));
    }
    return groups;
  }

  /** Who answered 收到 to a broadcast, per group (for the staff console). */
  async receiptsOf(id: string): Promise<Array<{ chat: string; user: string; name: string; at: string }>> {
    const list = [];
    for await (const [key, receipt] of this.receipts.entries()) {
      if (!key.startsWith(`${id}|`)) continue;
      const split = key.lastIndexOf("|");
      list.push({ chat: key.slice(id.length + 1, split), user: key.slice(split + 1), ...receipt });
    }
    return list.sort((a, b) => a.at.localeCompare(b.at));
  }
}
