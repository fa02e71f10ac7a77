import type { KeyValue, Storage } from "./types.js";

/** In-process storage for unit tests of features; not for production (nothing persists). */
export function openMemoryStorage(): Storage {
  const claims = new Map<string, { owner: string; expires: number }>();
  const namespaces = new Map<string, Map<string, { value: unknown; expires?: number }>>();
  const live = (key: string) => {
    const claim = claims.get(key);
    if (claim && claim.expires <= Date.now()) claims.delete(key);
    return claims.get(key);
  };
  return {
    kind: "memory",
    namespace<T>(name: string): KeyValue<T> {
      let map = namespaces.get(name);
      if (!map) namespaces.set(name, (map = new Map()));
      const entries = map;
      const read = (key: string) => {
        const entry = entries.get(key);
        if (entry?.expires !== undefined && entry.expires <= Date.now()) {
          entries.delete(key);
          return undefined;
        }
        return entry;
      };
      return {
        get: async (key) => structuredClone(read(key)?.value) as T | undefined,
        set: async (key, value, ttlMs) => {
          entries.set(key, { value: structuredClone(value), expires: ttlMs ? Date.now() + ttlMs : undefined });
        },
        delete: async (key) => entries.delete(key),
        clear: async () => entries.clear(),
        entries: async function* () {
          for (const key of [...entries.keys()]) {
            const entry = read(key);
            if (entry) yield [key, structuredClone(entry.value) as T];
          }
        },
      };
    },
    claim: async (key, ttlMs, owner = "") => {
      if (live(key)) return false;
      claims.set(key, { owner, expires: Date.now() + ttlMs });
      return true;
    },
    renew: async (key, ttlMs, owner) => {
      const claim = live(key);
      if (claim?.owner !== owner) return false;
      claim.expires = Date.now() + ttlMs;
      return true;
    },
    claimOwner: async (key) => live(key)?.owner,
    release: async (key) => {
      claims.delete(key);
    },
    records: async function* () {
      const now = Date.now();
      for (const [namespace, entries] of namespaces) {
        for (const [key, entry] of entries) {
          if (entry.expires !== undefined && entry.expires <= now) continue;
          yield { namespace, key, value: structuredClone(entry.value), ...(entry.expires !== undefined ? { expires: entry.expires } : {}) };
        }
      }
    },
    claims: async function* () {
      for (const [key, claim] of claims) if (claim.expires > Date.now()) yield { key, owner: claim.owner, expires: claim.expires };
    },
    ping: async () => true,
    close: async () => {},
  };
}
