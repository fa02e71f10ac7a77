import KeyvRedis, { createClient } from "@keyv/redis";
import { keyvNamespace } from "./keyv-namespace.js";
import { keyvRow } from "./records.js";
import type { Storage } from "./types.js";

/**
 * Shared state for several instances: every namespace and claim lives in one Redis, under the
 * key prefix `incubot` or the one named by `?prefix=` in the URL (several bots, or tests, on one Redis).
 */
export async function openRedisStorage(address: string): Promise<Storage> {
  const parsed = new URL(address);
  const prefix = parsed.searchParams.get("prefix") || "incubot";
  parsed.searchParams.delete("prefix");
  const url = parsed.toString();
  const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(retries * 200, 3000) } });
  client.on("error", () => {
    // Reconnection is automatic; ping() reports the outage to /healthz.
  });
  // Every namespace's adapter listens on the one shared client.
  client.setMaxListeners(100);
  await client.connect();
  const claimKey = (key: string) => `${prefix}:claim:${key}`;
  // Compare and extend in one step on the server, so a claim that lapsed and went to another
  // instance between a GET and a PEXPIRE is never extended for the wrong owner.
  const renewScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
  return {
    kind: "redis",
    // The adapter prefixes keys with its namespace itself; keyv's own prefix would double it.
    namespace: (name) => keyvNamespace(new KeyvRedis(client, { namespace: `${prefix}:${name}` }), `${prefix}:${name}`, false),
    claim: async (key, ttlMs, owner = "-") => (await client.set(claimKey(key), owner, { NX: true, PX: Math.max(1, Math.round(ttlMs)) })) === "OK",
    renew: async (key, ttlMs, owner) => Number(await client.eval(renewScript, { keys: [claimKey(key)], arguments: [owner, String(Math.max(1, Math.round(ttlMs)))] })) === 1,
    claimOwner: async (key) => (await client.get(claimKey(key))) ?? undefined,
    release: async (key) => {
      await client.del(claimKey(key));
    },
    records: async function* () {
      const now = Date.now();
      const dataPrefix = `${prefix}:`;
      for await (const batch of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
        const keys = [batch].flat().filter((key) => !key.startsWith(claimKey("")));
        if (keys.length === 0) continue;
        const values = await client.mGet(keys);
        for (const [index, key] of keys.entries()) {
          const value = values[index];
          const record = typeof value === "string" ? keyvRow(key.slice(dataPrefix.length), value, now, "::") : undefined;
          if (record) yield record;
        }
      }
    },
    claims: async function* () {
      for await (const batch of client.scanIterator({ MATCH: claimKey("*"), COUNT: 500 })) {
        for (const key of [batch].flat()) {
          const [owner, ttl] = await Promise.all([client.get(key), client.pTTL(key)]);
          if (owner !== null && ttl > 0) yield { key: key.slice(claimKey("").length), owner, expires: Date.now() + ttl };
        }
      }
    },
    ping: async () => {
      try {
        return (await client.ping()) === "PONG";
      } catch {
        return false;
      }
    },
    close: async () => {
      if (client.isOpen) await client.quit();
    },
  };
}
