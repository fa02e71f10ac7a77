/**
 * Scoring of a report set (eval/README.md, "reports_dev.jsonl"): report / not-a-report
 * accuracy, field accuracy over every expected field, and precision/recall/F1 of `missing`.
 * Pure: the caller reads the file and chooses the predictor (rules, or rules + LLM).
 */
import type { Extraction } from "./extract/types.js";

export interface ReportItem {
  id: string;
  reference_datetime: string;
  messages: string[];
  expected: Record<string, unknown> & { is_report?: boolean; reports?: Array<Record<string, unknown>> };
  missing: string[];
  notes?: string;
  also_accept?: Record<string, unknown[]>;
}

export interface ScoreFailure {
  id: string;
  kind: "is_report" | "field" | "missing";
  field?: string;
  /** index of the report inside a multi-report item */
  report?: number;
  expected: unknown;
  actual: unknown;
}

export interface ReportScore {
  items: number;
  isReportAccuracy: number;
  fieldAccuracy: number;
  fieldsChecked: number;
  missingPrecision: number;
  missingRecall: number;
  missingF1: number;
  failures: ScoreFailure[];
}

/** One JSON object per non-empty line. */
export function parseReportItems(jsonl: string): ReportItem[] {
  return jsonl
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReportItem);
}

function expectedReports(item: ReportItem): Array<Record<string, unknown>> {
  if (item.expected.is_report === false) return [];
  return item.expected.reports ?? [item.expected];
}

/** Case, width, spaces and punctuation do not make two names different. */
export function normalizeName(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}

function namesMatch(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null || expected === undefined || actual === undefined) return expected === actual || (expected ?? null) === (actual ?? null);
  const left = normalizeName(String(expected));
  const right = normalizeName(String(actual));
  return left.length > 0 && right.length > 0 && (left.includes(right) || right.includes(left));
}

function numbersMatch(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null || expected === undefined || actual === undefined) return (expected ?? null) === (actual ?? null);
  return Math.abs(Number(expected) - Number(actual)) < 1e-6;
}

/** Title and description: present when expected, and sharing words with the expected text or the messages. */
function onTopic(expected: unknown, actual: unknown, messages: string): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (typeof actual !== "string" || actual.trim().length === 0) return false;
  const pairs = (text: string) => {
    const compact = normalizeName(text);
    const result = new Set<string>();
    for (let index = 0; index + 1 < compact.length; index += 1) result.add(compact.slice(index, index + 2));
    return result;
  };
  const mine = pairs(actual);
  const reference = new Set([...pairs(String(expected)), ...pairs(messages)]);
  if (mine.size === 0) return normalizeName(`${String(expected)}${messages}`).includes(normalizeName(actual));
  return [...mine].some((pair) => reference.has(pair));
}

const NUMBER_FIELDS = new Set(["volunteers", "volunteer_hours", "beneficiaries", "photos"]);
const NAME_FIELDS = new Set(["organization", "location"]);
const FREE_FIELDS = new Set(["title", "description"]);

export function fieldMatches(field: string, expected: unknown, actual: unknown, item: ReportItem): boolean {
  const alternatives = [expected, ...(item.also_accept?.[field] ?? [])];
  return alternatives.some((candidate) => {
    if (NUMBER_FIELDS.has(field)) return numbersMatch(candidate, actual);
    if (NAME_FIELDS.has(field)) return namesMatch(candidate, actual);
    if (FREE_FIELDS.has(field)) return onTopic(candidate, actual, item.messages.join("\n"));
    return (candidate ?? null) === (actual ?? null);
  });
}

export function scorePredictions(items: ReportItem[], predictions: Extraction[]): ReportScore {
  const failures: ScoreFailure[] = [];
  let decisionsRight = 0;
  let fieldsRight = 0;
  let fieldsChecked = 0;
  let truePositives = 0;
  let predictedMissing = 0;
  let expectedMissing = 0;

  items.forEach((item, position) => {
    const prediction = predictions[position]!;
    const wanted = expectedReports(item);
    const isReport = wanted.length > 0;
    if (prediction.is_report === isReport) decisionsRight += 1;
    else failures.push({ id: item.id, kind: "is_report", expected: isReport, actual: prediction.is_report });

    wanted.forEach((expectedReport, index) => {
      const actualReport = (prediction.is_report ? prediction.reports[index] : undefined) as Record<string, unknown> | undefined;
      for (const [field, value] of Object.entries(expectedReport)) {
        fieldsChecked += 1;
        const actual = actualReport ? actualReport[field] : undefined;
        if (actualReport && fieldMatches(field, value, actual ?? null, item)) fieldsRight += 1;
        else failures.push({ id: item.id, kind: "field", field, report: index, expected: value, actual: actual ?? null });
      }
    });

    const expected = new Set(item.missing);
    const actual = new Set(prediction.is_report ? prediction.missing : []);
    const hits = [...actual].filter((field) => expected.has(field)).length;
    truePositives += hits;
    predictedMissing += actual.size;
    expectedMissing += expected.size;
    if (hits !== expected.size || hits !== actual.size) {
      failures.push({ id: item.id, kind: "missing", expected: [...expected], actual: [...actual] });
    }
  });

  const precision = predictedMissing === 0 ? 1 : truePositives / predictedMissing;
  const recall = expectedMissing === 0 ? 1 : truePositives / expectedMissing;
  return {
    items: items.length,
    isReportAccuracy: items.length === 0 ? 1 : decisionsRight / items.length,
    fieldAccuracy: fieldsChecked === 0 ? 1 : fieldsRight / fieldsChecked,
    fieldsChecked,
    missingPrecision: precision,
    missingRecall: recall,
    missingF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    failures,
  };
}

/** Scores `predict` (e.g. the rule extractor) on the items of a report set. */
export function scoreReports(
  items: ReportItem[],
  predict: (messages: string[], reference: Date, item: ReportItem) => Extraction,
): ReportScore {
  return scorePredictions(items, items.map((item) => predict(item.messages, new Date(item.reference_datetime), item)));
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The three figures README.md asks for, plus the failures when `verbose`. */
export function formatReportScore(score: ReportScore, verbose = false): string {
  const lines = [
    `report / not-a-report accuracy: ${percent(score.isReportAccuracy)} (${score.items} items)`,
    `field accuracy: ${percent(score.fieldAccuracy)} (${score.fieldsChecked} fields)`,
    `missing: precision ${percent(score.missingPrecision)}, recall ${percent(score.missingRecall)}, F1 ${percent(score.missingF1)}`,
  ];
  if (verbose) {
    for (const failure of score.failures) {
      const where = failure.field ? ` ${failure.field}${failure.report ? `[${failure.report}]` : ""}` : "";
      lines.push(`  ${failure.id} ${failure.kind}${where}: expected ${JSON.stringify(failure.expected)}, got ${JSON.stringify(failure.actual)}`);
    }
  }
  return lines.join("\n");
}
