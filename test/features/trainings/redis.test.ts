import { randomUUID } from "node:crypto";
import { createClient } from "@keyv/redis";
import { afterAll, describe, expect, it } from "vitest";
import { openStorage, type Storage } from "../../../src/ports/storage/index.js";
import { fakeClock } from "../../support/clock.js";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { serviceAvailable, services } from "../../support/services.js";

const hasRedis = await serviceAvailable("redis");

/** Puts this run's namespaces and claims under a unique word, so the test clears only its own keys. */
function isolated(storage: Storage, run: string): Storage {
  return { ...storage, kind: storage.kind, namespace: (name) => storage.namespace(`${run}:${name}`), claim: (key, ttl, owner) => storage.claim(`${run}:${key}`, ttl, owner), renew: (key, ttl, owner) => storage.renew(`${run}:${key}`, ttl, owner), claimOwner: (key) => storage.claimOwner(`${run}:${key}`), release: (key) => storage.release(`${run}:${key}`) };
}

describe.skipIf(!hasRedis)("two instances on one Redis", () => {
  const run = `test-trainings-${randomUUID().slice(0, 8)}`;
  const bots: TestBot[] = [];
  afterAll(async () => {
    for (const bot of bots) await bot.close();
    const client = createClient({ url: services.redis.url });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `incubot:*${run}*`, COUNT: 500 })) if (keys.length > 0) await client.del(keys);
    await client.quit();
  });

  it("posts each reminder slot once although both instances tick the same minutes", async () => {
    const start = "2026-03-16T10:00:00+08:00";
    for (const instanceId of ["bot-a", "bot-b"]) {
      bots.push(await startTestBot({ storage: isolated(await openStorage(services.redis.url), run), config: { instanceId }, clock: fakeClock(start) }));
    }
    const [a, b] = bots as [TestBot, TestBot];
    await a.group("g1", "协会群").user(a.staff).says("/training add 今天 12:00-13:00 换届选举流程 @创新园 remind:1h,30m,1m");
    await b.group("g2", "基金会群").user(b.staff).says("/bind 某某慈善基金会 tag:redis-test");
    await a.group("g1", "协会群").user(a.staff).says("/bind 某某协会 tag:redis-test");
    await b.group("g2").user(b.staff).says("/training edit 1 to:redis-test");
    for (const minute of ["11:00", "11:01", "11:30", "11:59", "12:00"]) {
      const at = new Date(`2026-03-16T${minute}:00+08:00`);
      a.clock.set(at);
      b.clock.set(at);
      await Promise.all([a.scheduler.tick(at), b.scheduler.tick(at), a.scheduler.tick(at), b.scheduler.tick(at)]);
    }
    for (const group of ["g1", "g2"]) {
      const posted = (await a.group(group).botMessages()).filter((text) => text.includes("培训提醒"));
      expect(posted.map((text) => /还有(\S+?)）/.exec(text)?.[1])).toEqual(["1小时", "30分钟", "1分钟"]);
    }
  });
});
