import KeyvRedis, { createClient } from "@keyv/redis";
import { keyvNamespace } from "./keyv-namespace.js";
import type { Storage } from "./types.js";

const prefix = "incubot";

/** Shared state for several instances: every namespace and claim lives in one Redis. */
export async function openRedisStorage(url: string): Promise<Storage> {
  const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(retries * 200, 3000) } });
  client.on("error", () => {
    // Reconnection is automatic; ping() reports the outage to /healthz.
  });
  // Every namespace's adapter listens on the one shared client.
  client.setMaxListeners(100);
  await client.connect();
  const claimKey = (key: string) => `${prefix}:claim:${key}`;
  return {
    kind: "redis",
    // The adapter prefixes keys with its namespace itself; keyv's own prefix would double it.
    namespace: (name) => keyvNamespace(new KeyvRedis(client, { namespace: `${prefix}:${name}` }), `${prefix}:${name}`, false),
    claim: async (key, ttlMs, owner = "-") => (await client.set(claimKey(key), owner, { NX: true, PX: Math.max(1, Math.round(ttlMs)) })) === "OK",
    claimOwner: async (key) => (await client.get(claimKey(key))) ?? undefined,
    release: async (key) => {
      await client.del(claimKey(key));
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
