/**
 * The pieces of the report dialog that every turn shares: the step's input and output types,
 * taking a description, asking the next missing field or showing the summary.
 */
import type { Translate } from "../../core/i18n.js";
import type { TurnClassifier } from "./turns.js";
import { isConfidentReport, type Extraction, type ReportFields } from "./extract/index.js";
import { isCorrection } from "./extract/pipeline.js";
import { summarize, firstMissing, question } from "./describe.js";
import { DRAFT_VERSION, type Draft } from "./draft.js";
import { cleanName, dayPartOf, hoursEach, isSameTeam } from "./corrections.js";
import { WHICH, splitIntent } from "./dialog-words.js";
import { deriveMissing, readInsisted, readReports, SERVICE } from "./extraction.js";

export type DialogEvent =
  /** A report starts: /report (text may be empty) or a report-like message. */
  | { kind: "start"; text: string; photos: number; sentAt: Date; chat: string; group: boolean; user: string; userName: string; organization?: string; extraction?: Extraction; earlierPhotos?: number }
  /** The reporter's next message. */
  | { kind: "message"; text: string; photos: number; sentAt: Date; extraction?: Extraction }
  /** Stored reports that look the same as the ones being submitted. */
  | { kind: "duplicates"; indices: number[]; pending: number[]; matches: string[] }
  /** The submitted reports were stored under these ids. */
  | { kind: "stored"; indices: number[]; ids: string[] };

export type MessageEvent = Extract<DialogEvent, { kind: "message" }>;

export interface DialogInput {
  event: DialogEvent;
  t: Translate;
  timeZone: string;
  /** Reads the kind of each turn; the shipped model when absent. */
  turns?: TurnClassifier;
}

export interface StepResult {
  draft?: Draft;
  replies: string[];
  /** Reports (indices into draft.reports) to store now; `force` skips the duplicate check. */
  submit?: { indices: number[]; force: boolean };
  /** A correction of a report already stored: these fields replace the stored ones, if not yet approved. */
  amend?: { id: string; fields: ReportFields };
  /** The message was not about the report (a question to the bot): let other features answer it. */
  unrelated?: boolean;
  /** Small talk: the draft is unchanged; in a group the bot answers it only when mentioned. */
  aside?: boolean;
}

export function joinLines(...parts: Array<string | undefined>): string {
  return parts.filter((part) => part !== undefined && part !== "").join("\n");
}

/** A draft waiting for the description, for this chat and person. */
export function freshDraft(base: Pick<Draft, "chat" | "user" | "userName" | "group" | "organization">, sentAt: Date, now: Date, pendingPhotos = 0): Draft {
  return {
    v: DRAFT_VERSION,
    chat: base.chat,
    user: base.user,
    userName: base.userName,
    group: base.group,
    reference: sentAt.toISOString(),
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    reports: [],
    approximate: [],
    asking: { kind: "content" },
    organization: base.organization,
    pendingPhotos,
  };
}

/** What the bot is waiting for, asked again after a side remark. */
export function pendingPrompt(draft: Draft, t: Translate): string {
  if (draft.asking.kind === "field") return question(t, draft.reports, draft.asking.index, draft.asking.field);
  if (draft.asking.kind === "content") return t("reports.ask.contentAgain");
  return t("reports.confirm.short");
}

/**
 * The description of the activity: extract, fill the organization, ask or summarise. `sameTeam`
 * is the team a back-reference (同一个队, 还是我们队) stands for.
 */
export function takeContent(draft: Draft, raw: string, photos: number, sentAt: Date, input: DialogInput, given?: Extraction, sameTeam?: string): StepResult {
  const { rest, intent } = splitIntent(raw);
  const text = rest;
  // 你好 我来报个活动: the wish alone; wait for the description.
  if (intent && text.replace(/\[图片\]/g, "").trim() === "") {
    return { draft: { ...draft, asking: { kind: "content" }, pendingPhotos: (draft.pendingPhotos ?? 0) + photos }, replies: [input.t("reports.ask.content")] };
  }
  const extraction = given && !intent ? given : readReports([text], sentAt, { timeZone: input.timeZone });
  const taken = extraction.is_report && extraction.reports.length > 0;
  const reports = taken ? extraction.reports.map((report) => ({ ...report })) : [readInsisted(text, sentAt, input)];
  // 你好, 在吗: nothing about an activity yet; keep waiting for the description.
  if (!taken && !hasFacts(reports[0]!) && !SERVICE.test(text)) {
    return { draft: { ...draft, asking: { kind: "content" }, pendingPhotos: (draft.pendingPhotos ?? 0) + photos }, replies: [joinLines(input.t("reports.notUnderstood"), input.t("reports.ask.contentAgain"))] };
  }
  for (const report of reports) report.organization = isSameTeam(report.organization) ? (sameTeam ?? null) : cleanName(report.organization);
  // One message, several activities, one team named once: it ran them all.
  const named = [...new Set(reports.map((report) => report.organization).filter((name): name is string => name !== null))];
  const shared = named.length === 1 ? named[0] : draft.organization;
  for (const report of reports) if (report.organization === null && shared) report.organization = shared;
  // Photos of the first message (and captionless ones sent before it) belong to the first activity.
  const extra = (draft.pendingPhotos ?? 0) + (/\[图片\]/.test(raw) ? 0 : photos);
  reports[0]!.photos += extra;
  const each = reports.length === 1 && reports[0]!.volunteer_hours === null ? hoursEach(text) : undefined;
  const next: Draft = { ...draft, reference: sentAt.toISOString(), reports, approximate: extraction.approximate ?? [], pendingPhotos: 0, dayPart: dayPartOf(text), hoursEach: each === undefined ? undefined : { 0: each } };
  return advance(next, input, input.t("reports.started"));
}

/** Asks the next missing field, or shows the summary to confirm. */
export function advance(draft: Draft, input: DialogInput, lead?: string): StepResult {
  const { t } = input;
  // Hours each, told earlier, give the total as soon as the head count is known.
  const withHours = (report: ReportFields, index: number): ReportFields => {
    const each = draft.hoursEach?.[index];
    return each !== undefined && report.volunteer_hours === null && report.volunteers !== null ? { ...report, volunteer_hours: Math.round(each * report.volunteers * 100) / 100 } : report;
  };
  draft = { ...draft, reports: draft.reports.map((report, index) => deriveMissing(withHours(report, index))) };
  const missing = firstMissing(draft.reports, draft.skipped);
  if (missing) {
    const next: Draft = { ...draft, asking: { kind: "field", ...missing } };
    return { draft: next, replies: [joinLines(lead, question(t, draft.reports, missing.index, missing.field))] };
  }
  const prompt = t(draft.reports.length > 1 ? "reports.confirm.many" : "reports.confirm.one");
  const next: Draft = { ...draft, asking: { kind: "confirm" } };
  return { draft: next, replies: [joinLines(lead, summarize(t, draft.reports, draft.approximate), prompt)] };
}

/**
 * A complete report of a different activity sent before the first was confirmed (two reports in
 * a row): it joins the draft as one more report instead of overwriting the first.
 */
export function anotherActivity(draft: Draft, event: MessageEvent, input: DialogInput): StepResult | undefined {
  if (isCorrection(event.text) || WHICH.test(event.text)) return undefined;
  const fresh = readReports([splitIntent(event.text).rest], event.sentAt, { timeZone: input.timeZone });
  if (!isConfidentReport(fresh)) return undefined;
  const same = (left: ReportFields, right: ReportFields) => left.title === right.title || (left.date === right.date && left.location === right.location);
  if (fresh.reports.some((report) => draft.reports.some((existing) => same(existing, report)))) return undefined;
  const known = draft.reports[0]?.organization ?? draft.organization ?? null;
  const reports = fresh.reports.map((report) => ({ ...report, organization: report.organization && !isSameTeam(report.organization) ? cleanName(report.organization) : known }));
  const photos = /\[图片\]/.test(event.text) ? 0 : event.photos;
  reports[0]!.photos += photos;
  return advance({ ...draft, reports: [...draft.reports, ...reports] }, input, input.t("reports.added"));
}

export function addPhotos(draft: Draft, count: number, input: DialogInput): StepResult {
  const { t } = input;
  const index = draft.asking.kind === "field" ? draft.asking.index : 0;
  const reports = draft.reports.map((report, position) => (position === index ? { ...report, photos: report.photos + count } : report));
  const total = reports[index]!.photos;
  return { draft: { ...draft, reports }, replies: [joinLines(t("reports.photos.added", { count, total }), pendingPrompt({ ...draft, reports }, t))] };
}

function hasFacts(report: ReportFields): boolean {
  return [report.date, report.organization, report.location, report.volunteers, report.volunteer_hours, report.start_time].some((value) => value !== null);
}
