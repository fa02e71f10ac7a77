import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

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

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "incubot_" });
  const messagesIn = new Counter({ name: "incubot_messages_received_total", help: "Messages received, per platform", labelNames: ["platform"], registers: [registry] });
  const repliesOut = new Counter({ name: "incubot_replies_total", help: "Replies handed to the outbox, per platform and outcome", labelNames: ["platform", "status"], registers: [registry] });
  const errors = new Counter({ name: "incubot_errors_total", help: "Errors logged, per component", labelNames: ["where"], registers: [registry] });
  const llmCalls = new Counter({ name: "incubot_llm_calls_total", help: "Calls to the language model, per outcome", labelNames: ["outcome"], registers: [registry] });
  const llmLatency = new Histogram({ name: "incubot_llm_latency_seconds", help: "Language model call latency", buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30], registers: [registry] });
  const lag = new Gauge({ name: "incubot_scheduler_lag_seconds", help: "How late the last tick of a scheduled task (reminders, notices) ran", labelNames: ["task"], registers: [registry] });
  const collectors: Array<(set: GaugeSetter) => Promise<void> | void> = [];
  const outboxDepth = new Gauge({ name: "incubot_outbox_depth", help: "Sends under way or waiting in the outbox", registers: [registry] });
  const broadcastGroups = new Gauge({ name: "incubot_broadcast_groups", help: "Groups of each running broadcast, by delivery state", labelNames: ["broadcast", "state"], registers: [registry] });
  return {
    messageIn: (platform) => messagesIn.inc({ platform }),
    replyOut: (platform, status) => repliesOut.inc({ platform, status }),
    error: (where) => errors.inc({ where }),
    llmCall: (outcome, seconds) => {
      llmCalls.inc({ outcome });
      llmLatency.observe(seconds);
    },
    schedulerLag: (task, seconds) => lag.set({ task }, seconds),
    onScrape: (collect) => void collectors.push(collect),
    render: async () => {
      outboxDepth.reset();
      broadcastGroups.reset();
      const set: GaugeSetter = (name, labels, value) => (name === "outbox_depth" ? outboxDepth.set(value) : broadcastGroups.set(labels, value));
      for (const collect of collectors) await collect(set);
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}
