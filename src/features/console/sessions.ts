/**
 * Passwordless staff login for the web console: a one-time link token (10 minutes, used once) turns
 * into a session (8 hours). Only SHA-256 hashes of tokens are stored, so a copy of the store lets
 * nobody log in; a set-if-absent claim makes sure two instances never both accept one link.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";

export const linkLifetimeMs = 10 * 60_000;
export const sessionLifetimeMs = 8 * 3600_000;

export interface StaffIdentity {
  /** User key, e.g. telegram:12345 */
  user: string;
  name: string;
}

interface Grant extends StaffIdentity {
  expiresAt: string;
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const freshToken = () => randomBytes(32).toString("base64url");

export class ConsoleSessions {
  private readonly links;
  private readonly sessions;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
  ) {
    this.links = storage.namespace<Grant>("console-links");
    this.sessions = storage.namespace<Grant>("console-sessions");
  }

  /** A new login link token for a staff member; the caller checks the role first. */
  async issueLink(who: StaffIdentity): Promise<string> {
    const token = freshToken();
    await this.links.set(hash(token), { ...who, expiresAt: this.expiry(linkLifetimeMs) }, linkLifetimeMs);
    return token;
  }

  /**
   * Spends a link token: the identity when it is known, unexpired and not used before; else
   * undefined. The claim comes first, so of two simultaneous uses exactly one wins.
   */
  async redeemLink(token: string): Promise<StaffIdentity | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const key = hash(token);
    if (!(await this.storage.claim(`console-link-used:${key}`, linkLifetimeMs))) return undefined;
    const grant = await this.links.get(key);
    await this.links.delete(key);
    if (!grant || this.expired(grant)) return undefined;
    return { user: grant.user, name: grant.name };
  }

  /** Opens a session; the returned id goes into the cookie and nowhere else. */
  async open(who: StaffIdentity): Promise<string> {
    const id = freshToken();
    await this.sessions.set(hash(id), { ...who, expiresAt: this.expiry(sessionLifetimeMs) }, sessionLifetimeMs);
    return id;
  }

  async find(id: string | undefined): Promise<StaffIdentity | undefined> {
    if (!id || !/^[A-Za-z0-9_-]{20,100}$/.test(id)) return undefined;
    const grant = await this.sessions.get(hash(id));
    if (!grant || this.expired(grant)) return undefined;
    return { user: grant.user, name: grant.name };
  }

  async close(id: string | undefined): Promise<void> {
    if (id) await this.sessions.delete(hash(id));
  }

  private expiry(lifetimeMs: number): string {
    return new Date(this.clock.now().getTime() + lifetimeMs).toISOString();
  }

  /** Checked against the app's clock as well as the store's TTL: the clock is the one tests move. */
  private expired(grant: Grant): boolean {
    return Date.parse(grant.expiresAt) <= this.clock.now().getTime();
  }
}
