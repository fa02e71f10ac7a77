/**
 * The stored report record: the fields of eval/REPORTS.md plus review metadata, and the column
 * order and Chinese headers every export uses.
 */
import { CATEGORIES, emptyReport, type ReportFields } from "./extract/index.js";

export type ReportStatus = "submitted" | "approved" | "returned";

export interface StoredReport extends ReportFields {
  id: string;
  status: ReportStatus;
  /** Why staff returned it (status "returned"). */
  return_reason: string | null;
  /** Chat key where it was reported; the reporter is told about reviews there. */
  chat: string;
  /** User key of the reporter, or FORGOTTEN after /forgetme. */
  reporter: string;
  reporter_name: string | null;
  created_at: string;
  updated_at: string;
}

/** The reporter of a report whose author asked to be forgotten (/forgetme). */
export const FORGOTTEN = "anonymous";

/** The REPORTS.md fields, in their documented order. */
export const REPORT_FIELDS = Object.keys(emptyReport()) as Array<keyof ReportFields>;

/** Export columns: key and Chinese header, one row per report. */
export const EXPORT_COLUMNS: Array<[keyof StoredReport, string]> = [
  ["id", "编号"],
  ["status", "状态"],
  ["organization", "组织"],
  ["title", "活动名称"],
  ["category", "类别"],
  ["date", "日期"],
  ["start_time", "开始时间"],
  ["end_time", "结束时间"],
  ["location", "地点"],
  ["volunteers", "志愿者人数"],
  ["volunteer_hours", "志愿服务时长（人·小时）"],
  ["beneficiaries", "服务对象人数"],
  ["description", "活动内容"],
  ["photos", "照片数"],
  ["reporter_name", "上报人"],
  ["reporter", "上报人账号"],
  ["chat", "群聊"],
  ["created_at", "上报时间"],
  ["return_reason", "退回原因"],
];

/** First cell of the exports' last row, which sums the columns above it. */
export const exportTotalLabel = (count: number) => `合计（${count}条）`;

/** Keeps only the schema's fields (privacy: nothing else from the chat is stored). */
export function pickFields(report: Partial<ReportFields>): ReportFields {
  const clean = emptyReport();
  for (const field of REPORT_FIELDS) {
    const value = report[field];
    if (value !== undefined) (clean as unknown as Record<string, unknown>)[field] = value;
  }
  if (clean.category !== null && !(CATEGORIES as readonly string[]).includes(clean.category)) clean.category = "其他";
  clean.photos = Number.isFinite(clean.photos) ? clean.photos : 0;
  return clean;
}

/** The public JSON shape of GET /api/reports: REPORTS.md fields plus id, status, chat, reporter, created_at. */
export function publicReport(report: StoredReport): Record<string, unknown> {
  return {
    id: report.id,
    status: report.status,
    ...pickFields(report),
    chat: report.chat,
    reporter: report.reporter,
    reporter_name: report.reporter_name,
    created_at: report.created_at,
    updated_at: report.updated_at,
    return_reason: report.return_reason,
  };
}
