import { BroadcastStore } from "./features/broadcast/store.js";
import type { Llm } from "./ports/llm.js";
import type { GaugeSetter, Metrics } from "./ports/metrics.js";
import type { Storage } from "./ports/storage/index.js";

/** The LLM with each call counted and timed; answers and errors pass through unchanged. */
export function measuredLlm(llm: Llm, metrics: Metrics): Llm {
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      const result = await call();
      metrics.llmCall("ok", (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      metrics.llmCall("error", (performance.now() - started) / 1000);
      throw error;
    }
  };
  return {
    model: llm.model,
    complete: (request) => timed(() => llm.complete(request)),
    completeJson: (request) => timed(() => llm.completeJson(request)),
  };
}

/** Running broadcasts' groups by state (sent, blocked, failed, pending), read at scrape time. */
export function broadcastProgress(storage: Storage): (set: GaugeSetter) => Promise<void> {
  const store = new BroadcastStore(storage);
  return async (set) => {
    for (const job of await store.unfinished()) {
      const counts: Record<string, number> = { sent: 0, blocked: 0, failed: 0, pending: 0 };
      for (const chat of job.chats) counts[(await store.state(job.id, chat)) ?? "pending"]! += 1;
      for (const [state, value] of Object.entries(counts)) set("broadcast_groups", { broadcast: job.id, state }, value);
    }
  };
}
