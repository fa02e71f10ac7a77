import { afterEach, describe, expect, it } from "vitest";
import { BroadcastStore } from "../../src/features/broadcast/store.js";
import { broadcastProgress, measuredLlm } from "../../src/metrics.js";
import { createMetrics } from "../../src/ports/metrics.js";
import { openMemoryStorage } from "../../src/ports/storage/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { listen } from "../support/http.js";


describe("GET /metrics", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("counts messages in and replies out per platform, in Prometheus text format", async () => {
    bot = await startTestBot();
    const url = await listen(bot);
    await bot.group("g1").user("alice").says("@小园助手 /help");
    await bot.group("g1").user("bob").says("今天天气不错");
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('incubot_messages_received_total{platform="playground"} 2');
    expect(text).toMatch(/incubot_replies_total\{platform="playground",status="sent"\} [1-9]/);
    expect(text).toContain("incubot_outbox_depth 0");
    expect(text).toContain("incubot_process_resident_memory_bytes");
  });

  it("answers only loopback or the staff token, like /api/reports", async () => {
    bot = await startTestBot({ config: { server: { staffToken: "metrics-token" } } });
    const url = await listen(bot);
    const remote = { "x-forwarded-for": "203.0.113.9" };
    expect((await fetch(`${url}/metrics`, { headers: remote })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { ...remote, authorization: "Bearer metrics-token" } })).status).toBe(200);
  });
});

describe("metrics sources", () => {
  it("times LLM calls and counts failures without changing answers or errors", async () => {
    const metrics = createMetrics({ processMetrics: false });
    let fail = false;
    const llm = measuredLlm(
      {
        model: "fake",
        complete: async () => {
          if (fail) throw new Error("timeout");
          return "好的";
        },
        completeJson: async () => ({}) as never,
      },
      metrics,
    );
    expect(await llm.complete({ messages: [] })).toBe("好的");
    fail = true;
    await expect(llm.complete({ messages: [] })).rejects.toThrow("timeout");
    const { text } = await metrics.render();
    expect(text).toContain('incubot_llm_calls_total{outcome="ok"} 1');
    expect(text).toContain('incubot_llm_calls_total{outcome="error"} 1');
    expect(text).toContain("incubot_llm_latency_seconds_count 2");
  });

  it("shows a running broadcast's groups by delivery state", async () => {
    const storage = openMemoryStorage();
    const store = new BroadcastStore(storage);
    await store.saveJob({ v: 1, id: "7", text: "通知", tags: [], chats: ["playground:a", "playground:b", "playground:c"], by: "playground:staff", byName: "老张", origin: "playground:office", createdAt: new Date().toISOString(), status: "running" });
    await store.setState("7", "playground:a", "sent");
    const metrics = createMetrics({ processMetrics: false });
    metrics.onScrape(broadcastProgress(storage));
    const { text } = await metrics.render();
    expect(text).toContain('incubot_broadcast_groups{broadcast="7",state="sent"} 1');
    expect(text).toContain('incubot_broadcast_groups{broadcast="7",state="pending"} 2');
  });
});
