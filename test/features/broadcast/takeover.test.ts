import { describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { configSchema } from "../../../src/config/schema.js";
import { silentLogger } from "../../../src/core/logging.js";
import type { Reply } from "../../../src/core/message.js";
import { createFeatures } from "../../../src/features/index.js";
import { createBroadcastFeature, type BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { createManualScheduler } from "../../../src/ports/scheduler.js";
import { openMemoryStorage, openStorage, type KeyValue, type Storage } from "../../../src/ports/storage/index.js";
import { serviceAvailable, services } from "../../support/services.js";

/** A store handle that stops working on kill(): the instance is gone, its claims lapse. */
function killable(storage: Storage): { storage: Storage; kill(): void } {
  let dead = false;
  const check = () => {
    if (dead) throw new Error("instance is dead");
  };
  const wrapped: Storage = {
    kind: storage.kind,
    namespace: <T,>(name: string): KeyValue<T> => {
      const inner = storage.namespace<T>(name);
      return {
        get: async (key) => (check(), inner.get(key)),
        set: async (key, value, ttl) => (check(), inner.set(key, value, ttl)),
        delete: async (key) => (check(), inner.delete(key)),
        clear: async () => (check(), inner.clear()),
        entries: () => (check(), inner.entries()),
      };
    },
    claim: async (key, ttl, owner) => (check(), storage.claim(key, ttl, owner)),
    claimOwner: async (key) => (check(), storage.claimOwner(key)),
    release: async (key) => (check(), storage.release(key)),
    records: () => storage.records(),
    claims: () => storage.claims(),
    ping: async () => !dead,
    close: async () => undefined,
  };
  return { storage: wrapped, kill: () => (dead = true) };
}

const groups = Array.from({ length: 30 }, (_, index) => `playground:park-${index + 1}`);

async function instance(name: string, storage: Storage, run: string): Promise<App> {
  const app = await createApp({
    config: configSchema.parse({ instanceId: `${name}-${run}`, server: { port: 0 } }),
    storage,
    logger: silentLogger(),
    llm: null,
    scheduler: createManualScheduler(),
    claimLeaseMs: 1500,
    features: (context) => [...createFeatures(context).filter((feature) => feature.name !== "broadcast"), createBroadcastFeature(context, { leaseMs: 2000, retryEveryMs: 250 })],
  });
  await app.start({ listen: false });
  return app;
}

async function takeover(shared: Storage, run: string): Promise<void> {
  const first = killable(shared);
  const a = await instance("a", first.storage, run);
  const delivered: string[] = [];
  const hung: string[] = [];
  // Instance a stalls on its first sends, as in the report from outside: claimed, never sent. Then it dies.
  const send = a.playground!.sender.send.bind(a.playground!.sender);
  a.playground!.sender.send = async (reply: Reply) => {
    if (!groups.includes(reply.chat)) return send(reply);
    hung.push(reply.chat);
    return new Promise(() => undefined);
  };
  for (const group of groups) await a.chats.update(group, { type: "group", title: group.slice(-7), tags: ["park"] });
  const staff = (app: App, text: string) => app.playground!.post({ chat: { id: `office-${run}`, type: "private" }, from: { id: "staff", name: "园区老王" }, text });
  await staff(a, "/broadcast to:park 本周六上午园区停电，请各组织调整活动安排。");
  expect(((await staff(a, "确认")).body as { replies: Array<{ text: string }> }).replies[0]!.text).toMatch(/共 30 个群/);
  const deadline = Date.now() + 20_000;
  while (hung.length < 8 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  first.kill();

  const b = await instance("b", shared, run);
  const send2 = b.playground!.sender.send.bind(b.playground!.sender);
  b.playground!.sender.send = async (reply: Reply) => {
    if (groups.includes(reply.chat)) delivered.push(reply.chat);
    return send2(reply);
  };
  const [status] = ((await staff(b, "/broadcast status 1")).body as { replies: Array<{ text: string }> }).replies;
  expect(status!.text).toMatch(/已送达 0\/30/);
  expect(status!.text).not.toMatch(/都有人回复/);
  // b's scheduler ticks now and then, as node-cron does every 15 s; once a's lease lapses, b drives.
  const scheduler = b.scheduler as ReturnType<typeof createManualScheduler>;
  while (delivered.length < 30 && Date.now() < deadline + 10_000) {
    await scheduler.tick(new Date());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await (b.features.find((feature) => feature.name === "broadcast") as BroadcastFeature).idle();
  expect([...delivered].sort()).toEqual([...groups].sort());
  const [done] = ((await staff(b, "/broadcast status 1")).body as { replies: Array<{ text: string }> }).replies;
  expect(done!.text).toMatch(/已送达 30\/30/);
  await b.stop();
}

describe("a broadcast whose instance dies mid-way", () => {
  it("is taken over by another instance after the lease lapses: every group gets it exactly once", { timeout: 60_000 }, async () => {
    await takeover(openMemoryStorage(), `${process.pid}-${Date.now()}`);
  });

  it("also with both instances on one Redis", { timeout: 60_000 }, async () => {
    if (!(await serviceAvailable("redis"))) return;
    const run = `${process.pid}-${Date.now()}`;
    const url = `${services.redis.url}?prefix=incubot-takeover-${run}`;
    try {
      await takeover(await openStorage(url), run);
    } finally {
      const leftover = await openStorage(url);
      for await (const record of leftover.records()) await leftover.namespace(record.namespace).delete(record.key);
      await leftover.close();
    }
  });
});
