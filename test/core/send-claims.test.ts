import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logging.js";
import { Outbox } from "../../src/core/outbox.js";
import type { Reply } from "../../src/core/message.js";
import { systemClock } from "../../src/ports/clock.js";
import { openMemoryStorage, openStorage, type Storage } from "../../src/ports/storage/index.js";
import { serviceAvailable, services } from "../support/services.js";

const folder = mkdtempSync(join(tmpdir(), "incubot-claims-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const backends: Array<{ name: string; service?: "redis" | "postgres"; open: () => Promise<Storage> }> = [
  { name: "memory", open: async () => openMemoryStorage() },
  { name: "sqlite", open: () => openStorage(`sqlite://${join(folder, "claims.sqlite")}`) },
  { name: "redis", service: "redis", open: () => openStorage(`${services.redis.url}?prefix=incubot-claims-${process.pid}`) },
  { name: "postgres", service: "postgres", open: () => openStorage(services.postgres.url) },
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A platform whose sends the test holds open, as a slow API or a long 429 wait would. */
function heldPlatform() {
  const delivered: string[] = [];
  let open: Array<() => void> = [];
  return {
    delivered,
    /** Lets every held send complete. */
    finish: () => {
      for (const resolve of open.splice(0)) resolve();
    },
    get waiting() {
      return open.length;
    },
    sender: {
      platform: "playground" as const,
      maxLength: 4096,
      send: async (reply: Reply) => {
        await new Promise<void>((resolve) => open.push(resolve));
        delivered.push(reply.chat);
        return { messageId: String(delivered.length) };
      },
    },
    reset: () => (open = []),
  };
}

function outbox(storage: Storage, instanceId: string, platform: ReturnType<typeof heldPlatform>, claimLeaseMs: number): Outbox {
  const box = new Outbox({ storage, clock: systemClock, logger: silentLogger(), instanceId, claimLeaseMs });
  box.register(platform.sender, { overall: [], perGroup: [], perPrivate: [] });
  return box;
}

for (const backend of backends) {
  describe(`send claims on ${backend.name}`, async () => {
    const available = backend.service ? await serviceAvailable(backend.service) : true;
    const run = `${process.pid}-${Date.now()}`;
    let storage: Storage;
    beforeAll(async () => {
      if (available) storage = await backend.open();
    });
    afterAll(async () => {
      if (!available) return;
      // The delivery records this run left (the store may be shared with other runs).
      for (const once of [`claims-test:${run}`, `claims-dead:${run}`]) await storage.namespace("outbox-once").delete(once);
      const log = storage.namespace<{ chat: string }>("outbox-log");
      for await (const [key, entry] of log.entries()) if (entry.chat.includes(run)) await log.delete(key);
      await storage.close();
    });

    it.runIf(available)("renew extends only the owner's live claim", async () => {
      const key = `renew-${run}`;
      expect(await storage.renew(key, 1000, "a")).toBe(false); // nothing to renew
      expect(await storage.claim(key, 200, "a")).toBe(true);
      expect(await storage.renew(key, 200, "b")).toBe(false); // not b's
      for (let beat = 0; beat < 4; beat++) {
        await pause(100);
        expect(await storage.renew(key, 200, "a")).toBe(true);
      }
      // 400 ms after a 200 ms claim, it is still a's because a kept renewing it.
      expect(await storage.claimOwner(key)).toBe("a");
      expect(await storage.claim(key, 200, "b")).toBe(false);
      await pause(300);
      // a stopped renewing: the claim lapsed, b takes it, and a cannot renew b's claim.
      expect(await storage.claim(key, 60_000, "b")).toBe(true);
      expect(await storage.renew(key, 60_000, "a")).toBe(false);
      expect(await storage.claimOwner(key)).toBe("b");
      await storage.release(key);
    });

    it.runIf(available)("a send outlasting its short claim keeps it while its instance lives; after the instance dies another sends it once", async () => {
      const chat = `playground:claims-${run}`;
      const reply: Reply = { chat, text: "本周六停电", once: `claims-test:${run}` };
      const slowA = heldPlatform();
      const a = outbox(storage, `a-${run}`, slowA, 300);
      const sendingA = a.send(reply);
      while (slowA.waiting === 0) await pause(10);
      // Four leases long: a's heartbeat renews its claim, so b is kept off it.
      const b = heldPlatform();
      const outboxB = outbox(storage, `b-${run}`, b, 300);
      for (let look = 0; look < 4; look++) {
        await pause(300);
        expect((await outboxB.send(reply)).status).toBe("in-flight");
      }
      slowA.finish();
      expect((await sendingA).status).toBe("sent");
      expect((await outboxB.send(reply)).status).toBe("duplicate");
      expect([...slowA.delivered, ...b.delivered]).toEqual([chat]);
    });

    it.runIf(available)("a dead instance's send claim lapses after one lease and the group gets exactly one copy", async () => {
      const chat = `playground:claims-dead-${run}`;
      const reply: Reply = { chat, text: "本周六停电", once: `claims-dead:${run}` };
      // a claims the send, then its process dies: no heartbeat, no send, no record.
      expect(await storage.claim(`once:${reply.once}`, 300, `a-${run}`)).toBe(true);
      const b = heldPlatform();
      const outboxB = outbox(storage, `b-${run}`, b, 300);
      expect((await outboxB.send(reply)).status).toBe("in-flight");
      await pause(400);
      const sending = outboxB.send(reply);
      while (b.waiting === 0) await pause(10);
      b.finish();
      expect((await sending).status).toBe("sent");
      expect((await outboxB.send(reply)).status).toBe("duplicate");
      expect(b.delivered).toEqual([chat]);
    });
  });
}
