import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { Storage } from "./storage/index.js";

/** Recurring work in the configured time zone. */
export interface Scheduler {
  /**
   * Runs `task` on a cron expression (node-cron syntax, seconds optional). With several
   * instances on one store, each tick runs on one instance only.
   */
  every(name: string, expression: string, task: (tick: Date) => Promise<void>): void;
  /** True when the expression is valid node-cron syntax. */
  validate(expression: string): boolean;
  stop(): Promise<void>;
}

/** node-cron, coordinated through the store: a tick is claimed (set-if-absent) before it runs. */
export function createCronScheduler(options: { storage: Storage; timeZone: string; logger: Logger; onTick?: (task: string, lagMs: number) => void }): Scheduler {
  const tasks: ScheduledTask[] = [];
  const coordinator = {
    shouldRun: (key: string, ttlMs: number) => options.storage.claim(`cron:${key}`, Math.max(ttlMs, 1000)),
  };
  return {
    every(name, expression, task) {
      const scheduled = cron.schedule(
        expression,
        async (context) => {
          options.onTick?.(name, Math.max(0, Date.now() - context.date.getTime()));
          try {
            await task(context.date);
          } catch (error) {
            options.logger.error({ task: name, err: error }, "scheduled task failed");
          }
        },
        { name, timezone: options.timeZone, noOverlap: true, runCoordinator: coordinator },
      );
      tasks.push(scheduled);
    },
    validate: (expression) => cron.validate(expression),
    async stop() {
      await Promise.all(tasks.map(async (task) => task.destroy()));
      tasks.length = 0;
    },
  };
}

/** A scheduler that never fires on its own; tests call `tick` to run due tasks. */
export function createManualScheduler(): Scheduler & { tick(at: Date): Promise<void>; names(): string[] } {
  const tasks: Array<{ name: string; task: (tick: Date) => Promise<void> }> = [];
  return {
    every: (name, _expression, task) => {
      tasks.push({ name, task });
    },
    validate: (expression) => cron.validate(expression),
    stop: async () => {
      tasks.length = 0;
    },
    tick: async (at) => {
      for (const { task } of tasks) await task(at);
    },
    names: () => tasks.map((entry) => entry.name),
  };
}
