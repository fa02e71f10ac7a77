/**
 * Optional LLM extraction. The model proposes, code decides: dates, times and hour arithmetic
 * always come from the rules; a name or place the model offers is kept only if it occurs in the
 * messages, a number only if it is written there. Without an LLM, or when it fails, the rule
 * result is returned unchanged.
 */
import { z } from "zod";
import type { Llm } from "../../../ports/llm.js";
import { DEFAULT_TIME_ZONE, formatMinutes, localMoment } from "./calendar.js";
import { extractReports, missingFields } from "./index.js";
import { numbersInText } from "./numbers.js";
import { analyze } from "./pipeline.js";
import { loadPrompt } from "./prompt.js";
import { compactForMatch, normalizeText } from "./text.js";
import { CATEGORIES, type Category, type ExtractOptions, type Extraction, type ReportFields, REQUIRED_FIELDS } from "./types.js";

const proposedReport = z.object({
  organization: z.string().nullable(),
  title: z.string().nullable(),
  category: z.string().nullable(),
  date: z.string().nullable(),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
  location: z.string().nullable(),
  volunteers: z.number().nullable(),
  volunteer_hours: z.number().nullable(),
  beneficiaries: z.number().nullable(),
  description: z.string().nullable(),
  photos: z.number().nullable(),
});

/** What the model is asked to return; every field nullable (the port's structured-output rule). */
export const reportProposalSchema = z.object({
  is_report: z.boolean().nullable(),
  reports: z.array(proposedReport).nullable(),
});

export type ReportProposal = z.infer<typeof reportProposalSchema>;
export type ProposedReport = z.infer<typeof proposedReport>;

export interface LlmExtractOptions extends ExtractOptions {
  timeoutMs?: number;
}

/** Rules first; the LLM fills what the rules left unknown, under the checks of mergeLlmProposal. */
export async function extractReportsWithLlm(
  llm: Llm | undefined,
  messages: string[],
  reference: Date,
  options: LlmExtractOptions = {},
): Promise<Extraction> {
  const rules = extractReports(messages, reference, options);
  if (!llm || !rules.is_report) return rules;
  try {
    const proposal = await llm.completeJson({
      messages: [
        { role: "system", content: loadPrompt("report-extraction") },
        { role: "user", content: userTurn(messages, reference, options.timeZone ?? DEFAULT_TIME_ZONE) },
      ],
      schema: reportProposalSchema,
      schemaName: "report_extraction",
      timeoutMs: options.timeoutMs ?? 20_000,
    });
    return mergeLlmProposal(rules, proposal, messages, reference, options);
  } catch {
    // The LLM is an improvement, never a requirement: keep the rule result.
    return rules;
  }
}

function userTurn(messages: string[], reference: Date, timeZone: string): string {
  const now = localMoment(reference, timeZone);
  const day = `${now.date.year}-${String(now.date.month).padStart(2, "0")}-${String(now.date.day).padStart(2, "0")}`;
  return JSON.stringify({ reference: `${day} ${formatMinutes(now.minutes)} (${timeZone})`, messages });
}

function occursIn(value: string, haystack: string): boolean {
  const needle = compactForMatch(value);
  return needle.length >= 2 && haystack.includes(needle);
}

function cleanText(value: string | null, limit: number): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed.length > 0 && trimmed.length <= limit ? trimmed : null;
}

/**
 * Merges a model's proposal into the rule extraction. The rules decide whether this is a report,
 * how many reports there are, the date, the times and the hours.
 */
export function mergeLlmProposal(
  rules: Extraction,
  proposal: ReportProposal | null,
  messages: string[],
  reference: Date,
  options: ExtractOptions = {},
): Extraction {
  if (!rules.is_report || !proposal?.reports?.length) return rules;
  const text = normalizeText(messages.join("\n"));
  const haystack = compactForMatch(text);
  const written = new Set(numbersInText(text));
  const analysis = analyze(messages, localMoment(reference, options.timeZone ?? DEFAULT_TIME_ZONE));

  const reports = rules.reports.map((report, index): ReportFields => {
    const offered = proposal.reports![index];
    if (!offered) return report;
    const merged: ReportFields = { ...report };
    if (merged.organization === null && offered.organization && occursIn(offered.organization, haystack)) {
      merged.organization = offered.organization.trim();
    }
    if (merged.location === null && offered.location && occursIn(offered.location, haystack)) {
      merged.location = offered.location.trim();
    }
    merged.title = cleanText(offered.title, 40) ?? merged.title;
    merged.description = cleanText(offered.description, 120) ?? merged.description;
    if ((merged.category === null || merged.category === "其他") && CATEGORIES.includes(offered.category as Category)) {
      merged.category = offered.category as Category;
    }
    if (merged.volunteers === null && isWritten(offered.volunteers, written)) {
      merged.volunteers = offered.volunteers;
      // Hours stay rule arithmetic: each person's time from the rules × the accepted count.
      const perPerson = analysis.drafts[index]?.hours.perPersonHours ?? null;
      if (merged.volunteer_hours === null && perPerson !== null && !analysis.drafts[index]?.hours.contradiction) {
        merged.volunteer_hours = Math.round(perPerson * merged.volunteers! * 100) / 100;
      }
    }
    if (merged.beneficiaries === null && isWritten(offered.beneficiaries, written)) merged.beneficiaries = offered.beneficiaries;
    return merged;
  });
  const missing = new Set(reports.flatMap(missingFields));
  return { ...rules, reports, missing: REQUIRED_FIELDS.filter((field) => missing.has(field)) };
}

function isWritten(value: number | null, written: Set<number>): value is number {
  return value !== null && Number.isInteger(value) && value > 0 && written.has(value);
}
