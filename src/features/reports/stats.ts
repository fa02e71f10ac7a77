/** Monthly figures per organization: activities, volunteers, person-hours, beneficiaries. */
import type { Translate } from "../../core/i18n.js";
import type { StoredReport } from "./fields.js";

export interface OrganizationStats {
  organization: string;
  activities: number;
  volunteers: number;
  volunteerHours: number;
  beneficiaries: number;
  /** How many of the counted reports said how many people were served. */
  beneficiariesKnown: number;
  /** Of `activities`: approved by staff, and still waiting for review (counted, not yet checked). */
  approved: number;
  pending: number;
}

export interface MonthStats {
  month: string;
  organizations: OrganizationStats[];
  total: Omit<OrganizationStats, "organization">;
}

/** Returned reports are left out: staff sent them back as wrong. */
export function computeStats(reports: StoredReport[], month: string, unnamed = "（未填组织）"): MonthStats {
  const byOrganization = new Map<string, OrganizationStats>();
  const total = { activities: 0, volunteers: 0, volunteerHours: 0, beneficiaries: 0, beneficiariesKnown: 0, approved: 0, pending: 0 };
  for (const report of reports) {
    if (report.status === "returned") continue;
    const name = report.organization ?? unnamed;
    const entry = byOrganization.get(name) ?? { organization: name, activities: 0, volunteers: 0, volunteerHours: 0, beneficiaries: 0, beneficiariesKnown: 0, approved: 0, pending: 0 };
    for (const target of [entry, total]) {
      target.activities += 1;
      if (report.status === "approved") target.approved += 1;
      else target.pending += 1;
      target.volunteers += report.volunteers ?? 0;
      target.volunteerHours += report.volunteer_hours ?? 0;
      target.beneficiaries += report.beneficiaries ?? 0;
      if (report.beneficiaries !== null && report.beneficiaries !== undefined) target.beneficiariesKnown += 1;
    }
    byOrganization.set(name, entry);
  }
  const organizations = [...byOrganization.values()].sort((a, b) => b.volunteerHours - a.volunteerHours || a.organization.localeCompare(b.organization));
  return { month, organizations, total };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** "服务0人" would read as nobody served when nobody said; unknown counts say so. */
function served(t: Translate, figures: Pick<OrganizationStats, "beneficiaries" | "beneficiariesKnown">): string {
  return figures.beneficiariesKnown === 0 ? t("reports.stats.servedUnknown") : t("reports.stats.served", { count: figures.beneficiaries });
}

/** "（含待审核2场）" after a count that includes reports staff have not checked yet; nothing when none. */
function pendingPart(t: Translate, figures: Pick<OrganizationStats, "pending">): string {
  return figures.pending > 0 ? t("reports.stats.pendingPart", { count: figures.pending }) : "";
}

/** A short chat text: one line per organization (the top 15), then the total, approved and pending apart. */
export function formatStats(t: Translate, stats: MonthStats, limit = 15): string {
  if (stats.total.activities === 0) return t("reports.stats.empty", { month: stats.month });
  const lines = stats.organizations.slice(0, limit).map((entry) =>
    t("reports.stats.line", { organization: entry.organization, activities: entry.activities, pending: pendingPart(t, entry), volunteers: entry.volunteers, hours: round(entry.volunteerHours), beneficiaries: served(t, entry) }),
  );
  const more = stats.organizations.length > limit ? [t("reports.stats.more", { count: stats.organizations.length - limit })] : [];
  const { total } = stats;
  const sum = t("reports.stats.total", { activities: total.activities, volunteers: total.volunteers, hours: round(total.volunteerHours), beneficiaries: served(t, total) });
  const review = t("reports.stats.review", { approved: total.approved, pending: total.pending });
  const caution = total.pending > 0 ? [t("reports.stats.pendingNote")] : [];
  return [t("reports.stats.heading", { month: stats.month }), ...lines, ...more, sum, review, ...caution].join("\n");
}
