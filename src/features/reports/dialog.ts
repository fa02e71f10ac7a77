/**
 * The report conversation as a pure function over a persisted draft:
 * `step(draft, input, now) → { draft?, replies, submit? }`. It reads answers with the
 * extractor and never touches storage; the feature stores what `submit` names and tells the
 * step what happened (duplicates found, reports stored).
 */
import type { Translate } from "../../core/i18n.js";
import { emptyReport, type Extraction, type ReportFields } from "./extract/index.js";
import { summarize, firstMissing, question } from "./describe.js";
import { DRAFT_VERSION, type Draft } from "./draft.js";
import { readAnswer, readInsisted, readReports } from "./extraction.js";

export type DialogEvent =
  /** A report starts: /report (text may be empty) or a report-like message. */
  | { kind: "start"; text: string; photos: number; sentAt: Date; chat: string; group: boolean; user: string; userName: string; organization?: string; extraction?: Extraction }
  /** The reporter's next message. */
  | { kind: "message"; text: string; photos: number; sentAt: Date; extraction?: Extraction }
  /** Stored reports that look the same as the ones being submitted. */
  | { kind: "duplicates"; indices: number[]; pending: number[]; matches: string[] }
  /** The submitted reports were stored under these ids. */
  | { kind: "stored"; indices: number[]; ids: string[] };

export interface DialogInput {
  event: DialogEvent;
  t: Translate;
  timeZone: string;
}

export interface StepResult {
  draft?: Draft;
  replies: string[];
  /** Reports (indices into draft.reports) to store now; `force` skips the duplicate check. */
  submit?: { indices: number[]; force: boolean };
  /** The message was not about the report (a question to the bot): let other features answer it. */
  unrelated?: boolean;
}

const CONFIRM = /^(?:确认|确定|确认无误|对|对的|没错|没问题|ok|okay|好|好的|是|是的|可以|行|提交|登记|yes|y)(?:登记|提交)?$/i;
const CANCEL = /^(?:取消|算了|不报了|不用了|不要了|不登记了?|撤销|作废|cancel)$/i;
const RESTART = /^(?:重新来|重来|重新填|重新开始|重新报|从头来|restart)$/i;
const REJECT = /^(?:不对|不是|错了|有错|不正确|不行|no)$/i;
const FORCE = /^(?:仍然登记|仍要登记|还是登记|继续登记|照样登记|要登记|确认登记|登记|是|是的|确认|对)$/;
const KEEP_OUT = /^(?:不登记|不用登记|不要登记|否|不是|不用|不要|取消|算了)$/;
const NUMERALS = "一二三四五六七八九";
const QUESTION = /[?？]|请问|吗$|怎么|如何|什么时候|哪里能|能不能|可不可以/;

/** The text with punctuation, spaces and emoji removed, for matching control words. */
function bare(text: string): string {
  return text.replace(/[\s,，.。!！~～、…?？👌👍🙏]+/gu, "").toLowerCase();
}

function numberIn(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const token = match[1]!;
  const value = /\d/.test(token) ? Number(token) : NUMERALS.indexOf(token) + 1;
  return value >= 1 ? value - 1 : undefined;
}

const WHICH = /第\s*([1-9一二三四五六七八九])\s*(?:条|个|项)/;
const CONFIRM_ONE = /^(?:确认|确定|登记|提交)第?([1-9一二三四五六七八九])(?:条|个|项)?$/;
const DROP_ONE = /^(?:(?:删除|去掉|不要|取消)第?([1-9一二三四五六七八九])(?:条|个|项)?|第([1-9一二三四五六七八九])(?:条|个|项)(?:不要了?|删除|删掉|去掉|取消|不报了?))$/;

export function step(draft: Draft | undefined, input: DialogInput, now: Date): StepResult {
  const { event, t } = input;
  if (event.kind === "start") return start(event, input, now);
  if (!draft) return { replies: [] };
  const touched: Draft = { ...draft, updatedAt: now.toISOString() };
  if (event.kind === "duplicates") {
    const next: Draft = { ...touched, asking: { kind: "duplicate", indices: event.indices, pending: event.pending, matches: event.matches } };
    return { draft: next, replies: [t("reports.duplicate.ask", { ids: event.matches.join("、") })] };
  }
  if (event.kind === "stored") {
    const remaining = touched.reports.filter((_, index) => !event.indices.includes(index));
    const stored = t("reports.stored", { ids: event.ids.join("、") });
    if (remaining.length === 0) return { replies: [stored] };
    return advance({ ...touched, reports: remaining }, input, stored);
  }
  return answer(touched, event, input);
}

function start(event: Extract<DialogEvent, { kind: "start" }>, input: DialogInput, now: Date): StepResult {
  const draft: Draft = {
    v: DRAFT_VERSION,
    chat: event.chat,
    user: event.user,
    userName: event.userName,
    group: event.group,
    reference: event.sentAt.toISOString(),
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    reports: [],
    approximate: [],
    asking: { kind: "content" },
    organization: event.organization,
    pendingPhotos: event.photos,
  };
  if (event.text.trim() === "") return { draft, replies: [input.t("reports.ask.content")] };
  return takeContent(draft, event.text, event.photos, event.sentAt, input, event.extraction);
}

/** The first description of the activity: extract, fill the group's organization, ask or summarise. */
function takeContent(draft: Draft, text: string, photos: number, sentAt: Date, input: DialogInput, given?: Extraction): StepResult {
  const extraction = given ?? readReports([text], sentAt, { timeZone: input.timeZone });
  const reports = extraction.is_report && extraction.reports.length ? extraction.reports.map((report) => ({ ...report })) : [readInsisted(text, sentAt, input)];
  // One message, several activities, one team named once: it ran them all.
  const named = [...new Set(reports.map((report) => report.organization).filter((name): name is string => name !== null))];
  const shared = named.length === 1 ? named[0] : draft.organization;
  for (const report of reports) if (report.organization === null && shared) report.organization = shared;
  // Photos of the first message (and captionless ones sent before it) belong to the first activity.
  const extra = (draft.pendingPhotos ?? 0) + (/\[图片\]/.test(text) ? 0 : photos);
  reports[0]!.photos += extra;
  const next: Draft = { ...draft, reference: sentAt.toISOString(), reports, approximate: extraction.approximate ?? [], pendingPhotos: 0 };
  return advance(next, input, input.t("reports.started"));
}

/** Asks the next missing field, or shows the summary to confirm. */
function advance(draft: Draft, input: DialogInput, lead?: string): StepResult {
  const { t } = input;
  const missing = firstMissing(draft.reports);
  if (missing) {
    const next: Draft = { ...draft, asking: { kind: "field", ...missing } };
    return { draft: next, replies: [joinLines(lead, question(t, draft.reports, missing.index, missing.field))] };
  }
  const prompt = t(draft.reports.length > 1 ? "reports.confirm.many" : "reports.confirm.one");
  const next: Draft = { ...draft, asking: { kind: "confirm" } };
  return { draft: next, replies: [joinLines(lead, summarize(t, draft.reports, draft.approximate), prompt)] };
}

function joinLines(...parts: Array<string | undefined>): string {
  return parts.filter((part) => part !== undefined && part !== "").join("\n");
}

function answer(draft: Draft, event: Extract<DialogEvent, { kind: "message" }>, input: DialogInput): StepResult {
  const { t } = input;
  const word = bare(event.text);
  if (CANCEL.test(word) && draft.asking.kind !== "duplicate") return { replies: [t("reports.cancelled")] };
  if (RESTART.test(word)) {
    const fresh: Draft = { ...draft, reports: [], approximate: [], asking: { kind: "content" }, pendingPhotos: 0 };
    return { draft: fresh, replies: [t("reports.restarted")] };
  }
  const asking = draft.asking;
  if (asking.kind === "content") {
    if (word === "") return { draft: { ...draft, pendingPhotos: (draft.pendingPhotos ?? 0) + event.photos }, replies: [t("reports.photos.early", { count: event.photos })] };
    return takeContent(draft, event.text, event.photos, event.sentAt, input, event.extraction);
  }
  if (word === "" && event.photos > 0) return addPhotos(draft, event.photos, input);
  if (asking.kind === "duplicate") {
    if (FORCE.test(word)) return { draft, replies: [], submit: { indices: asking.pending, force: true } };
    if (KEEP_OUT.test(word)) {
      const remaining = draft.reports.filter((_, index) => !asking.indices.includes(index));
      const shift = (index: number) => index - asking.indices.filter((dropped) => dropped < index).length;
      const pending = asking.pending.filter((index) => !asking.indices.includes(index)).map(shift);
      if (remaining.length === 0) return { replies: [t("reports.duplicate.dropped")] };
      const kept: Draft = { ...draft, reports: remaining, asking: { kind: "confirm" } };
      if (pending.length) return { draft: kept, replies: [t("reports.duplicate.dropped")], submit: { indices: pending, force: true } };
      return advance(kept, input, t("reports.duplicate.dropped"));
    }
    return { draft, replies: [t("reports.duplicate.ask", { ids: asking.matches.join("、") })] };
  }
  if (asking.kind === "confirm") return confirmStep(draft, event, word, input);
  // Asking one field.
  if (CONFIRM.test(word) || REJECT.test(word)) return { draft, replies: [joinLines(t("reports.stillMissing"), question(t, draft.reports, asking.index, asking.field))] };
  const target = draft.reports.length > 1 ? (numberIn(event.text, WHICH) ?? asking.index) : 0;
  return correct(draft, target, event, input, target === asking.index ? asking.field : undefined);
}

function confirmStep(draft: Draft, event: Extract<DialogEvent, { kind: "message" }>, word: string, input: DialogInput): StepResult {
  const { t } = input;
  const all = draft.reports.map((_, index) => index);
  if (CONFIRM.test(word)) return { draft, replies: [], submit: { indices: all, force: false } };
  const one = numberIn(word, CONFIRM_ONE);
  if (one !== undefined && one < draft.reports.length) return { draft, replies: [], submit: { indices: [one], force: false } };
  const dropMatch = DROP_ONE.exec(word);
  if (dropMatch) {
    const drop = numberIn(dropMatch[1] ?? dropMatch[2]!, /([1-9一二三四五六七八九])/);
    if (drop !== undefined && drop < draft.reports.length) {
      const remaining = draft.reports.filter((_, index) => index !== drop);
      if (remaining.length === 0) return { replies: [t("reports.cancelled")] };
      return advance({ ...draft, reports: remaining }, input, t("reports.dropped", { number: drop + 1 }));
    }
  }
  if (REJECT.test(word)) return { draft, replies: [t("reports.whatToFix")] };
  let target = 0;
  if (draft.reports.length > 1) {
    const named = numberIn(event.text, WHICH);
    if (named === undefined || named >= draft.reports.length) return { draft, replies: [t("reports.whichOne")] };
    target = named;
  }
  return correct(draft, target, event, input, undefined);
}

/** Applies an answer or correction to one report, then asks on or re-summarises. */
function correct(draft: Draft, index: number, event: Extract<DialogEvent, { kind: "message" }>, input: DialogInput, asking: keyof ReportFields | undefined): StepResult {
  const { t } = input;
  const report = draft.reports[index] ?? emptyReport();
  const text = event.text.replace(WHICH, " ").trim();
  const update = readAnswer(report, text, new Date(draft.reference), { timeZone: input.timeZone, asking });
  const photos = /\[图片\]/.test(event.text) ? 0 : event.photos;
  if (Object.keys(update).length === 0 && photos === 0) {
    if (QUESTION.test(text)) return { draft, replies: [], unrelated: true };
    const again = draft.asking.kind === "field" ? question(t, draft.reports, draft.asking.index, draft.asking.field) : t("reports.confirm.short");
    return { draft, replies: [joinLines(t("reports.notUnderstood"), again)] };
  }
  const merged: ReportFields = { ...report, ...update, photos: (update.photos ?? report.photos) + photos };
  const reports = draft.reports.map((existing, position) => (position === index ? merged : existing));
  const approximate = draft.approximate.filter((field) => !(field in update));
  const lead = draft.asking.kind === "confirm" ? t("reports.updated") : undefined;
  return advance({ ...draft, reports, approximate }, input, lead);
}

function addPhotos(draft: Draft, count: number, input: DialogInput): StepResult {
  const { t } = input;
  const index = draft.asking.kind === "field" ? draft.asking.index : 0;
  const reports = draft.reports.map((report, position) => (position === index ? { ...report, photos: report.photos + count } : report));
  const total = reports[index]!.photos;
  const again = draft.asking.kind === "field" ? question(t, reports, draft.asking.index, draft.asking.field) : t("reports.confirm.short");
  return { draft: { ...draft, reports }, replies: [joinLines(t("reports.photos.added", { count, total }), again)] };
}
