import { createRequire } from "node:module";
import type * as Prometheus from "prom-client";

/**
 * What the bot counts for operators. The core and the app call these; only this file knows
 * prom-client. Each instance has its own registry (no global state), so tests and several apps
 * in one process never mix their figures.
 */
export interface Metrics {
  messageIn(platform: string): void;
  /** One reply handed to the outbox, with how it ended (sent, duplicate, failed …). */
  replyOut(platform: string, status: string): void;
  /** An error worth a log line at level error, by where it happened. */
  error(where: string): void;
  llmCall(outcome: "ok" | "error", seconds: number): void;
  /** How late a scheduled tick (reminders, compliance notices) started after its minute. */
  schedulerLag(task: string, seconds: number): void;
  /** Values read when /metrics is scraped (outbox depth, broadcast progress). */
  onScrape(collect: (set: GaugeSetter) => Promise<void> | void): void;
  /** The Prometheus text exposition. */
  render(): Promise<{ contentType: string; text: string }>;
}

export type GaugeSetter = (name: "outbox_depth" | "broadcast_groups", labels: Record<string, string>, value: number) => void;

/**
 * prom-client (with the tracing API it loads) is about 70 ms of start-up; it is loaded when the
 * first figure is counted or /metrics is first read. Counts lose nothing by this: the first
 * event creates the counters it adds to. Process figures (CPU, memory) are read at scrape time.
 */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  let live: ReturnType<typeof register> | undefined;
  const collectors: Array<(set: GaugeSetter) => Promise<void> | void> = [];
  const metrics = () => (live ??= register(options));
  return {
    messageIn: (platform) => metrics().messagesIn.inc({ platform }),
    replyOut: (platform, status) => metrics().repliesOut.inc({ platform, status }),
    error: (where) => metrics().errors.inc({ where }),
    llmCall: (outcome, seconds) => {
      metrics().llmCalls.inc({ outcome });
      metrics().llmLatency.observe(seconds);
    },
    schedulerLag: (task, seconds) => metrics().lag.set({ task }, seconds),
    onScrape: (collect) => void collectors.push(collect),
    render: async () => {
      const { registry, outboxDepth, broadcastGroups } = metrics();
      outboxDepth.reset();
      broadcastGroups.reset();
      const set: GaugeSetter = (name, labels, value) => (name === "outbox_depth" ? outboxDepth.set(value) : broadcastGroups.set(labels, value));
      for (const collect of collectors) await collect(set);
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}

function register(options: { processMetrics?: boolean }) {
  const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = createRequire(import.meta.url)("prom-client") as typeof Prometheus;
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "incubot_" });
  const registers = [registry];
  return {
    registry,
    messagesIn: new Counter({ name: "incubot_messages_received_total", help: "Messages received, per platform", labelNames: ["platform"], registers }),
    repliesOut: new Counter({ name: "incubot_replies_total", help: "Replies handed to the outbox, per platform and outcome", labelNames: ["platform", "status"], registers }),
    errors: new Counter({ name: "incubot_errors_total", help: "Errors logged, per component", labelNames: ["where"], registers }),
    llmCalls: new Counter({ name: "incubot_llm_calls_total", help: "Calls to the language model, per outcome", labelNames: ["outcome"], registers }),
    llmLatency: new Histogram({ name: "incubot_llm_latency_seconds", help: "Language model call latency", buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30], registers }),
    lag: new Gauge({ name: "incubot_scheduler_lag_seconds", help: "How late the last tick of a scheduled task (reminders, notices) ran", labelNames: ["task"], registers }),
    outboxDepth: new Gauge({ name: "incubot_outbox_depth", help: "Sends under way or waiting in the outbox", registers }),
    broadcastGroups: new Gauge({ name: "incubot_broadcast_groups", help: "Groups of each running broadcast, by delivery state", labelNames: ["broadcast", "state"], registers }),
  };
}
