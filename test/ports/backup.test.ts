import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runBackup, runRestore } from "../../src/backup-cli.js";
import { projectRoot } from "../../src/core/paths.js";
import { openStorage } from "../../src/ports/storage/index.js";
import { startTestBot } from "../support/bot.js";
import { postgresForBlock, serviceAvailable, services } from "../support/services.js";

const folder = mkdtempSync(join(tmpdir(), "incubot-backup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const run = `${process.pid}-${Date.now()}`;

/** A park's SQLite store with one confirmed report, a draft that expires, and a live claim. */
async function parkStore(): Promise<string> {
  const url = `sqlite://${join(folder, `park-${Math.random().toString(36).slice(2)}.sqlite`)}`;
  const bot = await startTestBot({ storage: await openStorage(url) });
  const group = bot.group("g1", "夕阳红志愿队");
  await group.user("alice", "小李").says("@小园助手 昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点");
  await group.user("alice", "小李").says("确认");
  await bot.app.storage.namespace("probe").set("short-lived", "gone soon", 60_000);
  await bot.app.storage.claim(`probe-claim-${run}`, 60_000, "instance-a");
  await bot.close();
  return url;
}

async function reportsIn(url: string): Promise<Array<Record<string, unknown>>> {
  const storage = await openStorage(url);
  const reports: Array<Record<string, unknown>> = [];
  for await (const [, report] of storage.namespace<Record<string, unknown>>("reports").entries()) reports.push(report);
  await storage.close();
  return reports;
}

/** Everything a store holds, comparable across backends. */
async function contents(url: string) {
  const storage = await openStorage(url);
  const records: string[] = [];
  for await (const record of storage.records()) records.push(`${record.namespace}/${record.key}=${JSON.stringify(record.value)}${record.expires ? " (expires)" : ""}`);
  const claims: string[] = [];
  for await (const claim of storage.claims()) claims.push(`${claim.key}:${claim.owner}`);
  await storage.close();
  return { records: records.sort(), claims: claims.sort() };
}

describe("cli backup and restore", () => {
  it("moves a park from one SQLite file to a new one through the command line, report and all", async () => {
    const source = await parkStore();
    const file = join(folder, "park.jsonl");
    const cli = (args: string[], dataUrl: string) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd: projectRoot, env: { ...process.env, DATA_URL: dataUrl, LOG_LEVEL: "silent" } });
    await cli(["backup", "--out", file], source);
    const lines = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ format: "incubot-backup", version: 1, source: "sqlite" });
    expect(lines.at(-1)).toMatchObject({ end: true, records: lines.length - 2 - Number((lines.at(-1) as { claims: number }).claims) });

    const target = `sqlite://${join(folder, "new-machine.sqlite")}`;
    const restored = await cli(["restore", file], target);
    expect(restored.stderr).toMatch(/已恢复 \d+ 条记录/);
    const [report] = await reportsIn(target);
    expect(report).toMatchObject({ organization: "新牧社区夕阳红志愿服务队", volunteers: 8, reporter: "playground:alice" });
    expect(await contents(target)).toEqual(await contents(source));
  });

  it("refuses a store that already holds data unless --force, and a cut-short file always", async () => {
    const source = await parkStore();
    const file = join(folder, "refuse.jsonl");
    expect((await runBackup(source, file)).code).toBe(0);
    const target = await parkStore();
    const refused = await runRestore(target, file, false);
    expect(refused).toMatchObject({ code: 3, message: expect.stringContaining("--force") });
    expect(await runRestore(target, file, true)).toMatchObject({ code: 0 });

    const lines = readFileSync(file, "utf8").trim().split("\n");
    writeFileSync(join(folder, "cut.jsonl"), `${lines.slice(0, -1).join("\n")}\n`);
    const empty = `sqlite://${join(folder, "empty-for-cut.sqlite")}`;
    expect(await runRestore(empty, join(folder, "cut.jsonl"), false)).toMatchObject({ code: 4, message: expect.stringContaining("cut short") });
    writeFileSync(join(folder, "other.jsonl"), '{"hello":"world"}\n');
    expect(await runRestore(empty, join(folder, "other.jsonl"), true)).toMatchObject({ code: 4, message: expect.stringContaining("not an incubot backup") });
  });
});

describe("migration from SQLite to PostgreSQL", async () => {
  const { available, database } = await postgresForBlock("restore");

  it.runIf(available)("restores every record and claim of a SQLite backup into an empty database", async () => {
    await database.create();
    const source = await parkStore();
    const file = join(folder, "to-postgres.jsonl");
    await runBackup(source, file);
    expect(await runRestore(database.url, file, false)).toMatchObject({ code: 0 });
    expect(await contents(database.url)).toEqual(await contents(source));
    expect(await runRestore(database.url, file, false)).toMatchObject({ code: 3 });
  });
});

describe("migration from SQLite to Redis", async () => {
  const available = await serviceAvailable("redis");
  const url = `${services.redis.url}?prefix=incubot-restore-${run}`;
  afterAll(async () => {
    if (!available) return;
    const storage = await openStorage(url);
    for await (const record of storage.records()) await storage.namespace(record.namespace).delete(record.key);
    for await (const claim of storage.claims()) await storage.release(claim.key);
    await storage.close();
  });

  it.runIf(available)("restores a SQLite backup into Redis under its own key prefix", async () => {
    const source = await parkStore();
    const file = join(folder, "to-redis.jsonl");
    await runBackup(source, file);
    expect(await runRestore(url, file, false)).toMatchObject({ code: 0 });
    expect(await contents(url)).toEqual(await contents(source));
  });
});
