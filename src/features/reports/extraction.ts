/**
 * The one way the chat, the `extract` CLI and the benchmark read reports, so that all three
 * behave the same. Wraps the rule-based extractor (extract/) and normalises its output.
 */
import { emptyReport, extractReports, missingFields, type Extraction, type ReportFields } from "./extract/index.js";
import { extractFollowUp } from "./extract/index.js";
import { extractReportsWithLlm } from "./extract/llm.js";
import type { Llm } from "../../ports/llm.js";
import { pickFields } from "./fields.js";

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
  return pickFields(report);
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
