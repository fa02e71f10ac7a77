import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@keyv/redis";
import { describe, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../../support/process.js";
import { serviceAvailable, services, throwawayPostgres } from "../../support/services.js";

const groups = Array.from({ length: 30 }, (_, index) => `park-${index + 1}`);
const notice = "本周六上午园区停电，请各组织调整活动安排。";
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Chat = { id: string; last_seq: number };
type Entry = { from: { bot: boolean }; text: string };

/** What staff see after saying `text` in their office chat through `bot`. */
async function staffSays(bot: BotProcess, text: string): Promise<string> {
  const response = await bot.post({ chat: { id: "office", type: "private" }, from: { id: "staff", name: "园区老王" }, text });
  expect(response.status).toBe(200);
  return (response.body as { replies: Array<{ text: string }> }).replies.map((reply) => reply.text).join("\n");
}

/** Groups that have the announcement: one request, by the groups' message counts (bind, its answer, the announcement). */
async function reached(bot: BotProcess): Promise<number> {
  const chats = (await bot.get("/api/chats")).body as Chat[];
  return chats.filter((chat) => groups.includes(chat.id) && chat.last_seq >= 3).length;
}

async function copiesIn(bot: BotProcess, group: string): Promise<number> {
  const entries = (await bot.get(`/api/chats/${group}/messages`)).body as Entry[];
  return entries.filter((entry) => entry.from.bot && entry.text.includes(notice)).length;
}

/**
 * Two real processes on one store: preview on a, 确认 on b, b is killed with SIGKILL while
 * it sends (the playground is paced to 5 a second, so the kill lands mid-way even on a busy machine), a takes over.
 */
async function killMidBroadcast(dataUrl: string, run: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "incubot-instances-"));
  const config = join(folder, "site.yaml");
  writeFileSync(config, "playground:\n  perSecond: 5\n");
  const env = { DATA_URL: dataUrl, INCUBOT_CONFIG: config, INSTANCE_LEASE_SECONDS: "1", LOG_LEVEL: "error" };
  const [a, b] = await Promise.all([startBotProcess({ ...env, INSTANCE_ID: `a-${run}` }), startBotProcess({ ...env, INSTANCE_ID: `b-${run}` })]);
  try {
    // Thirty groups bound with the tag, half through each instance.
    await Promise.all(
      groups.map((group, index) =>
        (index % 2 === 0 ? a : b).post({ chat: { id: group, type: "group", title: `园区群${index + 1}` }, from: { id: "staff", name: "园区老王" }, text: `/bind 园区组织${index + 1} tag:park` }),
      ),
    );
    expect(await staffSays(a, `/broadcast to:park ${notice}`)).toContain("将发送到 30 个群");
    expect(await staffSays(b, "确认")).toContain("开始发送通知 #1，共 30 个群");

    // Generous for a loaded machine; about 8 s here otherwise.
    const deadline = Date.now() + 25_000;
    while ((await reached(a)) < 3 && Date.now() < deadline) await pause(20);
    // Between two paced sends, not on one: a kill between a send and its record is the one repeat no store can rule out.
    await pause(100);
    await b.kill();
    const before = await reached(a);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(30);

    // Right after the kill, a's status is truthful: part delivered, no "every group answered" line.
    const status = await staffSays(a, "/broadcast status 1");
    expect(status).toMatch(/通知 #1 正在发送：已送达 \d+\/30 个群，0 个群有人回复收到。/);
    expect(status).not.toMatch(/都有人回复/);

    // a takes the broadcast over once b's lease lapses (one second here) and finishes it.
    let done = "";
    while (!/通知 #1：已送达 30\/30/.test(done) && Date.now() < deadline) {
      await pause(250);
      done = await staffSays(a, "/broadcast status 1");
    }
    expect(done).toMatch(/^通知 #1：已送达 30\/30 个群，0 个群有人回复收到，未送达 0 个。\n尚无人回复“收到”的群（30 个）/);
    expect(done).not.toMatch(/都有人回复/);
    for (const group of groups) expect({ group, copies: await copiesIn(a, group) }).toEqual({ group, copies: 1 });
    // The delivery report reached the office once, from a.
    const office = (await a.get("/api/chats/office/messages")).body as Entry[];
    expect(office.filter((entry) => entry.text.includes("通知 #1 发送完成：30/30 个群已送达。"))).toHaveLength(1);
  } finally {
    await b.kill().catch(() => undefined);
    await a.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

describe("two instances as processes, the sending one killed with SIGKILL", () => {
  it("on one Redis: the other takes the broadcast over and each of 30 groups gets it exactly once", { timeout: 60_000 }, async () => {
    if (!(await serviceAvailable("redis"))) return;
    const run = `${process.pid}-${Date.now()}`;
    const prefix = `incubot-instances-${run}`;
    try {
      await killMidBroadcast(`${services.redis.url}?prefix=${prefix}`, run);
    } finally {
      const client = createClient({ url: services.redis.url });
      await client.connect();
      for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length > 0) await client.del(keys);
      await client.quit();
    }
  });

  it("on one PostgreSQL: the same, in a throwaway database", { timeout: 60_000 }, async () => {
    if (!(await serviceAvailable("postgres"))) return;
    const run = `${process.pid}_${Date.now()}`;
    const database = throwawayPostgres("instances");
    await database.create();
    try {
      await killMidBroadcast(database.url, run);
    } finally {
      // The killed instance's connections are cut by the server; FORCE closes any left.
      await database.drop();
    }
  });
});
