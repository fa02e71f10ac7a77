/** Staff commands: /reports, /approve, /return, /stats, /export. */
import { UserError } from "../../core/errors.js";
import { answer, type Outcome, type Turn } from "../../core/feature.js";
import type { Outbox } from "../../core/outbox.js";
import type { ChatDirectory } from "../../core/chats.js";
import type { Corrections } from "./resubmit.js";
import { chatNames, exportName, exportReports, type ExportFormat } from "./export.js";
import { FORGOTTEN, type StoredReport } from "./fields.js";
import { computeStats, formatStats } from "./stats.js";
import { localDate, normalizeId, type ReportStore } from "./store.js";

export interface ReviewDeps {
  store: ReportStore;
  outbox: Outbox;
  timeZone: string;
  exportFormat: ExportFormat;
  /** Group names for exports; reporters' private chats for review notices. */
  chats: ChatDirectory;
  corrections: Corrections;
}

const LIST_LIMIT = 10;

/** "2026-03", "2026/3", "2026年3月" → "2026-03"; anything else undefined. */
export function parseMonth(text: string): string | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${String(month).padStart(2, "0")}` : undefined;
}

/** 11月 (the latest November up to now), 本月, 上月 — against the current month YYYY-MM. */
export function relativeMonth(text: string, current: string): string | undefined {
  const [year, month] = current.split("-").map(Number) as [number, number];
  const shift = (by: number) => {
    const index = year * 12 + (month - 1) + by;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  };
  if (/^(本月|这个?月|当月)$/.test(text)) return current;
  if (/^(上个?月)$/.test(text)) return shift(-1);
  const named = /^(\d{1,2})月(份)?$/.exec(text);
  if (!named) return undefined;
  const wanted = Number(named[1]);
  if (wanted < 1 || wanted > 12) return undefined;
  return wanted <= month ? `${year}-${String(wanted).padStart(2, "0")}` : `${year - 1}-${String(wanted).padStart(2, "0")}`;
}

function line(turn: Turn, report: StoredReport): string {
  return turn.t("reports.review.line", {
    id: report.id,
    status: turn.t(`reports.status.${report.status}`),
    date: report.date ?? "?",
    organization: report.organization ?? "?",
    title: report.title ?? "?",
    volunteers: report.volunteers ?? "?",
    hours: report.volunteer_hours ?? "?",
  });
}

export async function listReports(turn: Turn, deps: ReviewDeps): Promise<Outcome> {
  const all = /^(?:all|全部|所有)$/i.test(turn.command!.args);
  const reports = all ? await deps.store.list() : await deps.store.list({ status: "submitted" });
  if (reports.length === 0) return answer(turn, turn.t(all ? "reports.review.none" : "reports.review.nonePending"));
  // Newest last is how chats read; show the latest ones.
  const shown = reports.slice(-LIST_LIMIT);
  const heading = turn.t(all ? "reports.review.headingAll" : "reports.review.headingPending", { count: reports.length, shown: shown.length });
  return answer(turn, [heading, ...shown.map((report) => line(turn, report)), turn.t("reports.review.hint")].join("\n"));
}

async function find(deps: ReviewDeps, raw: string | undefined): Promise<StoredReport> {
  if (!raw) throw new UserError("reports.review.needId");
  const report = await deps.store.get(raw);
  if (!report) throw new UserError("reports.review.notFound", { id: normalizeId(raw) });
  return report;
}

/**
 * Tells the reporter about a review, privately where a private chat is known; otherwise in the
 * report's group with `groupText`, which must say nothing the group should not read.
 */
async function tellReporter(deps: ReviewDeps, report: StoredReport, privateText: string, groupText: string, event: string): Promise<"private" | "group" | "none"> {
  if (report.reporter === FORGOTTEN) return "none";
  const once = `report-${event}:${report.id}:${report.updated_at}`;
  const direct = await deps.chats.privateChatOf(report.reporter);
  if (direct) {
    const result = await deps.outbox.send({ chat: direct, text: privateText, once });
    if (result.status === "sent" || result.status === "duplicate") return "private";
  }
  const mention = report.reporter_name ? { key: report.reporter, name: report.reporter_name } : undefined;
  const result = await deps.outbox.send({ chat: report.chat, text: groupText, mention, once: `${once}:group` });
  return result.status === "sent" || result.status === "duplicate" ? "group" : "none";
}

const noticeParams = (report: StoredReport) => ({ id: report.id, title: report.title ?? "", date: report.date ?? "" });

export async function approve(turn: Turn, deps: ReviewDeps): Promise<Outcome> {
  const ids = turn.command!.args.split(/[\s,，、]+/).filter(Boolean);
  if (ids.length === 0) throw new UserError("reports.review.needId");
  const done: string[] = [];
  const already: string[] = [];
  for (const raw of ids) {
    const report = await find(deps, raw);
    if (report.status === "approved") {
      already.push(report.id);
      continue;
    }
    const updated = (await deps.store.update(report.id, { status: "approved", return_reason: null }, turn.now))!;
    const notice = turn.t("reports.review.approvedNotice", noticeParams(updated));
    // Good news may be said in the group when there is no private chat.
    await tellReporter(deps, updated, notice, notice, "approved");
    done.push(report.id);
  }
  const lines = [];
  if (done.length > 0) lines.push(turn.t("reports.review.approved", { ids: done.join("、") }));
  if (already.length > 0) lines.push(turn.t("reports.review.alreadyApproved", { ids: already.join("、") }));
  return answer(turn, lines.join("\n"));
}

export async function returnReport(turn: Turn, deps: ReviewDeps): Promise<Outcome> {
  const [raw, ...rest] = turn.command!.args.split(/\s+/);
  const reason = rest.join(" ").trim();
  const report = await find(deps, raw);
  if (!reason) throw new UserError("reports.review.needReason");
  const updated = (await deps.store.update(report.id, { status: "returned", return_reason: reason }, turn.now))!;
  // The reason is for the reporter alone: privately, with the way to correct it; the group only hears there is something to fix.
  const notice = turn.t("reports.review.returnedNotice", { ...noticeParams(updated), reason });
  const pointer = turn.t("reports.review.returnedPointer", noticeParams(updated));
  const direct = updated.reporter === FORGOTTEN ? undefined : await deps.chats.privateChatOf(updated.reporter);
  if (direct) await deps.corrections.open(direct, updated);
  const told = await tellReporter(deps, updated, notice, pointer, "returned");
  const key = told === "private" ? "reports.review.returned" : told === "group" ? "reports.review.returnedInGroup" : "reports.review.returnedUntold";
  return answer(turn, turn.t(key, { id: updated.id }));
}

function monthAndFormat(turn: Turn, deps: ReviewDeps): { month: string; format: ExportFormat } {
  let month = localDate(turn.now, deps.timeZone).slice(0, 7);
  let format = deps.exportFormat;
  for (const word of turn.command!.args.split(/\s+/).filter(Boolean)) {
    const asMonth = parseMonth(word) ?? relativeMonth(word, month);
    if (asMonth) month = asMonth;
    else if (/^(?:csv|xlsx|excel)$/i.test(word)) format = word.toLowerCase() === "csv" ? "csv" : "xlsx";
    else throw new UserError("reports.review.badArgs", { word });
  }
  return { month, format };
}

export async function stats(turn: Turn, deps: ReviewDeps): Promise<Outcome> {
  const { month } = monthAndFormat(turn, deps);
  const reports = await deps.store.list({ month });
  return answer(turn, formatStats(turn.t, computeStats(reports, month, turn.t("reports.stats.unnamed"))));
}

export async function exportCommand(turn: Turn, deps: ReviewDeps): Promise<Outcome> {
  const { month, format } = monthAndFormat(turn, deps);
  const reports = await deps.store.list({ month });
  const file = await exportReports(reports, format, { timeZone: deps.timeZone, chatNames: await chatNames(deps.chats, reports) });
  const name = exportName(month, file.extension);
  return answer(turn, turn.t("reports.export.ready", { month, count: reports.length, name }), { file: { name, mimeType: file.mimeType, data: file.data } });
}
