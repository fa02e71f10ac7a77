/** One namespace of keys (reports, drafts, tickets …). Values are JSON-serialisable. */
export interface KeyValue<T = unknown> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Every live entry of this namespace, in no particular order. */
  entries(): AsyncIterable<[string, T]>;
  clear(): Promise<void>;
}

/**
 * The storage port. Plain data goes through keyv namespaces; `claim` is the one atomic
 * operation (set-if-absent with expiry) that exactly-once sends and cross-instance locks need,
 * which keyv does not offer, so each backend implements it natively.
 */
export interface Storage {
  readonly kind: "sqlite" | "redis" | "postgres" | "memory";
  namespace<T = unknown>(name: string): KeyValue<T>;
  /** Atomically records `key` unless a live claim exists. True when this call made the claim. */
  claim(key: string, ttlMs: number, owner?: string): Promise<boolean>;
  /** The owner of a live claim, or undefined. */
  claimOwner(key: string): Promise<string | undefined>;
  release(key: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
