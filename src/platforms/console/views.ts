/**
 * What the console pages read: reports, figures, trainings, broadcasts, tickets, the audit log.
 * Everything is read through the features' own stores and functions (computeStats is /stats),
 * so a page never shows a figure the chat would not.
 */
import { AuditLog } from "../../core/audit.js";
import type { ChatDirectory } from "../../core/chats.js";
import { BroadcastStore } from "../../features/broadcast/store.js";
import { Tickets } from "../../features/qa/tickets.js";
import { CATEGORIES } from "../../features/reports/extract/index.js";
import type { ReportStatus, StoredReport } from "../../features/reports/fields.js";
import { computeStats } from "../../features/reports/stats.js";
import { localDate, ReportStore } from "../../features/reports/store.js";
import { TrainingStore } from "../../features/trainings/store.js";
import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";

export interface ViewDeps {
  storage: Storage;
  clock: Clock;
  chats: ChatDirectory;
  timeZone: string;
}

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Reports shown at once; filters narrow a longer list. */
const listLimit = 200;
const statuses = new Set<ReportStatus>(["submitted", "approved", "returned"]);

/** Month steps back from YYYY-MM. */
function monthsBefore(month: string, count: number): string[] {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + number - 1 - (count - 1 - back);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

export class ConsoleViews {
  readonly reports: ReportStore;
  private readonly trainings: TrainingStore;
  private readonly broadcasts: BroadcastStore;
  private readonly tickets: Tickets;
  private readonly audit: AuditLog;

  constructor(private readonly deps: ViewDeps) {
    this.reports = new ReportStore(deps.storage, deps.timeZone);
    this.trainings = new TrainingStore(deps.storage, deps.clock);
    this.broadcasts = new BroadcastStore(deps.storage);
    this.tickets = new Tickets(deps.storage);
    this.audit = new AuditLog(deps.storage, deps.clock);
  }

  now(): Date {
    return this.deps.clock.now();
  }

  currentMonth(): string {
    return localDate(this.deps.clock.now(), this.deps.timeZone).slice(0, 7);
  }

  async reportList(filter: { month?: string; organization?: string; status?: string }) {
    const status = filter.status && statuses.has(filter.status as ReportStatus) ? (filter.status as ReportStatus) : undefined;
    const all = await this.reports.list({ month: filter.month, status });
    const organizations = [...new Set(all.map((report) => report.organization ?? "").filter(Boolean))].sort();
    const chosen = filter.organization ? all.filter((report) => report.organization === filter.organization) : all;
    // Newest first: the page is a to-do list, and a phone shows the newest ones only.
    const newest = [...chosen].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
    const titles = await this.chatTitles(newest.slice(0, listLimit).map((report) => report.chat));
    const reports = newest.slice(0, listLimit).map((report) => ({ ...report, chat_title: titles.get(report.chat) ?? null }));
    return { reports, organizations, total: chosen.length };
  }

  /** /stats figures for the month by organization and by category, and six months of totals. */
  async stats(month: string, unnamed: string) {
    const reports = await this.reports.list({ month });
    const byOrganization = computeStats(reports, month, unnamed);
    const byCategory = [...CATEGORIES, null].map((category) => ({ category, ...computeStats(reports.filter((report) => (report.category ?? null) === category), month, unnamed).total })).filter((row) => row.activities > 0);
    const trend = [];
    for (const past of monthsBefore(month, 6)) trend.push({ month: past, ...computeStats(await this.reports.list({ month: past }), past, unnamed).total });
    return { month, organizations: byOrganization.organizations, total: byOrganization.total, categories: byCategory, trend };
  }

  async trainingList() {
    const all = (await this.trainings.all()).sort((a, b) => b.start.localeCompare(a.start));
    return Promise.all(all.map(async (training) => ({ ...training, roster: await this.trainings.roster(training) })));
  }

  /** The latest broadcasts with each group's delivery and whether somebody there said 收到. */
  async broadcastList(count = 20) {
    const latest = Number((await this.broadcasts.latestJobId()) ?? 0);
    const list = [];
    for (let id = latest; id > 0 && list.length < count; id--) {
      const job = await this.broadcasts.job(String(id));
      if (!job) continue;
      const receipts = await this.broadcasts.receiptsOf(job.id);
      const titles = await this.chatTitles(job.chats);
      const groups = await Promise.all(
        job.chats.map(async (chat) => {
          const confirmedBy = receipts.filter((receipt) => receipt.chat === chat).map((receipt) => receipt.name);
          return { chat, title: titles.get(chat) ?? chat, state: (await this.broadcasts.state(job.id, chat)) ?? "pending", confirmed: confirmedBy.length > 0, confirmedBy };
        }),
      );
      list.push({ id: job.id, text: job.text, tags: job.tags, by: job.byName, createdAt: job.createdAt, status: job.status, groups });
    }
    return list;
  }

  openTickets() {
    return this.tickets.listOpen();
  }

  auditLog(count = 200) {
    return this.audit.latest(count);
  }

  private async chatTitles(keys: string[]): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (const key of new Set(keys)) {
      const record = await this.deps.chats.get(key);
      if (record?.title) titles.set(key, record.title);
    }
    return titles;
  }
}

export type { StoredReport };
