/** How a draft is shown in chat: the summary to confirm and the one question of each turn. */
import type { Translate } from "../../core/i18n.js";
import type { ReportFields } from "./extract/index.js";

/** Order of questions: who, when, where, how many, how long; title, description and category last. */
export const ASK_ORDER: Array<keyof ReportFields> = ["organization", "date", "location", "volunteers", "volunteer_hours", "title", "description", "category"];

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

export function firstMissing(reports: ReportFields[], skipped: string[] = []): { index: number; field: keyof ReportFields } | undefined {
  for (const [index, report] of reports.entries()) {
    const field = ASK_ORDER.find((name) => (report[name] === null || report[name] === "") && !skipped.includes(`${index}:${name}`));
    if (field) return { index, field };
  }
  return undefined;
}

/** The question for one field; with several activities it says which one. */
export function question(t: Translate, reports: ReportFields[], index: number, field: keyof ReportFields): string {
  const report = reports[index]!;
  let key: string = field;
  // Hours with a known start but no end: asking the end is the natural question.
  if (field === "volunteer_hours" && report.start_time && !report.end_time) key = "end_time";
  // A time named in a correction (时间错了): ask for the span.
  if (field === "start_time") key = "time";
  const text = t(`reports.ask.${key}`);
  return reports.length > 1 ? t("reports.ask.which", { number: index + 1, title: report.title ?? "", question: text }) : text;
}

function hours(value: number | null): string {
  return value === null ? "?" : String(Math.round(value * 100) / 100);
}

function when(report: ReportFields): string {
  const span = report.start_time ? `${report.start_time}${report.end_time ? `-${report.end_time}` : ""}` : "";
  return [report.date ?? "?", span].filter(Boolean).join(" ");
}

/** One report, a few short lines. */
export function summarizeOne(t: Translate, report: ReportFields, approximate: string[] = []): string {
  const lines = [
    t("reports.summary.title", { title: report.title ?? "?", category: report.category ?? "?" }),
    t("reports.summary.organization", { value: report.organization ?? "?" }),
    t("reports.summary.when", { value: when(report) }),
    t("reports.summary.location", { value: report.location ?? "?" }),
    t("reports.summary.people", { volunteers: report.volunteers ?? "?", hours: hours(report.volunteer_hours) }),
  ];
  if (report.beneficiaries !== null) lines.push(t("reports.summary.beneficiaries", { value: report.beneficiaries }));
  if (report.photos > 0) lines.push(t("reports.summary.photos", { value: report.photos }));
  if (approximate.length) lines.push(t("reports.summary.approximate", { fields: approximate.map((field) => t(`reports.fields.${field}`)).join("、") }));
  return lines.join("\n");
}

/** Several reports, one line each, numbered ①②… */
export function summarizeMany(t: Translate, reports: ReportFields[]): string {
  return reports
    .map((report, index) =>
      t("reports.summary.line", {
        number: CIRCLED[index] ?? `${index + 1}.`,
        title: report.title ?? "?",
        organization: report.organization ?? "?",
        when: when(report),
        location: report.location ?? "?",
        volunteers: report.volunteers ?? "?",
        hours: hours(report.volunteer_hours),
      }),
    )
    .join("\n");
}

export function summarize(t: Translate, reports: ReportFields[], approximate: string[]): string {
  return reports.length === 1 ? summarizeOne(t, reports[0]!, approximate) : summarizeMany(t, reports);
}
