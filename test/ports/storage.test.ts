import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openStorage, openMemoryStorage, StorageUrlError, type Storage } from "../../src/ports/storage/index.js";
import { postgresForBlock, serviceAvailable, services } from "../support/services.js";

const folder = mkdtempSync(join(tmpdir(), "incubot-storage-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const backends: Array<{ name: string; service?: "redis" | "postgres"; open: () => Promise<Storage> }> = [
  { name: "memory", open: async () => openMemoryStorage() },
  { name: "sqlite", open: () => openStorage(`sqlite://${join(folder, "contract.sqlite")}`) },
  { name: "redis", service: "redis", open: () => openStorage(services.redis.url) },
  { name: "postgres", service: "postgres", open: () => openStorage(services.postgres.url) },
];

for (const backend of backends) {
  describe(`storage contract: ${backend.name}`, async () => {
    const available = backend.service ? await serviceAvailable(backend.service) : true;
    let storage: Storage;
    const run = `${process.pid}-${Date.now()}`;
    const ns = (name: string) => `test-${run}-${name}`;

    beforeAll(async () => {
      if (available) storage = await backend.open();
    });
    afterAll(async () => {
      if (available) await storage.close();
    });

    it.runIf(available)("stores, reads, overwrites and deletes values", async () => {
      const drafts = storage.namespace<{ step: string; count: number }>(ns("drafts"));
      expect(await drafts.get("a")).toBeUndefined();
      await drafts.set("a", { step: "location", count: 1 });
      await drafts.set("a", { step: "confirm", count: 2 });
      expect(await drafts.get("a")).toEqual({ step: "confirm", count: 2 });
      expect(await drafts.delete("a")).toBe(true);
      expect(await drafts.get("a")).toBeUndefined();
    });

    it.runIf(available)("keeps namespaces apart, also when listing and clearing", async () => {
      const reports = storage.namespace<string>(ns("reports"));
      const tickets = storage.namespace<string>(ns("tickets"));
      await reports.set("1", "report one");
      await reports.set("2", "report two");
      await tickets.set("1", "ticket one");
      const listed = [];
      for await (const entry of reports.entries()) listed.push(entry);
      expect(listed.sort()).toEqual([["1", "report one"], ["2", "report two"]]);
      await reports.clear();
      expect(await reports.get("1")).toBeUndefined();
      expect(await tickets.get("1")).toBe("ticket one");
      await tickets.clear();
    });

    it.runIf(available)("forgets values after their time to live", async () => {
      const seen = storage.namespace<boolean>(ns("seen"));
      await seen.set("m1", true, 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await seen.get("m1")).toBeUndefined();
    });

    it.runIf(available)("lets exactly one of many concurrent claims win, until it expires or is released", async () => {
      const key = `claim-${run}`;
      const results = await Promise.all(Array.from({ length: 10 }, (_, index) => storage.claim(key, 60_000, `owner-${index}`)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await storage.claimOwner(key)).toBe(`owner-${results.indexOf(true)}`);
      await storage.release(key);
      expect(await storage.claim(key, 50, "late")).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await storage.claimOwner(key)).toBeUndefined();
      expect(await storage.claim(key, 60_000, "after-expiry")).toBe(true);
      await storage.release(key);
    });

    it.runIf(available)("answers ping while open", async () => {
      expect(await storage.ping()).toBe(true);
    });
  });
}

describe("storage URLs", () => {
  it("refuses an unknown scheme with a sentence naming the URL (the app adds the DATA_URL key)", async () => {
    await expect(openStorage("mongodb://localhost/x")).rejects.toThrow(StorageUrlError);
    await expect(openStorage("mongodb://localhost/x")).rejects.toThrow(/mongodb:\/\/localhost\/x.*sqlite:\/\//);
  });
});

describe("sqlite persistence", () => {
  it("reads after reopening what was written before closing", async () => {
    const url = `sqlite://${join(folder, "persist.sqlite")}`;
    const first = await openStorage(url);
    await first.namespace<{ v: number }>("drafts").set("chat|user", { v: 3 });
    await first.close();
    const second = await openStorage(url);
    expect(await second.namespace<{ v: number }>("drafts").get("chat|user")).toEqual({ v: 3 });
    await second.close();
  });
});

describe("several instances starting at once on a new PostgreSQL database", async () => {
  const { available, database } = await postgresForBlock("start");

  it.runIf(available)("all start: creating the claims table is not a race one of them loses", async () => {
    await database.create();
    const opened = await Promise.allSettled(Array.from({ length: 6 }, () => openStorage(database.url)));
    expect(opened.filter((result) => result.status === "rejected")).toEqual([]);
    const stores = opened.map((result) => (result as PromiseFulfilledResult<Storage>).value);
    expect(await stores[0]!.claim("first", 10_000, "a")).toBe(true);
    expect(await stores[1]!.claim("first", 10_000, "b")).toBe(false);
    await Promise.all(stores.map((store) => store.close()));
  });
});

describe("PostgreSQL closing our idle connections (a restart, a failover)", async () => {
  const { available, database } = await postgresForBlock("restart");

  it.runIf(available)("keeps running and takes the next claim on a new connection", async () => {
    await database.create();
    const store = await openStorage(database.url);
    expect(await store.claim("before", 10_000, "a")).toBe(true);
    const drafts = store.namespace<{ v: number }>("drafts");
    await drafts.set("chat|user", { v: 1 });
    const admin = new pg.Pool({ connectionString: services.postgres.url, max: 1 });
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database.name]);
    await admin.end();
    // The server's notice reaches the idle connection a moment later.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.claim("after", 10_000, "a")).toBe(true);
    expect(await drafts.get("chat|user")).toEqual({ v: 1 });
    await store.close();
  });
});
