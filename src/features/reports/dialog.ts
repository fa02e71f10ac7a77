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
import { deriveMissing, namesFutureDay, readAnswer, readInsisted, readReports, SERVICE } from "./extraction.js";
import { CATEGORIES, isConfidentReport, type Category } from "./extract/index.js";
import { isCorrection } from "./extract/pipeline.js";

export type DialogEvent =
  /** A report starts: /report (text may be empty) or a report-like message. */
  | { kind: "start"; text: string; photos: number; sentAt: Date; chat: string; group: boolean; user: string; userName: string; organization?: string; extraction?: Extraction; earlierPhotos?: number }
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

const CONFIRM_WORD = "(?:确认无误|确认|确定|无误|对的|对啊|对呀|对头|对|没错的?|都对|没问题|没有问题|没啥问题|没毛病|okay|ok|好的|好滴|好嘞|好啊|好|行的|行|可以的|可以|是的|是啊|是|嗯+|恩|提交|登记|yes|y)(?:了|啊|呀|哈|的)?";
/** 确认, 对，没问题, 好的谢谢, 确认提交吧: one or more words of assent, thanks allowed at the end. */
const CONFIRM = new RegExp(`^(?:${CONFIRM_WORD})+(?:吧|了)?(?:谢谢|感谢|辛苦了?|麻烦了?|thanks|thx)*(?:啦|哈|了|哦)?$`, "i");
const CANCEL = /^(?:取消|算了|算了吧|不报了|先不报了|不用报了|不要报了|不上报了|不填了|不弄了|不用了|不要了|不登记了?|取消上报|撤销|作废|cancel)$/i;
const RESTART = /^(?:重新来|重来|重新填|重新开始|重新报|从头来|从头开始|重新上报|restart)$/i;
const REJECT = /^(?:不对|不是|错了|有错|有误|不正确|不准确|不行|有问题|有点问题|改一下|要改|要改一下|我要改|修改|修改一下|需要修改|改改|不太对|no)$/i;
/** The person cannot give a field: it stays empty and is not asked again. */
const SKIP = /^(?:不知道|不清楚|不太清楚|不记得了?|记不清了?|忘了|忘记了|跳过|略过?|没有|无|不确定|说不清|pass|skip)(?:了|啊|呢|吧|哦)*$/i;
/** A question to the bot in the middle of a report (the draft waits while others answer it). */
const ASKS_BOT = /^请问|吗[?？]?\s*$|怎么|如何|为什么|能不能|可不可以|是否|什么时候|哪里(?:能|可以|办|交)/;
/** 一下午, 七八个, 好几个小时: an answer, but not a figure that can be recorded. */
const VAGUE = /[一二三四五六七八九十两几]{2}个|好几|好多|很多|不少|一阵|一会儿|一下午|一上午|一晚上|一整天|大半天|个把/;
/** A correction that names the field it changes, at the start of a clause: 人数改成8, 地点改成…, 时间错了. */
/** What follows a field's name in a correction: a verb, a colon or the value's number. */
const AFTER = "\\s*(?:就|是|叫|改|换|应该|应为|错|不对|有误|不准|写|填|:|：|\\d|[一二三四五六七八九十两])";
const FIELD_HINTS: Array<[RegExp, keyof ReportFields]> = [
  [new RegExp(`^(?:组织名称|组织|单位|机构|队名|团队名称|团队|服务队名称|队伍)(?=${AFTER})`), "organization"],
  [new RegExp(`^(?:志愿者人数|志愿者|人数|参加人数|几个人|多少人)(?=${AFTER})`), "volunteers"],
  [new RegExp(`^(?:服务时长|时长|小时数|工时|总时长)(?=${AFTER})`), "volunteer_hours"],
  [new RegExp(`^(?:活动地点|地点|地址|位置|地方|场地)(?=${AFTER}|\\s*在)`), "location"],
  [new RegExp(`^(?:活动日期|日期|哪天|日子)(?=${AFTER})`), "date"],
  [new RegExp(`^(?:活动时间|时间|几点)(?=${AFTER})`), "start_time"],
  [new RegExp(`^(?:活动名称|活动名字|活动名|名称|标题|题目)(?=${AFTER})`), "title"],
  [new RegExp(`^(?:活动内容|内容|描述)(?=${AFTER})`), "description"],
  [new RegExp(`^(?:活动类别|类别|分类|类型)(?=${AFTER})`), "category"],
];
const DAY_PARTS: Array<[RegExp, string]> = [
  [/晚上|今晚|昨晚|前晚|当晚|夜里|夜间|傍晚/, "晚上"],
  [/下午|午后/, "下午"],
  [/上午|早上|早晨|清晨|一早/, "上午"],
];
const CLOCK_ANSWER = /\d{1,2}\s*(?:点|[:：]\d)|[一二两三四五六七八九十]{1,3}点/;
const NAMES_DAY_PART = /凌晨|清晨|早上|早晨|上午|中午|下午|午后|傍晚|晚上|晚|夜/;

function dayPartOf(text: string): string | undefined {
  return DAY_PARTS.find(([pattern]) => pattern.test(text))?.[1];
}

const HINT_LEAD = /^(?:不对|不是|错了|还有|另外|然后|再|哦|嗯)?[,\s]*(?:把)?/;
const HINT_VERB = /^(?:也|写|填|报|记|说)?(?:错了|不对|有误|有问题|不准确?)?[,\s]*(?:应该|应)?(?:改成|改为|换成|更正为|修改为|改|就是|是|为|在|叫|写)?\s*[:：]?\s*/;
/** What a hinted field's answer may change. */
const HINT_FIELDS: Partial<Record<keyof ReportFields, Array<keyof ReportFields>>> = {
  volunteers: ["volunteers", "volunteer_hours"],
  volunteer_hours: ["volunteer_hours", "start_time", "end_time"],
  date: ["date"],
  start_time: ["start_time", "end_time", "volunteer_hours", "date"],
};
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
    pendingPhotos: event.earlierPhotos ?? 0,
  };
  if (event.text.trim() === "") return { draft: { ...draft, pendingPhotos: (draft.pendingPhotos ?? 0) + event.photos }, replies: [event.photos > 0 ? input.t("reports.photos.early", { count: event.photos }) : input.t("reports.ask.content")] };
  return takeContent(draft, event.text, event.photos, event.sentAt, input, event.extraction);
}

/** The first description of the activity: extract, fill the group's organization, ask or summarise. */
function takeContent(draft: Draft, text: string, photos: number, sentAt: Date, input: DialogInput, given?: Extraction): StepResult {
  const extraction = given ?? readReports([text], sentAt, { timeZone: input.timeZone });
  const taken = extraction.is_report && extraction.reports.length > 0;
  const reports = taken ? extraction.reports.map((report) => ({ ...report })) : [readInsisted(text, sentAt, input)];
  // 你好, 在吗: nothing about an activity yet; keep waiting for the description.
  if (!taken && !hasFacts(reports[0]!) && !SERVICE.test(text)) {
    return { draft: { ...draft, asking: { kind: "content" }, pendingPhotos: (draft.pendingPhotos ?? 0) + photos }, replies: [joinLines(input.t("reports.notUnderstood"), input.t("reports.ask.contentAgain"))] };
  }
  // One message, several activities, one team named once: it ran them all.
  const named = [...new Set(reports.map((report) => report.organization).filter((name): name is string => name !== null))];
  const shared = named.length === 1 ? named[0] : draft.organization;
  for (const report of reports) if (report.organization === null && shared) report.organization = shared;
  // Photos of the first message (and captionless ones sent before it) belong to the first activity.
  const extra = (draft.pendingPhotos ?? 0) + (/\[图片\]/.test(text) ? 0 : photos);
  reports[0]!.photos += extra;
  const next: Draft = { ...draft, reference: sentAt.toISOString(), reports, approximate: extraction.approximate ?? [], pendingPhotos: 0, dayPart: dayPartOf(text) };
  return advance(next, input, input.t("reports.started"));
}

/** Asks the next missing field, or shows the summary to confirm. */
function advance(draft: Draft, input: DialogInput, lead?: string): StepResult {
  const { t } = input;
  draft = { ...draft, reports: draft.reports.map((report) => deriveMissing(report)) };
  const missing = firstMissing(draft.reports, draft.skipped);
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
  let word = bare(event.text);
  if (word === "" && /👌|👍|✅|🆗/u.test(event.text)) word = "ok";
  if (CANCEL.test(word) && draft.asking.kind !== "duplicate") return { replies: [t("reports.cancelled")] };
  if (RESTART.test(word)) {
    const fresh: Draft = { ...draft, reports: [], approximate: [], asking: { kind: "content" }, pendingPhotos: 0 };
    return { draft: fresh, replies: [t("reports.restarted")] };
  }
  const asking = draft.asking;
  if (asking.kind !== "duplicate" && asksBot(draft, event.text, input) && !CONFIRM.test(word) && !REJECT.test(word)) return { draft, replies: [], unrelated: true };
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
  if (asking.kind === "confirm" || asking.kind === "field") {
    const added = anotherActivity(draft, event, input);
    if (added) return added;
  }
  if (asking.kind === "confirm") return confirmStep(draft, event, word, input);
  // Asking one field.
  const asked = draft.reports[asking.index]?.[asking.field];
  const filled = asked !== null && asked !== undefined && asked !== "";
  if (CONFIRM.test(word) && filled) return advance(draft, input);
  if (CONFIRM.test(word) || REJECT.test(word)) return { draft, replies: [joinLines(t("reports.stillMissing"), question(t, draft.reports, asking.index, asking.field))] };
  if (SKIP.test(word) && !filled) {
    const skipped = [...(draft.skipped ?? []), `${asking.index}:${asking.field}`];
    return advance({ ...draft, skipped }, input, t("reports.skipped"));
  }
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
  let text = event.text.replace(WHICH, " ").trim();
  // 昨天晚上…, then 七点到九点: the evening of the first message, not the morning.
  if (draft.dayPart && CLOCK_ANSWER.test(text) && !NAMES_DAY_PART.test(text) && draft.reports.length === 1) text = text.replace(CLOCK_ANSWER, (clock) => `${draft.dayPart}${clock}`);
  const hinted = readHinted(report, text, new Date(draft.reference), input.timeZone);
  const update = hinted ? { ...(hinted.rest ? readAnswer(report, hinted.rest, new Date(draft.reference), { timeZone: input.timeZone, asking }) : {}), ...hinted.update } : readAnswer(report, text, new Date(draft.reference), { timeZone: input.timeZone, asking });
  if (hinted?.unread && Object.keys(update).length === 0) {
    // 时间错了 / 人数不对: the field is named, its new value is not: ask for it.
    const next: Draft = { ...draft, asking: { kind: "field", index, field: hinted.unread } };
    return { draft: next, replies: [`${t("reports.ok")}${question(t, draft.reports, index, hinted.unread)}`] };
  }
  const photos = /\[图片\]/.test(event.text) ? 0 : event.photos;
  if (Object.keys(update).length === 0 && photos === 0) {
    if (QUESTION.test(text)) return { draft, replies: [], unrelated: true };
    if (draft.asking.kind === "field" && draft.asking.field === "date" && namesFutureDay(text, new Date(draft.reference), input)) return { draft, replies: [t("reports.futureDay")] };
    if (draft.asking.kind === "field" && VAGUE.test(text)) return { draft, replies: [`${t("reports.vague")}${question(t, draft.reports, draft.asking.index, draft.asking.field)}`] };
    const again = draft.asking.kind === "field" ? question(t, draft.reports, draft.asking.index, draft.asking.field) : t("reports.confirm.short");
    return { draft, replies: [joinLines(t("reports.notUnderstood"), again)] };
  }
  const merged: ReportFields = { ...report, ...update, photos: (update.photos ?? report.photos) + photos };
  const reports = draft.reports.map((existing, position) => (position === index ? merged : existing));
  const approximate = draft.approximate.filter((field) => !(field in update));
  const asked = draft.asking.kind === "field" ? draft.asking.field : undefined;
  const lead = draft.asking.kind === "confirm" || (asked && !missingIn(report, asked))
    ? t("reports.updated")
    // 地点改成… while asked how many: say it was taken before asking again.
    : asked && !(asked in update) && !(asked === "volunteer_hours" && ("start_time" in update || "end_time" in update)) ? t("reports.noted") : undefined;
  const skipped = draft.skipped?.filter((entry) => !Object.keys(update).some((field) => entry === `${index}:${field}`));
  const result = advance({ ...draft, reports, approximate, skipped }, input, lead);
  if (hinted?.unread && result.draft) {
    result.draft = { ...result.draft, asking: { kind: "field", index, field: hinted.unread } };
    result.replies = [joinLines(lead, question(t, reports, index, hinted.unread))];
  }
  return result;
}

/**
 * A question to the bot, not an answer: 年检什么时候交？ Activity words (教老人怎么用手机) and a
 * figure for the asked number or day (是8个人吗) make it an answer.
 */
function asksBot(draft: Draft, text: string, input: DialogInput): boolean {
  if (!ASKS_BOT.test(text.trim()) || SERVICE.test(text)) return false;
  const asking = draft.asking;
  if (asking.kind !== "field" || !["date", "volunteers", "volunteer_hours"].includes(asking.field)) return true;
  const update = readAnswer(draft.reports[asking.index] ?? emptyReport(), text, new Date(draft.reference), { timeZone: input.timeZone, asking: asking.field });
  return !(asking.field in update);
}

/**
 * A complete report of a different activity sent before the first was confirmed (two reports in
 * a row): it joins the draft as one more report instead of overwriting the first.
 */
function anotherActivity(draft: Draft, event: Extract<DialogEvent, { kind: "message" }>, input: DialogInput): StepResult | undefined {
  if (isCorrection(event.text) || WHICH.test(event.text)) return undefined;
  const fresh = readReports([event.text], event.sentAt, { timeZone: input.timeZone });
  if (!isConfidentReport(fresh)) return undefined;
  const same = (left: ReportFields, right: ReportFields) => left.title === right.title || (left.date === right.date && left.location === right.location);
  if (fresh.reports.some((report) => draft.reports.some((existing) => same(existing, report)))) return undefined;
  const reports = fresh.reports.map((report) => ({ ...report, organization: report.organization ?? draft.organization ?? null }));
  const photos = /\[图片\]/.test(event.text) ? 0 : event.photos;
  reports[0]!.photos += photos;
  return advance({ ...draft, reports: [...draft.reports, ...reports] }, input, input.t("reports.added"));
}

function missingIn(report: ReportFields | undefined, field: keyof ReportFields): boolean {
  const value = report?.[field];
  return value === null || value === undefined || value === "";
}

function hasFacts(report: ReportFields): boolean {
  return [report.date, report.organization, report.location, report.volunteers, report.volunteer_hours, report.start_time].some((value) => value !== null);
}

/**
 * Clauses that start by naming a field (人数改成8，地点是新牧社区卫生站) set that field from their
 * own words; other clauses are read as usual (`rest`). `unread`: a named field whose value
 * could not be read (时间错了).
 */
function readHinted(report: ReportFields, text: string, reference: Date, timeZone: string): { update: Partial<ReportFields>; rest: string; unread?: keyof ReportFields } | undefined {
  const clauses = text.split(/[,，;；。\n]+/).map((clause) => clause.trim()).filter(Boolean);
  const groups: Array<{ field: keyof ReportFields; value: string }> = [];
  const rest: string[] = [];
  for (const clause of clauses) {
    const lead = HINT_LEAD.exec(clause)![0];
    const body = clause.slice(lead.length);
    const hint = FIELD_HINTS.find(([pattern]) => pattern.test(body));
    if (hint) {
      const value = body.replace(hint[0], "").replace(HINT_VERB, "").trim();
      groups.push({ field: hint[1], value });
    } else if (groups.length) {
      const last = groups[groups.length - 1]!;
      last.value = `${last.value}${last.value ? "，" : ""}${clause.replace(/^(?:是|应该是|改成|改为)\s*/, "")}`;
    } else rest.push(clause);
  }
  if (groups.length === 0) return undefined;
  const update: Partial<ReportFields> = {};
  let unread: keyof ReportFields | undefined;
  for (const { field, value } of groups) {
    const clean = value.replace(/[的吧了啊呢]+$/, "").trim();
    let found: Partial<ReportFields> = {};
    if (field === "organization" || field === "location" || field === "title" || field === "description") {
      if (clean.length >= 2 && clean.length <= 60) found = { [field]: clean };
    } else if (field === "category") {
      const category = CATEGORIES.find((name) => clean.includes(name));
      if (category) found = { category: category as Category };
    } else if (clean) {
      const read = readAnswer({ ...report, ...update }, clean, reference, { timeZone, asking: field === "start_time" ? undefined : field });
      for (const key of HINT_FIELDS[field] ?? [field]) if (read[key] !== undefined) (found as Record<string, unknown>)[key] = read[key];
    }
    if (Object.keys(found).length === 0) unread ??= field;
    Object.assign(update, found);
  }
  return { update, rest: rest.join("，"), unread };
}

function addPhotos(draft: Draft, count: number, input: DialogInput): StepResult {
  const { t } = input;
  const index = draft.asking.kind === "field" ? draft.asking.index : 0;
  const reports = draft.reports.map((report, position) => (position === index ? { ...report, photos: report.photos + count } : report));
  const total = reports[index]!.photos;
  const again = draft.asking.kind === "field" ? question(t, reports, draft.asking.index, draft.asking.field) : t("reports.confirm.short");
  return { draft: { ...draft, reports }, replies: [joinLines(t("reports.photos.added", { count, total }), again)] };
}
