/**
 * Stored reports: short human-typable ids (R20260316-001), review status, duplicate detection,
 * and anonymisation for /forgetme. One keyv namespace, plus one index namespace a month
 * (report ids by activity month), so a month's list and the duplicate check read that month only,
 * and a small namespace of the organization names reports carry, so matching a name reads no report.
 */
import { createHash } from "node:crypto";
import { maskPersonalData } from "../../core/logging.js";
import type { KeyValue, Storage } from "../../ports/storage/index.js";
import type { ReportFields } from "./extract/index.js";
import { FORGOTTEN, pickFields, type ReportStatus, type StoredReport } from "./fields.js";
import { alike, squeeze } from "./likeness.js";
import type { Organizations } from "./organizations.js";

export interface Reporter {
  chat: string;
  reporter: string;
  reporterName: string;
}

export interface ReportFilter {
  /** YYYY-MM of the activity date */
  month?: string;
  status?: ReportStatus | ReportStatus[];
  reporter?: string;
  /** Only with `month`: reports of this organization (spacing and punctuation aside), read through its index. */
  organization?: string;
}

const idClaimMs = 3 * 24 * 3600_000;
/** The indexes a store has been brought up to date with (flags in "report-index"). */
const indexKinds = ["month", "month-organization", "organizations"] as const;

/** YYYY-MM-DD of `at` in the time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export class ReportStore {
  private readonly reports: KeyValue<StoredReport>;
  private readonly sequences: KeyValue<number>;
  private readonly indexMeta: KeyValue<number>;
  private readonly months = new Map<string, KeyValue<true>>();
  /** Organization names stored reports carry: name → true. */
  private readonly names: KeyValue<true>;
  private indexed?: Promise<void>;

  constructor(
    private readonly storage: Storage,
    private readonly timeZone: string,
    /** When given, a report's organization is stored under the name the park already knows. */
    private readonly organizations?: Organizations,
  ) {
    this.reports = storage.namespace<StoredReport>("reports");
    this.sequences = storage.namespace<number>("report-sequences");
    this.indexMeta = storage.namespace<number>("report-index");
    this.names = storage.namespace<true>("report-organizations");
  }

  /** The index of one activity month (YYYY-MM): report id → true. */
  private month(month: string): KeyValue<true> {
    let index = this.months.get(month);
    if (!index) this.months.set(month, (index = this.storage.namespace<true>(`reports-month-${month}`)));
    return index;
  }

  /** The index of one organization's reports in one activity month: report id → true. */
  private monthOrganization(month: string, organization: string): KeyValue<true> {
    // Hashed: namespace names carry no colon and stay short whatever the name is written with.
    const digest = createHash("sha256").update(squeeze(organization)).digest("hex").slice(0, 16);
    return this.storage.namespace<true>(`reports-month-${month}-organization-${digest}`);
  }

  /** The index entries a report is listed under. */
  private indexesOf(report: StoredReport): Array<{ name: string; index: KeyValue<true> }> {
    const month = monthOf(report);
    const found = [{ name: month, index: this.month(month) }];
    if (report.organization) found.push({ name: `${month}|${squeeze(report.organization)}`, index: this.monthOrganization(month, report.organization) });
    return found;
  }

  /** Stores written before an index existed are indexed once, on first use. */
  private ready(): Promise<void> {
    this.indexed ??= (async () => {
      const done = new Set<string>();
      for (const kind of indexKinds) if ((await this.indexMeta.get(kind)) === 1) done.add(kind);
      if (done.size === indexKinds.length) return;
      for await (const [, report] of this.reports.entries()) {
        const [byMonth, byOrganization] = this.indexesOf(report);
        if (!done.has("month")) await byMonth!.index.set(report.id, true);
        if (!done.has("month-organization") && byOrganization) await byOrganization.index.set(report.id, true);
        if (!done.has("organizations") && report.organization) await this.names.set(report.organization, true);
      }
      for (const kind of indexKinds) await this.indexMeta.set(kind, 1);
    })();
    return this.indexed;
  }

  /** Stores a new report with status "submitted". */
  async add(fields: ReportFields, who: Reporter, now: Date): Promise<StoredReport> {
    const id = await this.nextId(now);
    const at = now.toISOString();
    const report: StoredReport = {
      ...withoutPersonalNumbers(pickFields({ ...fields, organization: await this.knownName(fields.organization) })),
      id,
      status: "submitted",
      return_reason: null,
      chat: who.chat,
      reporter: who.reporter,
      reporter_name: who.reporterName,
      created_at: at,
      updated_at: at,
    };
    await this.reports.set(id, report);
    for (const { index } of this.indexesOf(report)) await index.set(id, true);
    if (report.organization) await this.names.set(report.organization, true);
    return report;
  }

  /** Ids count up per day; a claim makes two instances never hand out the same one. */
  private async nextId(now: Date): Promise<string> {
    const day = localDate(now, this.timeZone).replaceAll("-", "");
    let number = (await this.sequences.get(day)) ?? 0;
    for (;;) {
      number += 1;
      const id = `R${day}-${String(number).padStart(3, "0")}`;
      if ((await this.storage.claim(`report-id:${id}`, idClaimMs)) && !(await this.reports.get(id))) {
        await this.sequences.set(day, number, idClaimMs);
        return id;
      }
    }
  }

  get(id: string): Promise<StoredReport | undefined> {
    return this.reports.get(normalizeId(id));
  }

  async update(id: string, patch: Partial<StoredReport>, now: Date): Promise<StoredReport | undefined> {
    const existing = await this.get(id);
    if (!existing) return undefined;
    const updated: StoredReport = { ...existing, ...patch, id: existing.id, updated_at: now.toISOString() };
    await this.reports.set(existing.id, updated);
    const after = this.indexesOf(updated);
    const before = this.indexesOf(existing);
    for (const entry of after) if (!before.some((old) => old.name === entry.name)) await entry.index.set(existing.id, true);
    for (const entry of before) if (!after.some((current) => current.name === entry.name)) await entry.index.delete(existing.id);
    if (updated.organization && updated.organization !== existing.organization) await this.names.set(updated.organization, true);
    return updated;
  }

  /** Reports matching the filter, oldest first (by activity date, then id). */
  async list(filter: ReportFilter = {}): Promise<StoredReport[]> {
    const found: StoredReport[] = [];
    for await (const report of this.candidates(filter.month, filter.organization)) if (matches(report, filter)) found.push(report);
    return found.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id));
  }

  /**
   * Reports matching the filter one at a time, for lists too long to hold at once. With a month:
   * that month, read through its index and sorted as list() does. Without: the whole store in
   * filing order (by id), which the store reads a page at a time, so 100,000 reports are never
   * all in memory; sorting them by activity date would need them all.
   */
  async *stream(filter: ReportFilter = {}): AsyncIterable<StoredReport> {
    if (filter.month) {
      yield* await this.list(filter);
      return;
    }
    for await (const report of this.candidates(undefined, undefined)) if (matches(report, filter)) yield report;
  }

  /** The name the park knows this organization by (see organizations.ts). */
  async knownName(organization: string | null): Promise<string | null> {
    if (!this.organizations || !organization) return organization;
    await this.ready();
    const earlier = new Set<string>();
    for await (const [name] of this.names.entries()) earlier.add(name);
    return this.organizations.resolve(organization, earlier);
  }

  /** /merge: every report named `from` (spacing and punctuation aside) is renamed `to`. */
  async renameOrganization(from: string, to: string, now: Date): Promise<number> {
    let count = 0;
    for (const report of await this.list()) {
      if (report.organization === null || squeeze(report.organization) !== squeeze(from)) continue;
      await this.update(report.id, { organization: to }, now);
      count += 1;
    }
    // No report carries the old spelling any more, so it is no longer a name to match against.
    await this.ready();
    for await (const [name] of this.names.entries()) if (squeeze(name) === squeeze(from) && name !== to) await this.names.delete(name);
    return count;
  }

  /** A month's (or a month's organization's) reports through its index, or every report. */
  private async *candidates(month: string | undefined, organization: string | undefined): AsyncIterable<StoredReport> {
    if (!month) {
      for await (const [, report] of this.reports.entries()) yield report;
      return;
    }
    await this.ready();
    const index = organization === undefined ? this.month(month) : this.monthOrganization(month, organization);
    for await (const [id] of index.entries()) {
      const report = await this.reports.get(id);
      if (report) yield report;
    }
  }

  /** Stored reports (not returned) of the same organization and day that look like the same activity. */
  async duplicatesOf(fields: ReportFields): Promise<StoredReport[]> {
    if (!fields.organization || !fields.date) return [];
    const organization = squeeze((await this.knownName(fields.organization)) ?? fields.organization);
    const candidates = await this.list({ month: fields.date.slice(0, 7), organization, status: ["submitted", "approved"] });
    return candidates.filter((stored) => stored.date === fields.date && stored.organization !== null && squeeze(stored.organization) === organization && alike(stored, fields));
  }

  /** /forgetme: the person's reports stay for statistics, without who reported them. */
  async anonymise(reporter: string, now: Date): Promise<number> {
    let count = 0;
    for (const report of await this.list({ reporter })) {
      await this.update(report.id, { reporter: FORGOTTEN, reporter_name: null }, now);
      count += 1;
    }
    return count;
  }

  /** Moves reports of a chat that changed its key. */
  async rekeyChat(from: string, to: string, now: Date): Promise<void> {
    for (const report of await this.list()) if (report.chat === from) await this.update(report.id, { chat: to }, now);
  }
}

/** Phone and ID-card numbers pasted into a report never reach the store. */
function withoutPersonalNumbers(fields: ReportFields): ReportFields {
  const clean = { ...fields };
  for (const key of ["organization", "title", "location", "description"] as const) {
    const value = clean[key];
    if (value) clean[key] = maskPersonalData(value);
  }
  return clean;
}

function matches(report: StoredReport, filter: ReportFilter): boolean {
  if (filter.month && monthOf(report) !== filter.month) return false;
  if (filter.organization !== undefined && (report.organization === null || squeeze(report.organization) !== squeeze(filter.organization))) return false;
  if (filter.status !== undefined && ![filter.status].flat().includes(report.status)) return false;
  return !filter.reporter || report.reporter === filter.reporter;
}

/** The activity month a report is filed under: its date's, or the month it was reported in. */
function monthOf(report: StoredReport): string {
  return (report.date ?? report.created_at).slice(0, 7);
}

export function normalizeId(id: string): string {
  return id.trim().toUpperCase().replace(/^R?(\d{8})[-_－]?(\d{1,4})$/, (_, day: string, number: string) => `R${day}-${number.padStart(3, "0")}`);
}
