/** CSV (UTF-8 with BOM, so Excel reads Chinese) and XLSX (exceljs) exports, one row per report. */
import { EXPORT_COLUMNS, type StoredReport } from "./fields.js";

export type ExportFormat = "csv" | "xlsx";

const STATUS_NAMES: Record<string, string> = { submitted: "待审核", approved: "已通过", returned: "已退回" };

function cell(report: StoredReport, key: keyof StoredReport): string | number | null {
  const value = report[key];
  if (key === "status") return STATUS_NAMES[value as string] ?? (value as string);
  if (value === undefined || value === null) return null;
  return value as string | number;
}

export function toCsv(reports: StoredReport[]): Buffer {
  const rows = [EXPORT_COLUMNS.map(([, header]) => header), ...reports.map((report) => EXPORT_COLUMNS.map(([key]) => cell(report, key)))];
  const text = rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  return Buffer.from(`\uFEFF${text}`, "utf8");
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in Excel (CSV injection).
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function toXlsx(reports: StoredReport[], sheetName = "活动上报"): Promise<Buffer> {
  // Loaded on first export: exceljs alone costs ~30 MB and most of a second at start-up.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "incubot";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({ header, key: String(key), width: Math.max(10, header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const report of reports) sheet.addRow(Object.fromEntries(EXPORT_COLUMNS.map(([key]) => [key, cell(report, key)])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportReports(reports: StoredReport[], format: ExportFormat): Promise<{ data: Buffer; mimeType: string; extension: string }> {
  if (format === "csv") return { data: toCsv(reports), mimeType: "text/csv; charset=utf-8", extension: "csv" };
  return { data: await toXlsx(reports), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" };
}

/** File name of an export, e.g. 活动上报-2026-03.xlsx */
export function exportName(month: string | undefined, extension: string): string {
  return `活动上报-${month ?? "全部"}.${extension}`;
}
