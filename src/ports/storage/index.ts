import { openMemoryStorage } from "./memory.js";
import { openSqliteStorage } from "./sqlite.js";
import type { Storage } from "./types.js";

export type { KeyValue, Storage } from "./types.js";

/** DATA_URL names no store this port knows. Ports import nothing of the project, so callers name the setting. */
export class StorageUrlError extends Error {
  constructor(readonly url: string) {
    super(`不支持的存储地址 unsupported storage URL "${url}" (use sqlite://, redis://, postgres://)`);
    this.name = "StorageUrlError";
  }
}
export { openMemoryStorage } from "./memory.js";

/** Opens the store named by DATA_URL: sqlite://path, redis://…, postgres://…, memory:// */
export async function openStorage(url: string): Promise<Storage> {
  if (url.startsWith("sqlite://")) return openSqliteStorage(url.slice("sqlite://".length) || "data/incubot.sqlite");
  // Loaded only when named: their client libraries cost start-up time and memory on a SQLite park.
  if (url.startsWith("redis://") || url.startsWith("rediss://")) return (await import("./redis.js")).openRedisStorage(url);
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return (await import("./postgres.js")).openPostgresStorage(url);
  if (url === "memory://") return openMemoryStorage();
  throw new StorageUrlError(url);
}
