/**
 * The one way the chat, the `extract` CLI and the benchmark read reports, so that all three
 * behave the same. Wraps the rule-based extractor (extract/) and normalises its output.
 */
import { emptyReport, extractReports, missingFields, type Extraction, type ReportFields } from "./extract/index.js";
import { extractFollowUp } from "./extract/index.js";
import { extractReportsWithLlm } from "./extract/llm.js";
import type { Llm } from "../../ports/llm.js";
import { pickFields } from "./fields.js";
import { deriveDescription, deriveTitle } from "./extract/summary.js";
import { categorize } from "./extract/category.js";
import { analyze } from "./extract/pipeline.js";
import { localMoment } from "./extract/calendar.js";
import { resolveDate } from "./extract/dates.js";

export interface ReadOptions {
  timeZone: string;
}

/** Extracts reports from one person's consecutive messages, sent at `reference`. */
export function readReports(messages: string[], reference: Date, options: ReadOptions): Extraction {
  return normalize(extractReports(messages, reference, { timeZone: options.timeZone }));
}

/** The same, improved by the optional LLM (the model proposes, the rules decide; no LLM: rules only). */
export async function readReportsWithLlm(llm: Llm | undefined, messages: string[], reference: Date, options: ReadOptions): Promise<Extraction> {
  if (!llm) return readReports(messages, reference, options);
  return normalize(await extractReportsWithLlm(llm, messages, reference, { timeZone: options.timeZone }));
}

function normalize(extraction: Extraction): Extraction {
  if (!extraction.is_report) return { is_report: false, reports: [], missing: [] };
  const reports = extraction.reports.map(pickFields);
  return { ...extraction, reports, missing: unionMissing(reports) };
}

/**
 * A report the person insists on (/report with a text the rules did not take for a finished
 * activity): whatever facts the text gives, the rest is asked.
 */
export function readInsisted(text: string, reference: Date, options: ReadOptions): ReportFields {
  const report = { ...emptyReport(), ...extractFollowUp(emptyReport(), text, reference, { timeZone: options.timeZone }) };
  const description = text.replace(/\s+/g, " ").trim();
  if (description.length >= 4) report.description = description.slice(0, 120);
  return deriveMissing(pickFields(report), text);
}

/** Words of a service done for someone: 陪老人聊天, 给孩子讲故事, 捡垃圾. */
export const SERVICE = /陪|给|为|帮|送|捡|清理|清扫|打扫|讲|教|辅导|慰问|看望|探访|走访|义诊|义剪|理发|宣传|巡逻|劝导|植树|种|包饺子|演出|表演|维修|开展|组织了|举办|服务/;

/**
 * A message spoken to the bot (private chat, a mention) that tells of a finished service even
 * though it lacks the facts the strict classifier wants (昨天我们在社区陪老人聊天): the dialog asks
 * for the rest. Plans, questions, notices and the like stay out.
 */
export function looksLikeReport(text: string, reference: Date, options: ReadOptions): boolean {
  const analysis = analyze([text], localMoment(reference, options.timeZone));
  if (analysis.reason === null) return true;
  if (analysis.reason !== "chatter") return false;
  const draft = analysis.drafts[0];
  if (!draft || !SERVICE.test(text)) return false;
  const facts = [draft.report.date !== null, draft.report.organization !== null, draft.report.location !== null, draft.report.volunteers !== null, draft.report.volunteer_hours !== null];
  return facts.some(Boolean);
}

/** Title, description and category follow from each other when the person gave one of them. */
export function deriveMissing(report: ReportFields, text?: string): ReportFields {
  const next = { ...report };
  const source = next.description ?? next.title ?? text ?? null;
  if (source === null) return next;
  if (next.title === null || next.title === "") next.title = deriveTitle(source, null, null) ?? next.title;
  if (next.description === null || next.description === "") next.description = deriveDescription(source, next.title, next.organization) ?? next.title;
  if (next.category === null) next.category = categorize(`${next.title ?? ""} ${next.description ?? ""}`, next.organization, next.location);
  return next;
}

/** Applies an answer or a correction to one report; returns the changed fields. */
export function readAnswer(report: ReportFields, text: string, reference: Date, options: ReadOptions & { asking?: keyof ReportFields }): Partial<ReportFields> {
  const update = extractFollowUp(report, text, reference, { timeZone: options.timeZone, asking: options.asking });
  const clean: Partial<ReportFields> = {};
  for (const [field, value] of Object.entries(update) as Array<[keyof ReportFields, unknown]>) {
    if (value !== undefined && value !== null && value !== "") (clean as Record<string, unknown>)[field] = value;
  }
  return clean;
}

function unionMissing(reports: ReportFields[]): string[] {
  const seen = new Set<string>();
  for (const report of reports) for (const field of missingFields(report)) seen.add(field);
  return [...seen];
}

/** An answer that names a day still ahead (明天, 下周六): nothing to report yet. */
export function namesFutureDay(text: string, reference: Date, options: ReadOptions): boolean {
  const resolution = resolveDate(text, localMoment(reference, options.timeZone));
  return resolution.planned || resolution.problem === "future";
}
