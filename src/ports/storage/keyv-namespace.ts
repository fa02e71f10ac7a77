import { Keyv, type KeyvStoreAdapter } from "keyv";
import type { KeyValue } from "./types.js";

/** Wraps one Keyv instance (with its own adapter instance, so namespaces never cross). */
export function keyvNamespace<T>(store: KeyvStoreAdapter, name: string, useKeyPrefix = true): KeyValue<T> {
  const keyv = new Keyv<T>({ store, namespace: name, useKeyPrefix, throwOnErrors: true });
  return {
    get: async (key) => (await keyv.get(key)) ?? undefined,
    set: async (key, value, ttlMs) => {
      await keyv.set(key, value, ttlMs);
    },
    delete: (key) => keyv.delete(key),
    clear: () => keyv.clear(),
    entries: () => {
      if (!keyv.iterator) throw new Error(`storage namespace ${name}: the store cannot list its keys`);
      return keyv.iterator(undefined) as AsyncIterable<[string, T]>;
    },
  };
}
