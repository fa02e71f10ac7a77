/**
 * Rule-based activity-report extraction (REPORTS.md). No network, no LLM: the same code serves
 * the chat dialog, the `extract` CLI and the evaluation.
 */
import { localMoment, DEFAULT_TIME_ZONE } from "./calendar.js";
import { followUpFields, type FollowUpOptions } from "./followup.js";
import { analyze, prepare } from "./pipeline.js";
import { type ExtractOptions, type Extraction, type ReportFields, REQUIRED_FIELDS } from "./types.js";
import { splitIntent } from "./intent.js";
import { toSimplified } from "../../../core/simplified.js";

export { CATEGORIES, REQUIRED_FIELDS, emptyReport } from "./types.js";
export type { Category, Extraction, ReportFields, ExtractOptions } from "./types.js";
export type { FollowUpOptions } from "./followup.js";

/** Required fields still unknown; start/end and beneficiaries are never asked. */
export function missingFields(report: ReportFields): string[] {
  return REQUIRED_FIELDS.filter((field) => report[field] === null || report[field] === "");
}

function unionMissing(reports: ReportFields[]): string[] {
  const missing = new Set(reports.flatMap(missingFields));
  return REQUIRED_FIELDS.filter((field) => missing.has(field));
}

/** Turns one person's consecutive messages into zero, one or several reports. */
export function extractReports(said: string[], reference: Date, options: ExtractOptions = {}): Extraction {
  const now = localMoment(reference, options.timeZone ?? DEFAULT_TIME_ZONE);
  // 报个活动：… is the wish to report, not the activity: its words never become the title.
  const messages = said.map((message) => {
    const { intent, rest } = splitIntent(toSimplified(message));
    return intent && rest ? rest : message;
  });
  const analysis = analyze(messages, now);
  if (analysis.reason !== null) return { is_report: false, reports: [], missing: [] };

  const reports = analysis.drafts.map((draft) => draft.report);
  // Later messages that correct the first (不对，是12个人 / 说错了，是前天) apply like dialog answers.
  const { corrections } = prepare(messages);
  for (const correction of corrections) {
    const target = reports.length - 1;
    reports[target] = { ...reports[target]!, ...followUpFields(reports[target]!, correction, now) };
  }
  const approximate = [...new Set(analysis.drafts.flatMap((draft) => draft.approximate))];
  const extraction: Extraction = { is_report: true, reports, missing: unionMissing(reports) };
  if (approximate.length) extraction.approximate = approximate;
  return extraction;
}

/**
 * Reads a dialog answer or a correction about `report`. With `asking`, a bare answer
 * ("12", "新牧社区活动室") is taken for that field.
 */
export function extractFollowUp(
  report: ReportFields,
  text: string,
  reference: Date,
  options: FollowUpOptions = {},
): Partial<ReportFields> {
  const now = localMoment(reference, options.timeZone ?? DEFAULT_TIME_ZONE);
  return followUpFields(report, text, now, options.asking);
}

/**
 * For reports posted in group chatter without a mention: only a clearly finished activity with
 * nearly every field known, so that the bot rarely speaks up unasked.
 */
export function isConfidentReport(extraction: Extraction): boolean {
  if (!extraction.is_report || extraction.reports.length === 0) return false;
  if (extraction.missing.length > 1) return false;
  return extraction.reports.every(
    (report) =>
      report.date !== null &&
      report.volunteers !== null &&
      report.volunteer_hours !== null &&
      (report.organization !== null || report.location !== null) &&
      report.title !== null,
  );
}
