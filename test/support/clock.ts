import type { Clock } from "../../src/ports/clock.js";

export interface FakeClock extends Clock {
  /** Moves time forward. */
  advance(ms: number): void;
  set(at: Date | string): void;
  /** Total time spent in sleep() calls (virtual). */
  slept(): number;
}

/** Virtual time: sleep() moves the clock forward at once instead of waiting. */
export function fakeClock(start: Date | string = "2026-03-16T10:00:00+08:00"): FakeClock {
  let current = new Date(start).getTime();
  let sleptTotal = 0;
  return {
    now: () => new Date(current),
    sleep: async (ms) => {
      const step = Math.max(0, ms);
      current += step;
      sleptTotal += step;
      await Promise.resolve();
    },
    advance: (ms) => {
      current += ms;
    },
    set: (at) => {
      current = new Date(at).getTime();
    },
    slept: () => sleptTotal,
  };
}
