import type { StoredRecord } from "./types.js";

/**
 * Reads one row of a keyv table: the key is `<namespace>:<key>` (namespace names have no colon)
 * and the value keyv's JSON `{"value":…,"expires":…}`. Expired rows are left out.
 */
export function keyvRow(fullKey: string, serialized: string, now = Date.now(), separator = ":"): StoredRecord | undefined {
  const cut = fullKey.indexOf(separator);
  if (cut <= 0) return undefined;
  const { value, expires } = JSON.parse(serialized) as { value: unknown; expires?: number | null };
  if (typeof expires === "number" && expires <= now) return undefined;
  return { namespace: fullKey.slice(0, cut), key: fullKey.slice(cut + separator.length), value, ...(typeof expires === "number" ? { expires } : {}) };
}
