/**
 * CSV (UTF-8 with BOM, so Excel reads Chinese) and XLSX (exceljs) exports, one row per report and
 * a totals row. Both show the same things: times in the park's time zone, the group's name rather
 * than its internal key; XLSX keeps dates and times as real date/time cells so they sort and sum.
 */
import { EXPORT_COLUMNS, exportTotalLabel, type StoredReport } from "./fields.js";

export type ExportFormat = "csv" | "xlsx";

export interface ExportContext {
  /** The park's time zone: 上报时间 is shown as a clock there reads it. */
  timeZone: string;
  /** Chat key → the group's name, from the chat directory. Unknown chats show their key. */
  chatNames?: ReadonlyMap<string, string>;
}

const STATUS_NAMES: Record<string, string> = { submitted: "待审核", approved: "已通过", returned: "已退回" };
/** Columns summed in the totals row. */
const SUMMED = new Set<keyof StoredReport>(["volunteers", "volunteer_hours", "beneficiaries", "photos"]);

type Value = string | number | Date | null;

/** "2026-03-16T15:17:12Z" in Asia/Shanghai → { date: "2026-03-16", time: "23:17" }. */
export function wallClock(iso: string, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The value a person reads in a cell, as text for CSV (XLSX converts dates and times below). */
function cell(report: StoredReport, key: keyof StoredReport, context: ExportContext): string | number | null {
  const value = report[key];
  if (key === "status") return STATUS_NAMES[value as string] ?? (value as string);
  if (value === undefined || value === null) return null;
  if (key === "chat") return context.chatNames?.get(value as string) ?? (value as string);
  if (key === "created_at") {
    const local = wallClock(value as string, context.timeZone);
    return `${local.date} ${local.time}`;
  }
  return value as string | number;
}

function totals(reports: StoredReport[]): Map<keyof StoredReport, number> {
  const sums = new Map<keyof StoredReport, number>();
  for (const key of SUMMED) sums.set(key, reports.reduce((sum, report) => sum + (Number(report[key]) || 0), 0));
  return sums;
}

/** The totals row, in column order: the label with the report count first, sums under their columns. */
function totalRow(reports: StoredReport[]): Value[] {
  const sums = totals(reports);
  return EXPORT_COLUMNS.map(([key], index) => {
    if (index === 0) return exportTotalLabel(reports.length);
    const sum = sums.get(key);
    return sum === undefined ? null : Math.round(sum * 10) / 10;
  });
}

export function toCsv(reports: StoredReport[], context: ExportContext): Buffer {
  const rows: Value[][] = [EXPORT_COLUMNS.map(([, header]) => header), ...reports.map((report) => EXPORT_COLUMNS.map(([key]) => cell(report, key, context)))];
  if (reports.length > 0) rows.push(totalRow(reports));
  const text = rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  return Buffer.from(`\uFEFF${text}`, "utf8");
}

function csvField(value: Value): string {
  if (value === null) return "";
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in Excel (CSV injection).
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Excel cells carry no time zone: a Date whose UTC fields are the wall-clock reading shows that reading. */
function excelDate(date: string, time = "00:00"): Date {
  return new Date(`${date}T${time}:00Z`);
}

/** HH:MM as Excel's time of day (a fraction of a day), shown with an hh:mm format. */
function excelTime(time: string): number {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return (hours * 60 + minutes) / 1440;
}

const FORMATS: Partial<Record<keyof StoredReport, string>> = { date: "yyyy-mm-dd", start_time: "hh:mm", end_time: "hh:mm", created_at: "yyyy-mm-dd hh:mm", volunteer_hours: "0.0" };
/** Too narrow a column shows a date as ####; names and descriptions need room to be read. */
const WIDTHS: Partial<Record<keyof StoredReport, number>> = { id: 15, organization: 26, title: 18, date: 12, created_at: 17, location: 18, description: 30, chat: 18 };

function xlsxCell(report: StoredReport, key: keyof StoredReport, context: ExportContext): Value {
  const value = report[key];
  if (typeof value === "string" && key === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return excelDate(value);
  if (typeof value === "string" && (key === "start_time" || key === "end_time") && /^\d{2}:\d{2}$/.test(value)) return excelTime(value);
  if (typeof value === "string" && key === "created_at") {
    const local = wallClock(value, context.timeZone);
    return excelDate(local.date, local.time);
  }
  return cell(report, key, context);
}

export async function toXlsx(reports: StoredReport[], context: ExportContext, sheetName = "活动上报"): Promise<Buffer> {
  // Loaded on first export: exceljs alone costs ~30 MB and most of a second at start-up.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "incubot";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({ header, key: String(key), width: WIDTHS[key] ?? Math.max(10, header.length * 2 + 2), style: FORMATS[key] ? { numFmt: FORMATS[key] } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const report of reports) sheet.addRow(EXPORT_COLUMNS.map(([key]) => xlsxCell(report, key, context)));
  if (reports.length > 0) sheet.addRow(totalRow(reports)).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportReports(reports: StoredReport[], format: ExportFormat, context: ExportContext): Promise<{ data: Buffer; mimeType: string; extension: string }> {
  if (format === "csv") return { data: toCsv(reports, context), mimeType: "text/csv; charset=utf-8", extension: "csv" };
  return { data: await toXlsx(reports, context), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" };
}

/** The names of the reports' chats, looked up once each in the chat directory. */
export async function chatNames(chats: { get(key: string): Promise<{ title?: string } | undefined> }, reports: StoredReport[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const key of new Set(reports.map((report) => report.chat))) {
    const title = (await chats.get(key))?.title;
    if (title) names.set(key, title);
  }
  return names;
}

/** File name of an export, e.g. 活动上报-2026-03.xlsx */
export function exportName(month: string | undefined, extension: string): string {
  return `活动上报-${month ?? "全部"}.${extension}`;
}
