import type { KeyValue, Storage } from "../../src/ports/storage/index.js";

/**
 * A store handle that stops working on kill(): the instance using it is gone, as after SIGKILL,
 * so its claims are no longer renewed and lapse. Another handle on the same store lives on.
 */
export function killable(storage: Storage): { storage: Storage; kill(): void } {
  let dead = false;
  const check = () => {
    if (dead) throw new Error("instance is dead");
  };
  const wrapped: Storage = {
    kind: storage.kind,
    namespace: <T,>(name: string): KeyValue<T> => {
      const inner = storage.namespace<T>(name);
      return {
        get: async (key) => (check(), inner.get(key)),
        set: async (key, value, ttl) => (check(), inner.set(key, value, ttl)),
        delete: async (key) => (check(), inner.delete(key)),
        clear: async () => (check(), inner.clear()),
        entries: () => (check(), inner.entries()),
      };
    },
    claim: async (key, ttl, owner) => (check(), storage.claim(key, ttl, owner)),
    renew: async (key, ttl, owner) => (check(), storage.renew(key, ttl, owner)),
    claimOwner: async (key) => (check(), storage.claimOwner(key)),
    release: async (key) => (check(), storage.release(key)),
    records: () => storage.records(),
    claims: () => storage.claims(),
    ping: async () => !dead,
    close: async () => undefined,
  };
  return { storage: wrapped, kill: () => (dead = true) };
}
