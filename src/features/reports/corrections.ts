/**
 * Reading what an answer or a correction changes in one report: clauses that name a field
 * (人数改成8，地点不对，就写阳光敬老院) set that field from their own words, the rest is read by the
 * extractor's follow-up reader. Spoken instructions (就写, 改成) and fillers are not values.
 */
import type { Draft } from "./draft.js";
import { readAnswer } from "./extraction.js";
import { CATEGORIES, type Category, type ReportFields } from "./extract/index.js";
import { readDurations } from "./extract/times.js";
import { normalizeText, stripEmoji } from "./extract/text.js";

/** What follows a field's name in a correction: a verb, a colon or the value's number. */
const AFTER = "\\s*(?:就|是|叫|改|换|应该|应为|错|不对|有误|不准|写|填|:|：|\\d|[一二三四五六七八九十两])";
const FIELD_HINTS: Array<[RegExp, keyof ReportFields]> = [
  [new RegExp(`^(?:组织名称|组织名字|组织|单位|机构|队名|团队名称|团队|服务队名称|队伍)(?=${AFTER})`), "organization"],
  [new RegExp(`^(?:志愿者人数|志愿者|人数|参加人数|几个人|多少人)(?=${AFTER})`), "volunteers"],
  [new RegExp(`^(?:服务时长|时长|小时数|工时|总时长)(?=${AFTER})`), "volunteer_hours"],
  [new RegExp(`^(?:活动地点|地点|地址|位置|地方|场地)(?=${AFTER}|\\s*在)`), "location"],
  [new RegExp(`^(?:活动日期|日期|哪天|日子)(?=${AFTER})`), "date"],
  [new RegExp(`^(?:活动时间|时间|几点)(?=${AFTER})`), "start_time"],
  [new RegExp(`^(?:活动名称|活动名字|活动名|名称|标题|题目)(?=${AFTER})`), "title"],
  [new RegExp(`^(?:活动内容|内容|描述)(?=${AFTER})`), "description"],
  [new RegExp(`^(?:活动类别|类别|分类|类型)(?=${AFTER})`), "category"],
];
const HINT_LEAD = /^(?:不好意思|抱歉|哦|噢|嗯|诶|欸)?[,\s]*(?:不对|不是|错了|还有|另外|然后|再|刚才|刚刚)?[,\s]*(?:把)?/;
const HINT_VERB = /^(?:也|写|填|报|记|说)?(?:错了|不对|有误|有问题|不准确?|打错了|写错了|说错了)?[,\s]*(?:应该|应)?(?:改成|改为|换成|更正为|修改为|改|就是|是|为|在|叫|写)?\s*[:：]?\s*/;
/** Instruction words and fillers before a spoken value: 就写…, 改成…, 那个…. */
const VALUE_LEAD = /^(?:就|直接|帮我|麻烦|请|那就|应该|其实|那个|就是)*\s*(?:写成?|填成?|改成|改为|换成|记成?|是在|是|在|叫|为)?\s*(?:那个|就是)?\s*/;
/** What a hinted field's answer may change. */
const HINT_FIELDS: Partial<Record<keyof ReportFields, Array<keyof ReportFields>>> = {
  volunteers: ["volunteers", "volunteer_hours"],
  volunteer_hours: ["volunteer_hours", "start_time", "end_time"],
  date: ["date"],
  start_time: ["start_time", "end_time", "volunteer_hours", "date"],
};
const DAY_PARTS: Array<[RegExp, string]> = [
  [/晚上|今晚|昨晚|前晚|当晚|夜里|夜间|傍晚/, "晚上"],
  [/下午|午后/, "下午"],
  [/上午|早上|早晨|清晨|一早/, "上午"],
];
const CLOCK_ANSWER = /\d{1,2}\s*(?:点|[:：]\d)|[一二两三四五六七八九十]{1,3}点/;
const NAMES_DAY_PART = /凌晨|清晨|早上|早晨|上午|中午|下午|午后|傍晚|晚上|晚|夜/;
/** Counts and clock times: what a place never consists of. */
const FIGURES = /\d\s*(?:people|persons?|volunteers?|人|个|名|位|小时|hours?|am|pm|点)|\d{1,2}[:：]\d{2}|\d\s*(?:to|-|~|到)\s*\d/i;
/** A back-reference instead of a name: 同一个队, 还是我们队 (the team already named). */
const SAME_TEAM = /^(?:还是|也是|同一个?|同一支|同个|原来的?|一样的?)?(?:我们|咱们|我们的|咱们的)?(?:这个|那个)?(?:队|队伍|团队|组织|协会|服务队|志愿队)$/;

export function dayPartOf(text: string): string | undefined {
  return DAY_PARTS.find(([pattern]) => pattern.test(text))?.[1];
}

/** A spoken value without its instruction words and end particles: 就写阳光敬老院吧 → 阳光敬老院. */
export function cleanValue(value: string): string {
  return value.replace(VALUE_LEAD, "").replace(/[的吧了啊呢哈哦呀]+$/, "").trim();
}

/** 还是我们新牧社区…队: words that point back (还是, 也是) and pronouns are no part of a name. */
export function cleanName(name: string | null): string | null {
  if (name === null) return null;
  const clean = name.replace(/^(?:还是|也是|都是|同样是|仍然是)?(?:我们|咱们|我们的|咱们的)(?=.{4,})/, "").trim();
  return clean || name;
}

/** 同一个队 / 还是我们队 stand for the organization already known, not a new name. */
export function isSameTeam(name: string | null | undefined): boolean {
  return name !== null && name !== undefined && SAME_TEAM.test(name.replace(/\s+/g, ""));
}

export interface Change {
  update: Partial<ReportFields>;
  /** A field the message names without a value the bot could read (时间错了): ask for it. */
  unread?: keyof ReportFields;
  /** The message named the field it changes (人数改成10): a correction whatever else it says. */
  named: boolean;
}

/** What the message changes in `report`, one of the draft's (empty: nothing readable). */
export function readChange(draft: Draft, text: string, timeZone: string, asking: keyof ReportFields | undefined, report: ReportFields): Change {
  const reference = new Date(draft.reference);
  // 昨天晚上…, then 七点到九点: the evening of the first message, not the morning.
  if (draft.dayPart && CLOCK_ANSWER.test(text) && !NAMES_DAY_PART.test(text) && draft.reports.length === 1) text = text.replace(CLOCK_ANSWER, (clock) => `${draft.dayPart}${clock}`);
  // 不是8个人 是10个: the denied clause names the field (its value is the one on record); the
  // rest is read as the answer for that field.
  const parts = text.split(/[\s,，。;；!！]+/).filter(Boolean);
  const denied = parts.filter((part) => /^(?:不是|并不是|而不是|并非)/.test(part));
  if (denied.length && denied.length < parts.length) {
    const old = readAnswer(report, denied.join(" ").replace(/^(?:不是|并不是|而不是|并非)/, ""), reference, { timeZone });
    const field = (Object.keys(old) as Array<keyof ReportFields>).find((key) => key !== "volunteer_hours" && report[key] === old[key]);
    text = parts.filter((part) => !denied.includes(part)).join(" ");
    asking = field ?? asking;
  }
  const hinted = readHinted(report, text, reference, timeZone);
  const update = hinted
    ? { ...(hinted.rest ? readAnswer(report, hinted.rest, reference, { timeZone, asking }) : {}), ...hinted.update }
    : readAnswer(report, text, reference, { timeZone, asking });
  // 是周三 昨天是我记混了: clauses that disagree cancel out when read together; read alone, the
  // clause that changes a value is the correction, the one repeating the old value is the excuse.
  const clauses = text.split(/[\s,，。;；!！]+/).filter(Boolean);
  if (!hinted && clauses.length > 1) {
    for (const clause of clauses) {
      // Without the asked field: a bare clause (哦对了) is no answer to "where?".
      for (const [field, value] of Object.entries(readAnswer(report, clause, reference, { timeZone }))) {
        const key = field as keyof ReportFields;
        if (update[key] === undefined && report[key] !== value) (update as Record<string, unknown>)[key] = value;
      }
    }
  }
  if (update.location) update.location = cleanValue(update.location) || update.location;
  // 12 people, 8 to 10:30 answers the wrong question; it is no place.
  if (update.location && FIGURES.test(update.location)) delete update.location;
  if (isSameTeam(update.organization)) delete update.organization;
  else if (update.organization) update.organization = cleanName(update.organization)!;
  return { update, unread: hinted?.unread, named: hinted !== undefined && Object.keys(hinted.update).length > 0 };
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
      // 不是公园: what the value is not, said after it.
      if (/^(?:不是|而不是|并非)/.test(clause)) continue;
      const last = groups[groups.length - 1]!;
      last.value = `${last.value}${last.value ? "，" : ""}${cleanValue(clause)}`;
    } else rest.push(clause);
  }
  if (groups.length === 0) return undefined;
  const update: Partial<ReportFields> = {};
  let unread: keyof ReportFields | undefined;
  for (const { field, value } of groups) {
    const clean = cleanValue(value);
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

/**
 * Hours each person served, said without the head count (干了3个小时): kept by the draft so the
 * total follows once the number of people is known, and never asked again.
 */
export function hoursEach(text: string): number | undefined {
  const durations = readDurations(stripEmoji(normalizeText(text))).filter((duration) => duration.hours !== null && !duration.vague && !duration.total);
  return durations.length === 1 ? durations[0]!.hours! : undefined;
}
