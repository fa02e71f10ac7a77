import { describe, expect, it } from "vitest";
import { AuditLog } from "../../src/core/audit.js";
import type { Turn } from "../../src/core/feature.js";
import { Tickets, type Ticket } from "../../src/features/qa/tickets.js";
import type { ReportFields } from "../../src/features/reports/extract/index.js";
import { Organizations } from "../../src/features/reports/organizations.js";
import { ReportStore } from "../../src/features/reports/store.js";
import { openMemoryStorage, type KeyValue, type Storage } from "../../src/ports/storage/index.js";
import { fakeClock } from "../support/clock.js";

/** The store with every whole-namespace listing (entries()) counted by namespace. */
function counting(inner: Storage = openMemoryStorage()): { storage: Storage; scans: Map<string, number>; reset: () => void } {
  const scans = new Map<string, number>();
  const storage: Storage = {
    ...inner,
    namespace: <T,>(name: string): KeyValue<T> => {
      const namespace = inner.namespace<T>(name);
      return { ...namespace, entries: () => (scans.set(name, (scans.get(name) ?? 0) + 1), namespace.entries()) };
    },
  };
  return { storage, scans, reset: () => scans.clear() };
}

/** Every value of a namespace, read whole: what the listings returned before they had indexes. */
async function everything<T>(storage: Storage, name: string): Promise<Array<[string, T]>> {
  const all: Array<[string, T]> = [];
  for await (const entry of storage.namespace<T>(name).entries()) all.push(entry);
  return all;
}

const fields = (organization: string | null, date: string, title: string): ReportFields => ({
  organization,
  title,
  category: null,
  date,
  start_time: null,
  end_time: null,
  location: null,
  volunteers: 5,
  volunteer_hours: 10,
  beneficiaries: null,
  description: null,
  photos: 0,
});

const who = { chat: "telegram:-1001", reporter: "telegram:7", reporterName: "小王" };
const organizations = ["阳光助残队", "新牧社区志愿队", "哈南爱心助残协会", "绿色家园环保社"];

describe("reports are listed through month and month+organization indexes", () => {
  it("a month's list, an organization's list in a month and name matching read no report scan", async () => {
    const inner = openMemoryStorage();
    const { storage, scans, reset } = counting(inner);
    const store = new ReportStore(storage, "Asia/Shanghai", new Organizations(storage, { list: async () => [] }));
    for (let index = 0; index < 60; index++) {
      const month = ["2026-01", "2026-02", "2026-03"][index % 3]!;
      await store.add(fields(organizations[index % 4]!, `${month}-${String((index % 27) + 1).padStart(2, "0")}`, `活动${index}`), who, new Date("2026-03-16T10:00:00+08:00"));
    }
    reset();
    const march = await store.list({ month: "2026-03" });
    const marchSunshine = await store.list({ month: "2026-03", organization: "阳光 助残队" });
    // A volunteer writes the name a little differently: it is matched against the names kept aside.
    expect(await store.knownName("阳光助残队（志愿）")).toBeDefined();
    expect(scans.get("reports") ?? 0).toBe(0);

    const all = (await everything<{ id: string; date: string; organization: string }>(inner, "reports")).map(([, report]) => report);
    const byId = (list: Array<{ id: string }>) => list.map((report) => report.id).sort();
    expect(byId(march)).toEqual(byId(all.filter((report) => report.date.startsWith("2026-03"))));
    expect(byId(marchSunshine)).toEqual(byId(all.filter((report) => report.date.startsWith("2026-03") && report.organization === "阳光助残队")));
    expect(marchSunshine.length).toBeGreaterThan(0);
  });

  it("a report moved to another month or renamed by /merge is listed under its new index only", async () => {
    const storage = openMemoryStorage();
    const store = new ReportStore(storage, "Asia/Shanghai", new Organizations(storage, { list: async () => [] }));
    const now = new Date("2026-03-16T10:00:00+08:00");
    const report = await store.add(fields("阳光助残队", "2026-03-02", "助残陪伴"), who, now);
    await store.update(report.id, { date: "2026-02-27" }, now);
    expect(await store.list({ month: "2026-03", organization: "阳光助残队" })).toEqual([]);
    expect((await store.list({ month: "2026-02", organization: "阳光助残队" })).map((stored) => stored.id)).toEqual([report.id]);

    expect(await store.renameOrganization("阳光助残队", "阳光助残志愿服务队", now)).toBe(1);
    expect(await store.list({ month: "2026-02", organization: "阳光助残队" })).toEqual([]);
    expect((await store.list({ month: "2026-02", organization: "阳光助残志愿服务队" })).map((stored) => stored.id)).toEqual([report.id]);
    // The old spelling is no longer among the names a new report is matched against.
    const names = (await everything<true>(storage, "report-organizations")).map(([name]) => name);
    expect(names).toEqual(["阳光助残志愿服务队"]);
  });

  it("a store written before the indexes existed is indexed once, then lists the same", async () => {
    const inner = openMemoryStorage();
    const old = new ReportStore(inner, "Asia/Shanghai");
    const now = new Date("2026-03-16T10:00:00+08:00");
    const first = await old.add(fields("阳光助残队", "2026-03-02", "助残陪伴"), who, now);
    await old.add(fields("绿色家园环保社", "2026-03-05", "河道清洁"), who, now);
    // As an older version left it: reports only, no index and no index flags.
    const indexes = new Set<string>(["report-index", "report-organizations"]);
    for await (const record of inner.records()) if (record.namespace.startsWith("reports-month-")) indexes.add(record.namespace);
    for (const name of indexes) await inner.namespace(name).clear();

    const { storage, scans } = counting(inner);
    const store = new ReportStore(storage, "Asia/Shanghai");
    expect((await store.list({ month: "2026-03", organization: "阳光助残队" })).map((report) => report.id)).toEqual([first.id]);
    expect((await store.list({ month: "2026-03" })).length).toBe(2);
    expect(scans.get("reports")).toBe(1);
    // Another process opening the same store later does not scan again.
    const later = counting(inner);
    await new ReportStore(later.storage, "Asia/Shanghai").list({ month: "2026-03" });
    expect(later.scans.get("reports") ?? 0).toBe(0);
  });
});

const ticket = (index: number): Omit<Ticket, "v" | "id" | "status"> => ({
  question: `问题${index}`,
  asker: { key: `telegram:${index}`, name: `志愿者${index}` },
  chat: "telegram:-1001",
  messageId: `m${index}`,
  reason: "no-answer",
  createdAt: new Date(Date.UTC(2026, 2, 1, 0, index)).toISOString(),
});

describe("open tickets are listed through their index", () => {
  it("staff's open list and a replied-to question's ticket read open tickets only, the same as a full scan", async () => {
    const inner = openMemoryStorage();
    const { storage, scans, reset } = counting(inner);
    const tickets = new Tickets(storage);
    // A new park: the one-time indexing of older tickets finds none.
    expect(await tickets.listOpen()).toEqual([]);
    const opened: Ticket[] = [];
    for (let index = 0; index < 40; index++) opened.push(await tickets.open(ticket(index)));
    for (const answered of opened.filter((_, index) => index % 3 === 0)) await tickets.answer(answered, "请看园区公告", "telegram:1", new Date());
    reset();
    const open = await tickets.listOpen();
    expect((await tickets.findByMessage("telegram:-1001", "m5"))?.question).toBe("问题5");
    expect(await tickets.findByMessage("telegram:-1001", "m3")).toBeUndefined();
    expect(scans.get("qa-tickets") ?? 0).toBe(0);

    const scanned = (await everything<Ticket>(inner, "qa-tickets")).map(([, stored]) => stored).filter((stored) => stored.status === "open");
    expect(open.map((stored) => stored.id)).toEqual(scanned.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((stored) => stored.id));
    expect(open.length).toBe(26);
  });

  it("tickets opened before the index existed are still listed", async () => {
    const inner = openMemoryStorage();
    const first = await new Tickets(inner).open(ticket(1));
    await inner.namespace("qa-tickets-open").clear();
    await inner.namespace("qa-tickets-index").clear();
    expect((await new Tickets(inner).listOpen()).map((stored) => stored.id)).toEqual([first.id]);
  });
});

const staffTurn = (detail: string): Turn =>
  ({ message: { sender: { key: "telegram:1", name: "园区小李" }, chat: { key: "telegram:1" } }, addressed: true, text: detail }) as unknown as Turn;

describe("the audit log is read newest month first through a month index", () => {
  it("/audit's latest entries are the same as a full scan's and need no scan of the log", async () => {
    const inner = openMemoryStorage();
    const { storage, scans, reset } = counting(inner);
    const clock = fakeClock("2025-11-20T10:00:00Z");
    const audit = new AuditLog(storage, clock);
    // A new park: the one-time indexing of an older log finds none.
    expect(await audit.latest(5)).toEqual([]);
    for (let index = 0; index < 90; index++) {
      await audit.record(staffTurn(`/bind ${index}`), "bind", `/bind ${index}`);
      clock.advance(36 * 3600_000);
    }
    reset();
    const latest = await audit.latest(20);
    expect(scans.get("audit") ?? 0).toBe(0);
    const scanned = (await everything<{ detail: string }>(inner, "audit")).sort((a, b) => b[0].localeCompare(a[0])).slice(0, 20);
    expect(latest.map((entry) => entry.detail)).toEqual(scanned.map(([, entry]) => entry.detail));
    expect(latest[0]!.detail).toBe("/bind 89");
  });

  it("a log written before the index existed is indexed once and read the same", async () => {
    const inner = openMemoryStorage();
    const clock = fakeClock("2026-01-30T10:00:00Z");
    const old = new AuditLog(inner, clock);
    for (const detail of ["/bind a", "/bind b", "/bind c"]) {
      await old.record(staffTurn(detail), "bind", detail);
      clock.advance(24 * 3600_000);
    }
    for (const name of ["audit-months", "audit-index", "audit-month-2026-01", "audit-month-2026-02"]) await inner.namespace(name).clear();
    expect((await new AuditLog(inner, clock).latest(2)).map((entry) => entry.detail)).toEqual(["/bind c", "/bind b"]);
  });
});
