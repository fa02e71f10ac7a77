import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Storage, StoredClaim, StoredRecord } from "./types.js";

/**
 * The backup format, one JSON object a line:
 *   {"format":"incubot-backup","version":1,"created_at":…,"source":"sqlite"}   header
 *   {"namespace":"reports","key":"R20260316-001","value":{…},"expires":…?}       a record
 *   {"claim":"report-id:R…","owner":"…","expires":…}                             a live claim
 *   {"end":true,"records":N,"claims":M}                                         trailer: the file is whole
 * Any backend reads and writes it, which makes it the SQLite → PostgreSQL (or Redis) path too.
 */
export const backupFormat = "incubot-backup";
export const backupVersion = 1;

export interface BackupSummary {
  records: number;
  claims: number;
}

/** A backup file that cannot be restored: the sentence says why. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Writes every live record and claim of `storage` to `out`. */
export async function writeBackup(storage: Storage, out: Writable, now = new Date()): Promise<BackupSummary> {
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => out.once("drain", resolve));
  };
  await write({ format: backupFormat, version: backupVersion, created_at: now.toISOString(), source: storage.kind });
  const summary: BackupSummary = { records: 0, claims: 0 };
  for await (const record of storage.records()) {
    await write(record);
    summary.records += 1;
  }
  for await (const claim of storage.claims()) {
    await write({ claim: claim.key, owner: claim.owner, expires: claim.expires });
    summary.claims += 1;
  }
  await write({ end: true, ...summary });
  return summary;
}

/** Whether the store holds nothing yet (restore refuses to mix a backup into live data unless forced). */
export async function isEmpty(storage: Storage): Promise<boolean> {
  for await (const _record of storage.records()) return false;
  return true;
}

/**
 * Loads a backup into `storage`. Records already expired are skipped; a record present in both
 * is overwritten by the backup's. The file is checked line by line and must end with its trailer.
 */
export async function readBackup(storage: Storage, input: Readable, now = () => Date.now()): Promise<BackupSummary> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const summary: BackupSummary = { records: 0, claims: 0 };
  let number = 0;
  let ended = false;
  // One handle a namespace: opening one is not free (PostgreSQL opens a pool for it).
  const namespaces = new Map<string, ReturnType<Storage["namespace"]>>();
  const namespace = (name: string) => namespaces.get(name) ?? namespaces.set(name, storage.namespace(name)).get(name)!;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === "") continue;
    let item: Record<string, unknown>;
    try {
      item = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new BackupError(`line ${number} is not JSON`);
    }
    if (number === 1) {
      if (item.format !== backupFormat) throw new BackupError("this is not an incubot backup (the first line has no \"format\":\"incubot-backup\")");
      if (typeof item.version !== "number" || item.version > backupVersion) throw new BackupError(`backup version ${String(item.version)} is newer than this program reads (${backupVersion})`);
      continue;
    }
    if (ended) throw new BackupError(`line ${number} comes after the end marker`);
    if (item.end === true) {
      ended = true;
      if (item.records !== summary.records || item.claims !== summary.claims) throw new BackupError(`the end marker counts ${String(item.records)} records and ${String(item.claims)} claims, the file has ${summary.records} and ${summary.claims}`);
      continue;
    }
    if (typeof item.claim === "string") {
      const claim = item as unknown as { claim: string } & Omit<StoredClaim, "key">;
      summary.claims += 1;
      const left = claim.expires - now();
      if (left > 0) await storage.claim(claim.claim, left, claim.owner);
      continue;
    }
    const record = item as unknown as StoredRecord;
    if (typeof record.namespace !== "string" || typeof record.key !== "string" || !("value" in record)) throw new BackupError(`line ${number} is neither a record nor a claim`);
    summary.records += 1;
    const left = record.expires === undefined ? undefined : record.expires - now();
    if (left !== undefined && left <= 0) continue;
    await namespace(record.namespace).set(record.key, record.value, left);
  }
  if (number === 0) throw new BackupError("the file is empty");
  if (!ended) throw new BackupError("the file ends before its end marker: it was cut short");
  return summary;
}
