import type { Logger } from "pino";
import type { Storage } from "../ports/storage/index.js";

export interface SendClaimsOptions {
  storage: Storage;
  /** This process's name in claims. */
  instanceId: string;
  /** How long a claim outlives its owner's last heartbeat. */
  leaseMs: number;
  logger: Logger;
}

/**
 * The claims this instance holds on sends in progress. A claim is short (one lease), so a
 * killed instance's claims lapse soon and another instance can take its work over; while the
 * work lasts (pacing, 429 waits, a slow API) a heartbeat renews every held claim. The claim
 * key is unique per delivery, so whoever holds it is the only one sending that delivery.
 */
export class SendClaims {
  private readonly held = new Set<string>();
  private timer?: NodeJS.Timeout;
  private renewing = false;

  constructor(private readonly options: SendClaimsOptions) {}

  /** Takes the claim; a claim left by this instance's previous life (a crash between claim and send) is taken over. */
  async take(key: string): Promise<boolean> {
    const { storage, instanceId, leaseMs } = this.options;
    let taken = await storage.claim(key, leaseMs, instanceId);
    if (!taken && (await storage.claimOwner(key)) === instanceId) {
      await storage.release(key);
      taken = await storage.claim(key, leaseMs, instanceId);
    }
    if (taken) this.hold(key);
    return taken;
  }

  async release(key: string): Promise<void> {
    this.abandon(key);
    await this.options.storage.release(key);
  }

  /** Stops renewing a claim without releasing it: it lapses after one lease. */
  abandon(key: string): void {
    this.held.delete(key);
    if (this.held.size === 0) this.stopHeartbeat();
  }

  /** Claims held now (tests, metrics). */
  get size(): number {
    return this.held.size;
  }

  private hold(key: string): void {
    this.held.add(key);
    if (this.timer) return;
    // Three beats a lease: one late beat (a busy event loop, a slow store) does not lose the claim.
    this.timer = setInterval(() => void this.renewAll(), Math.max(10, this.options.leaseMs / 3));
    this.timer.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async renewAll(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      const { storage, instanceId, leaseMs, logger } = this.options;
      await Promise.all(
        [...this.held].map(async (key) => {
          const kept = await storage.renew(key, leaseMs, instanceId).catch((error: unknown) => {
            logger.warn({ claim: key, err: error }, "send claim not renewed (store unreachable)");
            return true; // unknown: try again on the next beat
          });
          // Lost: this instance stalled longer than a lease and another may have taken the send.
          if (!kept && this.held.delete(key)) logger.warn({ claim: key }, "send claim lapsed while its send was in progress");
        }),
      );
    } finally {
      this.renewing = false;
      if (this.held.size === 0) this.stopHeartbeat();
    }
  }
}
