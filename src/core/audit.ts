import { randomUUID } from "node:crypto";
import type { Turn } from "./feature.js";
import type { Clock } from "../ports/clock.js";
import type { KeyValue, Storage } from "../ports/storage/index.js";

export interface AuditEntry {
  at: string;
  /** User key and display name of the staff member. */
  user: string;
  name: string;
  /** Chat the command came from. */
  chat: string;
  /** What was done, e.g. "training.add", "broadcast.send", "bind". */
  action: string;
  /** The command as typed, or a short description. */
  detail: string;
  /** The groups the action touched. */
  groups: string[];
}

const keepMs = 400 * 24 * 3600_000;

/**
 * Every staff action, for /audit: who, what, when, which groups. Entries live in one namespace;
 * an index a month (entry key → true, UTC month of the key) and the list of months let the
 * newest entries be read from the latest months only, not from a year of entries.
 */
export class AuditLog {
  private readonly entries: KeyValue<AuditEntry>;
  private readonly months: KeyValue<true>;
  private readonly indexMeta: KeyValue<number>;
  private indexed?: Promise<void>;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
  ) {
    this.entries = storage.namespace<AuditEntry>("audit");
    this.months = storage.namespace<true>("audit-months");
    this.indexMeta = storage.namespace<number>("audit-index");
  }

  private month(month: string): KeyValue<true> {
    return this.storage.namespace<true>(`audit-month-${month}`);
  }

  /** Indexes one entry under the month its key starts with. */
  private async index(key: string): Promise<void> {
    const month = key.slice(0, 7);
    await this.month(month).set(key, true, keepMs);
    await this.months.set(month, true, keepMs);
  }

  /** Logs written before the index existed are indexed once, on first use. */
  private ready(): Promise<void> {
    this.indexed ??= (async () => {
      if ((await this.indexMeta.get("month")) === 1) return;
      for await (const [key] of this.entries.entries()) await this.index(key);
      await this.indexMeta.set("month", 1);
    })();
    return this.indexed;
  }

  async record(turn: Turn, action: string, detail: string, groups: string[] = []): Promise<void> {
    const at = this.clock.now().toISOString();
    // Time, then this process's monotonic clock (several AuditLog objects share the namespace), lead the key so a listing sorts by them.
    const order = process.hrtime.bigint().toString().padStart(20, "0");
    const key = `${at}|${order}|${randomUUID()}`;
    await this.entries.set(key, { at, user: turn.message.sender.key, name: turn.message.sender.name, chat: turn.message.chat.key, action, detail, groups }, keepMs);
    await this.index(key);
  }

  /** The newest entries first. */
  async latest(count: number): Promise<AuditEntry[]> {
    await this.ready();
    const months: string[] = [];
    for await (const [month] of this.months.entries()) months.push(month);
    const found: AuditEntry[] = [];
    for (const month of months.sort().reverse()) {
      const keys: string[] = [];
      for await (const [key] of this.month(month).entries()) keys.push(key);
      for (const key of keys.sort().reverse()) {
        if (found.length >= count) return found;
        const entry = await this.entries.get(key);
        if (entry) found.push(entry);
      }
    }
    return found;
  }
}
