/** One namespace of keys (reports, drafts, tickets …). Values are JSON-serialisable. */
export interface KeyValue<T = unknown> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Every live entry of this namespace, in no particular order. */
  entries(): AsyncIterable<[string, T]>;
  clear(): Promise<void>;
}

/** One record as a backup holds it: which namespace, which key, the value, when it expires (ms since epoch). */
export interface StoredRecord {
  namespace: string;
  key: string;
  value: unknown;
  expires?: number;
}

/** A live claim (set-if-absent lock or de-duplication mark), kept across a migration so nothing is sent twice. */
export interface StoredClaim {
  key: string;
  owner: string;
  expires: number;
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
  /**
   * Extends `owner`'s live claim to `ttlMs` from now: the heartbeat of work in progress, so a
   * claim can be short (a dead owner's lapses soon) yet outlast long work. False when the claim
   * lapsed or belongs to someone else: the caller has lost it and must not assume it is alone.
   */
  renew(key: string, ttlMs: number, owner: string): Promise<boolean>;
  /** The owner of a live claim, or undefined. */
  claimOwner(key: string): Promise<string | undefined>;
  release(key: string): Promise<void>;
  /** Every live record of every namespace, streamed (backup, migration). */
  records(): AsyncIterable<StoredRecord>;
  /** Every live claim, streamed. */
  claims(): AsyncIterable<StoredClaim>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
