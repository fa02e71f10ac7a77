import { randomUUID } from "node:crypto";
import type { Turn } from "./feature.js";
import type { Clock } from "../ports/clock.js";
import type { Storage } from "../ports/storage/index.js";

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

/** Every staff action, for /audit: who, what, when, which groups. */
export class AuditLog {
  private readonly entries;

  constructor(
    storage: Storage,
    private readonly clock: Clock,
  ) {
    this.entries = storage.namespace<AuditEntry>("audit");
  }

  async record(turn: Turn, action: string, detail: string, groups: string[] = []): Promise<void> {
    const at = this.clock.now().toISOString();
    // Time, then this process's monotonic clock (several AuditLog objects share the namespace), lead the key so a listing sorts by them.
    const order = process.hrtime.bigint().toString().padStart(20, "0");
    await this.entries.set(`${at}|${order}|${randomUUID()}`, { at, user: turn.message.sender.key, name: turn.message.sender.name, chat: turn.message.chat.key, action, detail, groups }, keepMs);
  }

  /** The newest entries first. */
  async latest(count: number): Promise<AuditEntry[]> {
    const all: Array<[string, AuditEntry]> = [];
    for await (const entry of this.entries.entries()) all.push(entry);
    return all
      .sort((a, b) => b[0].localeCompare(a[0]))
      .slice(0, count)
      .map(([, entry]) => entry);
  }
}
