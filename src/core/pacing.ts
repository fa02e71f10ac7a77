import type { Clock } from "../ports/clock.js";

/** At most `limit` sends in any `windowMs` window. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface PacingRules {
  overall: RateWindow[];
  perGroup: RateWindow[];
  perPrivate: RateWindow[];
}

/** Sliding-window limiter over several windows; `acquire` waits until a send is allowed. */
export class Limiter {
  private readonly history: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly windows: RateWindow[],
    private readonly clock: Clock,
  ) {}

  /** Resolves when one more send fits every window, and books it. Callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      const wait = this.delay(now);
      if (wait <= 0) {
        this.history.push(now);
        this.trim(now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  private delay(now: number): number {
    let wait = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = this.history.filter((at) => at > now - windowMs);
      if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit]! + windowMs - now + 1);
    }
    return wait;
  }

  private trim(now: number): void {
    const longest = Math.max(0, ...this.windows.map((window) => window.windowMs));
    const keepFrom = this.history.findIndex((at) => at > now - longest);
    if (keepFrom > 0) this.history.splice(0, keepFrom);
  }
}

const boundaries = /[。！？!?；;\n]/;

/** Splits a long text into pieces of at most `max` characters, at sentence ends where possible. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = -1;
    for (let index = max - 1; index >= Math.floor(max / 2); index--) {
      if (boundaries.test(rest[index]!)) {
        cut = index + 1;
        break;
      }
    }
    if (cut < 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
