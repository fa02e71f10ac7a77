import KeyvPostgres from "@keyv/postgres";
import pg from "pg";
import { keyvNamespace } from "./keyv-namespace.js";
import { keyvRow } from "./records.js";
import type { Storage } from "./types.js";

/**
 * An idle connection the server closes (a restart, a failover, DROP DATABASE … FORCE) is an
 * 'error' event on its pool, which ends the process when no one listens. The pool has already
 * dropped that connection and the next query opens a new one, so the event needs only a listener.
 * @keyv/postgres makes its own pool and keeps it to itself, so every pool made through pg gets one.
 */
function listenToEveryPool(): void {
  const Made = pg.Pool as typeof pg.Pool & { listened?: true };
  if (Made.listened) return;
  class Listened extends Made {
    static listened = true as const;
    constructor(config?: pg.PoolConfig) {
      super(config);
      this.on("error", () => undefined);
    }
  }
  pg.Pool = Listened;
}

/** Shared state in PostgreSQL: keyv's table for data, a small table of our own for claims. */
export async function openPostgresStorage(url: string): Promise<Storage> {
  listenToEveryPool();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await createClaimsTable(pool);
  const adapters: KeyvPostgres[] = [];
  let claimsSincePurge = 0;
  return {
    kind: "postgres",
    namespace: (name) => {
      const adapter = new KeyvPostgres({ uri: url, table: "incubot_kv", max: 2 });
      adapters.push(adapter);
      return keyvNamespace(adapter, name);
    },
    claim: async (key, ttlMs, owner = "-") => {
      const now = Date.now();
      // De-duplication leaves a claim per message; sweep the expired ones now and then.
      if (++claimsSincePurge >= 1000) {
        claimsSincePurge = 0;
        await pool.query("DELETE FROM incubot_claims WHERE expires <= $1", [now]);
      }
      // Takes the key when absent or expired, in one statement, so two instances cannot both win.
      const result = await pool.query(
        `INSERT INTO incubot_claims (key, owner, expires) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires = EXCLUDED.expires
         WHERE incubot_claims.expires <= $4 RETURNING key`,
        [key, owner, now + Math.round(ttlMs), now],
      );
      return (result.rowCount ?? 0) > 0;
    },
    renew: async (key, ttlMs, owner) => {
      const now = Date.now();
      const result = await pool.query("UPDATE incubot_claims SET expires = $1 WHERE key = $2 AND owner = $3 AND expires > $4", [now + Math.round(ttlMs), key, owner, now]);
      return (result.rowCount ?? 0) > 0;
    },
    claimOwner: async (key) => {
      const result = await pool.query("SELECT owner FROM incubot_claims WHERE key = $1 AND expires > $2", [key, Date.now()]);
      return result.rows[0]?.owner as string | undefined;
    },
    release: async (key) => {
      await pool.query("DELETE FROM incubot_claims WHERE key = $1", [key]);
    },
    records: async function* () {
      const now = Date.now();
      // Pages by key, so a large store is never read into memory at once.
      let after = "";
      for (;;) {
        const page = await pool.query("SELECT key, value FROM incubot_kv WHERE key > $1 ORDER BY key LIMIT 1000", [after]).catch((error: { code?: string }) => {
          if (error.code === "42P01") return { rows: [] }; // no table yet: an empty store
          throw error;
        });
        for (const row of page.rows as Array<{ key: string; value: string }>) {
          const record = keyvRow(row.key, row.value, now);
          if (record) yield record;
        }
        if (page.rows.length < 1000) return;
        after = (page.rows.at(-1) as { key: string }).key;
      }
    },
    claims: async function* () {
      const result = await pool.query("SELECT key, owner, expires FROM incubot_claims WHERE expires > $1 ORDER BY key", [Date.now()]);
      for (const row of result.rows as Array<{ key: string; owner: string; expires: string }>) yield { key: row.key, owner: row.owner, expires: Number(row.expires) };
    },
    ping: async () => {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await Promise.all(adapters.map((adapter) => adapter.disconnect().catch(() => undefined)));
      await pool.end();
    },
  };
}

/**
 * CREATE TABLE IF NOT EXISTS is not atomic in PostgreSQL: two instances starting together on a
 * new database can both try to create the table, and one fails. A transaction lock orders them.
 */
async function createClaimsTable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('incubot_claims'))");
    await client.query("CREATE TABLE IF NOT EXISTS incubot_claims (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires BIGINT NOT NULL)");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
