import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { EventEmitter } from "node:events";
import Database from "better-sqlite3";
import type { KeyvStoreAdapter } from "keyv";
import { keyvNamespace } from "./keyv-namespace.js";
import { keyvRow } from "./records.js";
import type { Storage } from "./types.js";

type Db = Database.Database;

/** Rows a namespace listing reads at a time. */
const pageSize = 500;

/** A keyv store over better-sqlite3: synchronous, WAL, one table shared by all namespaces. */
class SqliteStore extends EventEmitter implements KeyvStoreAdapter {
  opts = { dialect: "sqlite", url: "sqlite" };
  namespace?: string;

  constructor(private readonly db: Db) {
    super();
  }

  async get<Value>(key: string): Promise<Value | undefined> {
    const row = this.db.prepare("SELECT value FROM kv WHERE key = ?").get(key) as { value: Value } | undefined;
    return row?.value;
  }

  async getMany<Value>(keys: string[]): Promise<Array<Value | undefined>> {
    return Promise.all(keys.map((key) => this.get<Value>(key)));
  }

  async set(key: string, value: unknown, ttl?: number): Promise<void> {
    const expires = typeof ttl === "number" && ttl > 0 ? Date.now() + ttl : null;
    this.db
      .prepare("INSERT INTO kv (key, value, expires) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires")
      .run(key, value, expires);
  }

  async delete(key: string): Promise<boolean> {
    return this.db.prepare("DELETE FROM kv WHERE key = ?").run(key).changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    let any = false;
    for (const key of keys) any = (await this.delete(key)) || any;
    return any;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async clear(): Promise<void> {
    if (this.namespace) this.db.prepare("DELETE FROM kv WHERE key >= ? AND key < ?").run(`${this.namespace}:`, `${this.namespace};`);
    else this.db.prepare("DELETE FROM kv").run();
  }

  async *iterator<Value>(namespace?: string): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    // A key range rather than LIKE: SQLite's LIKE ignores case and so cannot use the key index,
    // which made listing one namespace read the whole table. Read a page at a time, so listing
    // 100,000 reports never holds them all; pages rather than a cursor, because callers write
    // while they iterate and better-sqlite3 refuses writes during an open cursor.
    const [from, to] = namespace ? [`${namespace}:`, `${namespace};`] : ["", "\u{10FFFF}"];
    const page = this.db.prepare("SELECT key, value FROM kv WHERE key >= ? AND key < ? AND key > ? ORDER BY key LIMIT ?");
    for (let after = ""; ; ) {
      const rows = page.all(from, to, after, pageSize) as Array<{ key: string; value: Awaited<Value> }>;
      for (const row of rows) yield [row.key, row.value];
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.key;
    }
  }

  async disconnect(): Promise<void> {}
}

/** Opens (creating if needed) the embedded SQLite database at `file` (":memory:" for tests). */
export function openSqliteStorage(file: string): Storage {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(`CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT, expires INTEGER);
           CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, owner TEXT, expires INTEGER NOT NULL);`);
  let claimsSincePurge = 0;
  const purgeExpired = () => {
    const now = Date.now();
    db.prepare("DELETE FROM claims WHERE expires <= ?").run(now);
    db.prepare("DELETE FROM kv WHERE expires IS NOT NULL AND expires < ?").run(now);
  };
  const claimStatement = db.transaction((key: string, owner: string, ttlMs: number) => {
    const now = Date.now();
    // Every message leaves a 48-hour de-duplication claim; sweep the dead ones now and then.
    if (++claimsSincePurge >= 1000) {
      claimsSincePurge = 0;
      purgeExpired();
    }
    db.prepare("DELETE FROM claims WHERE key = ? AND expires <= ?").run(key, now);
    return db.prepare("INSERT OR IGNORE INTO claims (key, owner, expires) VALUES (?, ?, ?)").run(key, owner, now + ttlMs).changes > 0;
  });
  purgeExpired();
  let closed = false;
  return {
    kind: "sqlite",
    namespace: (name) => keyvNamespace(new SqliteStore(db), name),
    claim: async (key, ttlMs, owner = "") => claimStatement(key, owner, ttlMs),
    renew: async (key, ttlMs, owner) => {
      const now = Date.now();
      return db.prepare("UPDATE claims SET expires = ? WHERE key = ? AND owner = ? AND expires > ?").run(now + ttlMs, key, owner, now).changes > 0;
    },
    claimOwner: async (key) => {
      const row = db.prepare("SELECT owner FROM claims WHERE key = ? AND expires > ?").get(key, Date.now()) as { owner: string } | undefined;
      return row?.owner;
    },
    release: async (key) => {
      db.prepare("DELETE FROM claims WHERE key = ?").run(key);
    },
    records: async function* () {
      const now = Date.now();
      for (const row of db.prepare("SELECT key, value FROM kv ORDER BY key").iterate() as Iterable<{ key: string; value: string }>) {
        const record = keyvRow(row.key, row.value, now);
        if (record) yield record;
      }
    },
    claims: async function* () {
      yield* db.prepare("SELECT key, owner, expires FROM claims WHERE expires > ? ORDER BY key").all(Date.now()) as Array<{ key: string; owner: string; expires: number }>;
    },
    ping: async () => !closed && db.prepare("SELECT 1 AS ok").get() !== undefined,
    close: async () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
