import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { configSchema } from "../../src/config/schema.js";
import { answer, type Feature } from "../../src/core/feature.js";
import { silentLogger } from "../../src/core/logging.js";
import type { IncomingMessage } from "../../src/core/message.js";
import { createManualScheduler } from "../../src/ports/scheduler.js";
import { openStorage } from "../../src/ports/storage/index.js";
import { serviceAvailable, services } from "../support/services.js";

describe("several instances on one Redis", async () => {
  const available = await serviceAvailable("redis");

  it.runIf(available)("never interleave one user's messages, even when they arrive at different instances", async () => {
    const events: string[] = [];
    const slow = (instance: string): Feature => ({
      name: "slow",
      async handle(turn) {
        events.push(`start ${turn.message.text}`);
        await new Promise((resolve) => setTimeout(resolve, 40));
        events.push(`end ${turn.message.text}`);
        return answer(turn, `${instance} ${turn.message.text}`);
      },
    });
    const run = `${process.pid}-${Date.now()}`;
    const apps = await Promise.all(
      ["a", "b"].map(async (instance) =>
        createApp({
          config: configSchema.parse({ instanceId: `${instance}-${run}` }),
          storage: await openStorage(services.redis.url),
          logger: silentLogger(),
          llm: null,
          scheduler: createManualScheduler(),
          features: () => [slow(instance)],
        }),
      ),
    );
    for (const app of apps) await app.start({ listen: false });
    const message = (index: number): IncomingMessage => ({
      id: `${run}-${index}`,
      platform: "playground",
      chat: { key: `playground:instances-${run}`, type: "private" },
      sender: { key: `playground:alice-${run}`, name: "alice" },
      text: `m${index}`,
      mentionsBot: false,
      replyToBot: false,
      photos: 0,
      sentAt: new Date(),
    });
    await Promise.all([0, 1, 2, 3, 4, 5].map((index) => apps[index % 2]!.sink.handle(message(index))));
    for (const app of apps) await app.stop();
    expect(events).toHaveLength(12);
    for (let index = 0; index < events.length; index += 2) {
      expect(events[index]!.startsWith("start")).toBe(true);
      expect(events[index + 1]).toBe(`end ${events[index]!.slice("start ".length)}`);
    }
  });
});
