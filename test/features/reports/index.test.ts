import { describe, expect, it } from "vitest";
import { ReportStore } from "../../../src/features/reports/store.js";
import { emptyReport } from "../../../src/features/reports/extract/types.js";
import { openMemoryStorage, type KeyValue, type Storage } from "../../../src/ports/storage/index.js";

const who = { chat: "playground:g1", reporter: "playground:alice", reporterName: "小李" };
const now = new Date("2026-03-16T10:00:00+08:00");
const fields = (date: string, organization = "夕阳红志愿队") => ({ ...emptyReport(), organization, date, title: "敬老院包饺子", location: "新牧社区养老院", volunteers: 8 });

/** The store, counting how many stored reports a listing reads. */
function counted(): { storage: Storage; reads: () => number } {
  const inner = openMemoryStorage();
  let reads = 0;
  const storage: Storage = {
    ...inner,
    namespace: <T,>(name: string): KeyValue<T> => {
      const namespace = inner.namespace<T>(name);
      if (name !== "reports") return namespace;
      return {
        ...namespace,
        get: async (key) => (reads++, namespace.get(key)),
        entries: async function* () {
          for await (const entry of namespace.entries()) {
            reads++;
            yield entry;
          }
        },
      };
    },
  };
  return { storage, reads: () => reads };
}

describe("reports listed by month", () => {
  it("reads only that month's reports, through the month index", async () => {
    const { storage, reads } = counted();
    const store = new ReportStore(storage, "Asia/Shanghai");
    for (let day = 1; day <= 20; day++) await store.add(fields(`2026-02-${String(day).padStart(2, "0")}`), who, now);
    for (let day = 1; day <= 3; day++) await store.add(fields(`2026-03-0${day}`), who, now);
    const before = reads();
    const march = await store.list({ month: "2026-03" });
    expect(march.map((report) => report.date)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(reads() - before).toBeLessThanOrEqual(3 + 20 + 3); // first use checks the index once
    const again = reads();
    await store.list({ month: "2026-03" });
    expect(reads() - again).toBe(3);
  });

  it("moves a report whose date is corrected to its new month, and indexes a store written before the index", async () => {
    const storage = openMemoryStorage();
    const old = new ReportStore(storage, "Asia/Shanghai");
    const report = await old.add(fields("2026-03-05"), who, now);
    await storage.namespace("report-index").delete("month");
    await storage.namespace("reports-month-2026-03").clear();
    const store = new ReportStore(storage, "Asia/Shanghai");
    expect((await store.list({ month: "2026-03" })).map((item) => item.id)).toEqual([report.id]);
    await store.update(report.id, { date: "2026-04-02" }, now);
    expect(await store.list({ month: "2026-03" })).toEqual([]);
    expect((await store.list({ month: "2026-04" })).map((item) => item.id)).toEqual([report.id]);
  });

  it("still finds a duplicate of the same day and organization", async () => {
    const store = new ReportStore(openMemoryStorage(), "Asia/Shanghai");
    await store.add(fields("2026-03-05"), who, now);
    await store.add(fields("2026-02-05"), who, now);
    expect(await store.duplicatesOf(fields("2026-03-05"))).toHaveLength(1);
    expect(await store.duplicatesOf(fields("2026-03-06"))).toHaveLength(0);
  });
});
