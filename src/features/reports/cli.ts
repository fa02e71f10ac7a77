/**
 * Command-line pieces wired into src/cli.ts: `extract --jsonl` (DESIGN.md contract), `export`
 * and `eval-reports`. Same code paths as the chat; no network.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { Config } from "../../config/schema.js";
import { openStorage } from "../../ports/storage/index.js";
import { ChatDirectory } from "../../core/chats.js";
import { chatNames, exportReports } from "./export.js";
import { readReports } from "./extraction.js";
import { REPORT_FIELDS } from "./fields.js";
import { ReportStore } from "./store.js";
import type { Extraction } from "./extract/types.js";
import { formatReportScore, parseReportItems, scoreReports } from "./evaluate.js";

type Input = NodeJS.ReadableStream | AsyncIterable<string | Buffer> | string;
type Output = { write(chunk: string): unknown };

export interface Prediction {
  id: string | number | null;
  is_report: boolean;
  reports: Array<Record<string, unknown>>;
  missing: string[];
}

/** One output object per input object: {"id","is_report","reports":[…],"missing":[…]}. */
export function extractLine(item: { id?: unknown; reference_datetime?: unknown; messages?: unknown }, config: Pick<Config, "timeZone">): Prediction {
  const messages = Array.isArray(item.messages) ? item.messages.map(String) : typeof item.messages === "string" ? [item.messages] : [];
  const reference = typeof item.reference_datetime === "string" && !Number.isNaN(Date.parse(item.reference_datetime)) ? new Date(item.reference_datetime) : new Date();
  const extraction = readReports(messages, reference, { timeZone: config.timeZone });
  // Every field present, unknown ones null, in the documented order.
  const reports = extraction.reports.map((report) => Object.fromEntries(REPORT_FIELDS.map((field) => [field, report[field] ?? null])));
  return { id: (item.id as string | number | undefined) ?? null, is_report: extraction.is_report, reports, missing: missingOf(reports, extraction.missing) };
}

/**
 * The data format names a field missing in one of several reports as `reports[i].field`; a
 * single report keeps the bare names.
 */
function missingOf(reports: Array<Record<string, unknown>>, union: string[]): string[] {
  if (reports.length < 2) return union;
  return reports.flatMap((report, index) => union.filter((field) => report[field] === null).map((field) => `reports[${index}].${field}`));
}

/** Reads JSON lines, writes one line per non-blank input line (a broken line gets an error line). */
export async function runExtractJsonl(input: Input, output: Output, options: { config: Pick<Config, "timeZone"> }): Promise<number> {
  const stream = typeof input === "string" ? Readable.from([input]) : Readable.from(input as AsyncIterable<string | Buffer>);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let result: Prediction & { error?: string };
    try {
      result = extractLine(JSON.parse(line), options.config);
    } catch (error) {
      result = { id: null, is_report: false, reports: [], missing: [], error: (error as Error).message };
    }
    output.write(`${JSON.stringify(result)}\n`);
    count += 1;
  }
  return count;
}

/** Writes the month's reports (all when month is absent) to `out`; returns a one-line summary. */
export async function runExport(options: { month?: string; format: "csv" | "xlsx"; out: string; config: Pick<Config, "storage" | "timeZone"> }): Promise<string> {
  const storage = await openStorage(options.config.storage.url);
  try {
    const reports = await new ReportStore(storage, options.config.timeZone).list({ month: options.month });
    const file = await exportReports(reports, options.format, { timeZone: options.config.timeZone, chatNames: await chatNames(new ChatDirectory(storage), reports) });
    writeFileSync(options.out, file.data);
    return `已导出 ${reports.length} 条上报到 ${options.out} exported ${reports.length} reports`;
  } finally {
    await storage.close();
  }
}

/** Scores the extractor on an eval file (extract's evaluate.ts); returns the printed figures. */
export async function runEvalReports(file: string, options: { config: Pick<Config, "timeZone">; verbose?: boolean }): Promise<string> {
  const items = parseReportItems(readFileSync(file, "utf8"));
  // Scored through extractLine, the `extract --jsonl` contract the sealed set is judged by.
  const score = scoreReports(items, (messages, reference, item) => extractLine({ ...item, messages, reference_datetime: reference.toISOString() }, options.config) as unknown as Extraction);
  return formatReportScore(score, options.verbose ?? false);
}

/**
 * Scores each file in turn (a heading per file); a file that is absent is named, not thrown.
 * `missingFiles` counts them so the command can exit non-zero.
 */
export async function runEvalReportFiles(files: string[], options: { config: Pick<Config, "timeZone">; verbose?: boolean }): Promise<{ text: string; missingFiles: number }> {
  const parts: string[] = [];
  let missingFiles = 0;
  for (const file of files) {
    if (!existsSync(file)) {
      missingFiles += 1;
      parts.push(`== ${file}\nfile not found (文件不存在): ${file}`);
      continue;
    }
    parts.push(`== ${file}\n${await runEvalReports(file, options)}`);
  }
  return { text: parts.join("\n\n"), missingFiles };
}
