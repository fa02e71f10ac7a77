/**
 * Correcting a returned report: the reporter is told privately why it came back, changes only the
 * fields that need it (「人数 6」「地点 新牧社区养老院」), and resubmits it for review — no
 * re-entering from scratch. A pure step over persisted, versioned state, plus thin glue.
 */
import { answer, type Outcome, type Turn } from "../../core/feature.js";
import type { Translate } from "../../core/i18n.js";
import type { Storage } from "../../ports/storage/index.js";
import { CATEGORIES, type ReportFields } from "./extract/index.js";
import { parseNumeral } from "./extract/numbers.js";
import { FORGOTTEN, type StoredReport } from "./fields.js";
import type { ReportStore } from "./store.js";

export interface Correction {
  v: 1;
  reportId: string;
  /** Fields changed so far, applied together on resubmission. */
  changes: Partial<ReportFields>;
}

type Field = keyof ReportFields;

/** What people call each field; longest first within a line so 服务人数 is not read as 人数. */
const FIELD_WORDS: Array<[RegExp, Field | "time"]> = [
  [/^(?:服务对象人数|服务对象|服务人数|受益人数|受益人)/, "beneficiaries"],
  [/^(?:志愿服务时长|服务时长|总时长|时长|小时数)/, "volunteer_hours"],
  [/^(?:志愿者人数|参与人数|志愿者|人数)/, "volunteers"],
  [/^(?:开始时间|开始)/, "start_time"],
  [/^(?:结束时间|结束)/, "end_time"],
  [/^(?:活动时间|时间)/, "time"],
  [/^(?:活动日期|日期)/, "date"],
  [/^(?:活动地点|地点|地方)/, "location"],
  [/^(?:组织名称|组织|队伍|团队|队名)/, "organization"],
  [/^(?:活动名称|名称|标题)/, "title"],
  [/^(?:类别|类型|分类)/, "category"],
  [/^(?:活动内容|内容|描述)/, "description"],
  [/^(?:照片数|照片|图片)/, "photos"],
];
const JOINER = /^\s*(?:改成|改为|应该是|应为|是|为|[:：=]|\s)\s*/;

export type Edit = { field: Field; value: ReportFields[Field] } | { field: "time"; start: string; end: string };

/** "9:00", "9点", "下午2点半" → minutes after midnight. Bare 1–6 o'clock is afternoon (REPORTS.md). */
function clock(text: string): number | undefined {
  const match = /^(上午|早上|中午|下午|晚上)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:[:：](\d{2})|点(半|\d{1,2}分?)?)?$/.exec(text.trim());
  if (!match) return undefined;
  let hour = parseNumeral(match[2]!) ?? NaN;
  const minute = match[3] ? Number(match[3]) : match[4] === "半" ? 30 : match[4] ? parseInt(match[4], 10) : 0;
  if ((match[1] === "下午" || match[1] === "晚上" || (!match[1] && !match[3] && hour >= 1 && hour <= 6)) && hour < 12) hour += 12;
  if (!(hour >= 0 && hour <= 24 && minute < 60)) return undefined;
  return hour * 60 + minute;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** 2026-03-15, 2026年3月15日, 3月15日, 3.15 (the year of `today`, or the last one when later). */
function date(text: string, today: string): string | undefined {
  const match = /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let year = match[1] ? Number(match[1]) : Number(today.slice(0, 4));
  const iso = (y: number) => `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!match[1] && iso(year) > today) year -= 1;
  return iso(year);
}

/** One line such as 「人数改成6」「地点：新牧社区养老院」「时间 9点到11点半」; undefined when unreadable. */
export function readEdit(line: string, today: string): Edit | undefined {
  const text = line.trim().replace(/^(?:把|改一下|修改|更正|改)\s*/, "");
  for (const [pattern, field] of FIELD_WORDS) {
    const name = pattern.exec(text);
    if (!name) continue;
    const rest = text.slice(name[0].length);
    const joiner = JOINER.exec(rest);
    if (!joiner) return undefined;
    const raw = rest.slice(joiner[0].length).replace(/[。.！!]+$/, "").trim();
    if (!raw) return undefined;
    if (field === "time") {
      const [from, to] = raw.split(/\s*(?:到|至|-|~|—)\s*/);
      const start = from ? clock(from) : undefined;
      let end = to ? clock(to) : undefined;
      if (start === undefined || end === undefined) return undefined;
      if (end <= start && end + 12 * 60 > start) end += 12 * 60;
      return { field: "time", start: hhmm(start), end: hhmm(end) };
    }
    if (field === "start_time" || field === "end_time") {
      const minutes = clock(raw);
      return minutes === undefined ? undefined : { field, value: hhmm(minutes) };
    }
    if (field === "date") {
      const value = date(raw, today);
      return value ? { field, value } : undefined;
    }
    if (field === "volunteers" || field === "beneficiaries" || field === "photos" || field === "volunteer_hours") {
      const value = parseNumeral(raw.replace(/(?:个|名|位)?(?:人|人次|张|小时|个小时)?$/, ""));
      return value === null || value < 0 ? undefined : { field, value };
    }
    if (field === "category") return (CATEGORIES as readonly string[]).includes(raw) ? { field, value: raw as ReportFields["category"] } : undefined;
    return { field, value: raw };
  }
  return undefined;
}

/** Start and end as hours, across midnight when the end is earlier. */
function span(start: string | null, end: string | null): number | undefined {
  if (!start || !end) return undefined;
  const [a, b] = [start, end].map((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) as [number, number];
  return ((b - a + 24 * 60) % (24 * 60)) / 60 || undefined;
}

export interface StepInput {
  text: string;
  report: StoredReport;
  today: string;
  t: Translate;
}

export interface StepResult {
  state?: Correction;
  replies: string[];
  /** The corrected fields to store, the report going back for review. */
  resubmit?: Partial<ReportFields>;
  /** The message is about something else (a question, a new report): other features answer it; the correction waits. */
  unrelated?: boolean;
}

/** A line that starts like a correction: a field's name, or 改/把/修改 before one. */
function aboutFields(text: string): boolean {
  const bare = text.trim().replace(/^(?:把|改一下|修改|更正|改)\s*/, "");
  return FIELD_WORDS.some(([pattern]) => pattern.test(bare));
}

/** One message of the reporter while a returned report is being corrected. */
export function correctionStep(state: Correction, input: StepInput): StepResult {
  const { t, report } = input;
  const text = input.text.trim();
  if (/^(?:重新提交|提交|改好了|改完了|确认|好了|submit)$/i.test(text)) {
    return { replies: [t("reports.resubmit.done", { id: report.id })], resubmit: state.changes };
  }
  if (/^(?:取消|不改了|算了|cancel)$/i.test(text)) return { replies: [t("reports.resubmit.cancelled", { id: report.id })] };
  const parts = text.split(/[，,；;\n]+/).filter((part) => part.trim());
  if (!parts.some(aboutFields)) return { state, replies: [], unrelated: true };
  const edits = parts.map((part) => readEdit(part, input.today));
  if (edits.some((edit) => edit === undefined)) return { state, replies: [t("reports.resubmit.unclear")] };
  const changes: Partial<ReportFields> = { ...state.changes };
  let hoursGiven = false;
  for (const edit of edits as Edit[]) {
    if (edit.field === "time") Object.assign(changes, { start_time: edit.start, end_time: edit.end });
    else Object.assign(changes, { [edit.field]: edit.value });
    if (edit.field === "volunteer_hours") hoursGiven = true;
  }
  // Person-hours follow the head count and the times unless the reporter gave them.
  const touchedSum = (edits as Edit[]).some((edit) => ["volunteers", "time", "start_time", "end_time"].includes(edit.field));
  const merged = { ...report, ...changes };
  const hours = span(merged.start_time, merged.end_time);
  if (touchedSum && !hoursGiven && hours !== undefined && merged.volunteers) changes.volunteer_hours = Math.round(merged.volunteers * hours * 100) / 100;
  return { state: { ...state, changes }, replies: [t("reports.resubmit.changed", { changes: describeChanges(t, changes) })] };
}

export function describeChanges(t: Translate, changes: Partial<ReportFields>): string {
  return Object.entries(changes)
    .map(([field, value]) => `${t(`reports.resubmit.fields.${field}`)} ${value}`)
    .join("，");
}

export interface CorrectionDeps {
  storage: Storage;
  store: ReportStore;
  timeZone: string;
  /** qa.staffChat: staff there hear that a corrected report waits for review again. */
  staffChat: string | null;
}

const versionNow = 1;

/** The glue: state per (chat, person), started when staff return a report, run before anything else. */
export class Corrections {
  private readonly states;

  constructor(private readonly deps: CorrectionDeps) {
    this.states = deps.storage.namespace<Correction>("report-corrections");
  }

  /** Opens the correction of a returned report in the reporter's private chat. */
  async open(chat: string, report: StoredReport): Promise<void> {
    await this.states.set(`${chat}|${report.reporter}`, { v: versionNow, reportId: report.id, changes: {} });
  }

  /** The turn, when it belongs to a correction (or is 修改 <id>); undefined otherwise. */
  async handle(turn: Turn): Promise<Outcome | undefined> {
    const { message } = turn;
    const key = `${message.chat.key}|${message.sender.key}`;
    if (turn.command?.name === "fix") return this.start(turn, key);
    // Group chatter not meant for the bot is no correction; it is spared the look-up.
    if (!turn.addressed || turn.command) return undefined;
    const state = await this.states.get(key);
    if (!state) return undefined;
    const report = await this.deps.store.get(state.reportId);
    if (state.v !== versionNow || !report || report.status !== "returned") {
      await this.states.delete(key);
      return undefined;
    }
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: this.deps.timeZone }).format(turn.now);
    const result = correctionStep(state, { text: message.text, report, today, t: turn.t });
    if (result.unrelated) return undefined;
    const outcome = answer(turn, result.replies.join("\n"));
    if (result.resubmit) {
      await this.deps.store.update(report.id, { ...result.resubmit, status: "submitted", return_reason: null }, turn.now);
      const changes = describeChanges(turn.t, result.resubmit) || turn.t("reports.resubmit.unchanged");
      const { staffChat } = this.deps;
      if (staffChat && staffChat !== message.chat.key) outcome.replies.push({ chat: staffChat, text: turn.t("reports.resubmit.staffNotice", { id: report.id, name: message.sender.name, changes }) });
    }
    if (result.state) await this.states.set(key, result.state);
    else await this.states.delete(key);
    return { ...outcome, conversation: result.state ? "open" : "close" };
  }

  /** 修改 R20260316-002: the reporter's own returned report, corrected from here. */
  private async start(turn: Turn, key: string): Promise<Outcome> {
    const report = turn.command!.args.trim() ? await this.deps.store.get(turn.command!.args) : undefined;
    const own = report && report.reporter === turn.message.sender.key && report.reporter !== FORGOTTEN;
    if (!report || !own) return answer(turn, turn.t("reports.resubmit.notYours", { id: turn.command!.args.trim() || "?" }));
    if (report.status !== "returned") return answer(turn, turn.t("reports.resubmit.notReturned", { id: report.id }));
    await this.states.set(key, { v: versionNow, reportId: report.id, changes: {} });
    return { ...answer(turn, turn.t("reports.resubmit.how", { id: report.id, reason: report.return_reason ?? "" })), conversation: "open" };
  }
}
