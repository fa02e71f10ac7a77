import pg from "pg";
import { describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { configSchema } from "../../../src/config/schema.js";
import { silentLogger } from "../../../src/core/logging.js";
import { DeliveryError } from "../../../src/core/errors.js";
import type { Reply } from "../../../src/core/message.js";
import { createFeatures } from "../../../src/features/index.js";
import { createBroadcastFeature, type BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { createManualScheduler } from "../../../src/ports/scheduler.js";
import { openMemoryStorage, openStorage, type Storage } from "../../../src/ports/storage/index.js";
import { killable } from "../../support/killable.js";
import { serviceAvailable, services } from "../../support/services.js";

const parkGroups = (count: number) => Array.from({ length: count }, (_, index) => `playground:park-${index + 1}`);

interface Scenario {
  groups: string[];
  /** Sends instance a delivers before it stalls and dies (0: it stalls at once). */
  deliveredBeforeStall: number;
  /** Every n-th send attempt on either instance is refused with a 429 (0: none). */
  rateLimitEvery: number;
}

/** Wraps a sender: a 429 on every n-th attempt, as Telegram does under load; the outbox waits it out. */
function rateLimited(send: (reply: Reply) => Promise<{ messageId?: string }>, every: number, refused: { count: number }) {
  let attempts = 0;
  return async (reply: Reply) => {
    attempts += 1;
    if (every > 0 && attempts % every === 0) {
      refused.count += 1;
      throw new DeliveryError("rate-limited", "Too Many Requests: retry after 0.02", 0.02);
    }
    return send(reply);
  };
}

async function instance(name: string, storage: Storage, run: string): Promise<App> {
  const app = await createApp({
    // One lease (2 s here, 30 s by default) for the run and for every send claim, as in production.
    config: configSchema.parse({ instanceId: `${name}-${run}`, server: { port: 0 }, instances: { leaseSeconds: 2 } }),
    storage,
    logger: silentLogger(),
    llm: null,
    scheduler: createManualScheduler(),
    features: (context) => [...createFeatures(context).filter((feature) => feature.name !== "broadcast"), createBroadcastFeature(context, { retryEveryMs: 250 })],
  });
  await app.start({ listen: false });
  return app;
}

async function takeover(shared: Storage, run: string, scenario: Scenario = { groups: parkGroups(30), deliveredBeforeStall: 0, rateLimitEvery: 0 }): Promise<void> {
  const { groups } = scenario;
  const total = groups.length;
  const first = killable(shared);
  const a = await instance("a", first.storage, run);
  const delivered: string[] = [];
  const hung: string[] = [];
  const refused = { count: 0 };
  // Instance a delivers a first part (or none), then stalls on its sends, as in the report from outside: claimed, never sent. Then it dies.
  const sendA = rateLimited(a.playground!.sender.send.bind(a.playground!.sender), scenario.rateLimitEvery, refused);
  a.playground!.sender.send = async (reply: Reply) => {
    if (!groups.includes(reply.chat)) return sendA(reply);
    if (delivered.length < scenario.deliveredBeforeStall) {
      const result = await sendA(reply);
      delivered.push(reply.chat);
      return result;
    }
    hung.push(reply.chat);
    return new Promise(() => undefined);
  };
  for (const group of groups) await a.chats.update(group, { type: "group", title: group.slice(-7), tags: ["park"] });
  const staff = (app: App, text: string) => app.playground!.post({ chat: { id: `office-${run}`, type: "private" }, from: { id: "staff", name: "园区老王" }, text });
  await staff(a, "/broadcast to:park 本周六上午园区停电，请各组织调整活动安排。");
  expect(((await staff(a, "确认")).body as { replies: Array<{ text: string }> }).replies[0]!.text).toMatch(new RegExp(`共 ${total} 个群`));
  const deadline = Date.now() + 30_000;
  // Every one of a's eight send slots is stuck: whatever it delivered is recorded.
  while (hung.length < 8 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  first.kill();
  const beforeDeath = delivered.length;

  const b = await instance("b", shared, run);
  const sendB = rateLimited(b.playground!.sender.send.bind(b.playground!.sender), scenario.rateLimitEvery, refused);
  b.playground!.sender.send = async (reply: Reply) => {
    const result = await sendB(reply);
    if (groups.includes(reply.chat)) delivered.push(reply.chat);
    return result;
  };
  const [status] = ((await staff(b, "/broadcast status 1")).body as { replies: Array<{ text: string }> }).replies;
  expect(status!.text).toMatch(new RegExp(`已送达 ${beforeDeath}/${total}`));
  expect(status!.text).not.toMatch(/都有人回复/);
  // b's scheduler ticks now and then, as node-cron does every 15 s; once a's lease lapses, b drives.
  const scheduler = b.scheduler as ReturnType<typeof createManualScheduler>;
  while (delivered.length < total && Date.now() < deadline + 20_000) {
    await scheduler.tick(new Date());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await (b.features.find((feature) => feature.name === "broadcast") as BroadcastFeature).idle();
  expect([...delivered].sort()).toEqual([...groups].sort());
  if (scenario.rateLimitEvery > 0) expect(refused.count).toBeGreaterThan(0);
  const [done] = ((await staff(b, "/broadcast status 1")).body as { replies: Array<{ text: string }> }).replies;
  expect(done!.text).toMatch(new RegExp(`已送达 ${total}/${total}`));
  await b.stop();
}

/** 200 groups, 429s on both instances, a delivers some 60 then dies mid-broadcast. */
const large: Scenario = { groups: parkGroups(200), deliveredBeforeStall: 60, rateLimitEvery: 7 };

async function onRedis(run: string, scenario?: Scenario): Promise<void> {
  const url = `${services.redis.url}?prefix=incubot-takeover-${run}`;
  try {
    await takeover(await openStorage(url), run, scenario);
  } finally {
    const leftover = await openStorage(url);
    for await (const record of leftover.records()) await leftover.namespace(record.namespace).delete(record.key);
    for await (const claim of leftover.claims()) await leftover.release(claim.key);
    await leftover.close();
  }
}

describe("a broadcast whose instance dies mid-way", () => {
  it("is taken over by another instance after the lease lapses: every group gets it exactly once", { timeout: 60_000 }, async () => {
    await takeover(openMemoryStorage(), `${process.pid}-${Date.now()}`);
  });

  it("also with both instances on one Redis", { timeout: 60_000 }, async () => {
    if (!(await serviceAvailable("redis"))) return;
    await onRedis(`${process.pid}-${Date.now()}`);
  });

  it("200 groups with 429s on one Redis: a dies after some 60, b takes over the rest, each group once", { timeout: 90_000 }, async () => {
    if (!(await serviceAvailable("redis"))) return;
    await onRedis(`${process.pid}-${Date.now()}-large`, large);
  });

  it("200 groups with 429s on one PostgreSQL: a dies after some 60, b takes over the rest, each group once", { timeout: 90_000 }, async () => {
    if (!(await serviceAvailable("postgres"))) return;
    // A database of its own, emptied before and after: instance a is never stopped (it "died"), so a
    // forced DROP would cut its pool's connections under it.
    const admin = new pg.Pool({ connectionString: services.postgres.url, max: 1 });
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'incubot_takeover'");
    if (exists.rowCount === 0) await admin.query("CREATE DATABASE incubot_takeover");
    await admin.end();
    const url = new URL(services.postgres.url);
    url.pathname = "/incubot_takeover";
    const empty = async () => {
      const storage = await openStorage(url.toString());
      for await (const record of storage.records()) await storage.namespace(record.namespace).delete(record.key);
      for await (const claim of storage.claims()) await storage.release(claim.key);
      await storage.close();
    };
    await empty();
    try {
      await takeover(await openStorage(url.toString()), `${process.pid}-${Date.now()}`, large);
    } finally {
      await empty();
    }
  });
});
