/**
 * The rule-based extractor: messages → report drafts. Each field has its own module; this file
 * only joins them, and keeps the intermediate facts that the LLM merge and follow-ups reuse.
 */
import { type LocalMoment, addDays, formatDate, parseClock } from "./calendar.js";
import { parseChineseInteger } from "./numbers.js";
import { categorize } from "./category.js";
import { isRetraction, type NotReportReason, notReportReason } from "./classify.js";
import type { DateResolution } from "./dates.js";
import { readHours, type HoursFacts } from "./hours.js";
import { findLocation, mentionsVaguePlace } from "./location.js";
import { findOrganization } from "./organization.js";
import { readPeople, type PeopleFacts } from "./people.js";
import { splitActivities, type Segment } from "./segments.js";
import { englishActivity, findEnglishLocation, findEnglishOrganization, isMostlyEnglish } from "./english.js";
import { restateCounts } from "./counting.js";
import { textForDay } from "./days.js";
import { readTimeExpressions } from "./normaliser.js";
import { formAsProse, readForm, repeatsSlot, slotValue, type Form } from "./slots.js";
import { deriveDescription, deriveTitle } from "./summary.js";
import { countPhotos, dropFillers, normalizeText, stripEmoji } from "./text.js";
import { emptyReport, type ReportFields } from "./types.js";

export interface Draft {
  report: ReportFields;
  people: PeopleFacts;
  hours: HoursFacts;
  date: DateResolution;
  approximate: Array<keyof ReportFields>;
  /** the activity's start lies after the message, or its end well after: not finished */
  unfinished: boolean;
}

export interface Analysis {
  drafts: Draft[];
  reason: NotReportReason | null;
  /** the normalised text the rules read */
  text: string;
}

const CORRECTION = /^\s*(?:哦|噢|啊|额|呃|嗯|sorry)?[,\s]*(?:不对|不是|说错了|写错了|打错了|错了|更正|纠正|修改一下|改一下|应该是|刚才.{0,8}错|纠正一下)|说错了|写错了|打错了|数错了|数漏了|记错了|(?:日期|时间|人数|地点|地址|名字|时长)(?:写|打|说|记|报)?错了|^\s*(?:改成|改为|更正为)|(?:人数|人员|日期|时间|开始时间|结束时间|地点|地址|名字|队名|组织|时长)\s*(?:改成|改为|换成|更正为|应该是|不对|有误|写错|错了)|(?:结束时间|开始时间)\s*(?:是|为)|^\s*(?:更正|纠正|补充)\s*[:：]|\bcorrection\b|\bnot\s+\d+\b|[里中]有\s*\d+\s*个?(?:人)?是[^,，。]{0,12}(?:不算|不计)/i;

const MAX_TEXT = 4000;

export function isCorrection(message: string): boolean {
  const text = normalizeText(message);
  // 刚才那条发错群了 takes the whole report back: it stays in the body for the decision.
  return CORRECTION.test(text) && !isRetraction(text);
}

/** Normalised text of the messages that describe the activity (corrections left out). */
export function prepare(messages: string[]): { body: string; corrections: string[]; photos: number } {
  const photos = messages.reduce((sum, message) => sum + countPhotos(message), 0);
  const [first, ...rest] = messages;
  const bodyMessages = first === undefined ? [] : [first];
  const corrections: string[] = [];
  for (const message of rest) (isCorrection(message) ? corrections : bodyMessages).push(message);
  // A report fits in a few hundred characters; the cap keeps pasted documents from costing
  // seconds of pattern matching.
  const body = bodyMessages
    .map((message) => dropFillers(stripEmoji(normalizeText(message))).trim())
    .filter(Boolean)
    .join("\n")
    .slice(0, MAX_TEXT);
  return { body, corrections, photos };
}

/** A keyed value that is a name: the organisation found in it, or the value when short. */
function keyedName(value: string | null): string | null {
  if (value === null) return null;
  return findOrganization(value) ?? (value.length <= 30 ? value : null);
}

function draftFor(said: string, shared: string, now: LocalMoment, form: Form | null = null, day: string | null = null): Draft {
  // Counts said roundabout (我和另外两个同学) are restated before any name is cut out of the text.
  const text = restateCounts(said);
  const report = emptyReport();
  const approximate: Array<keyof ReportFields> = [];
  const organization = keyedName(slotValue(form, "organization")) ?? findOrganization(text) ?? (shared ? findOrganization(shared) : null) ?? findEnglishOrganization(`${text}\n${shared}`);
  report.organization = organization;

  // Dates, named days and day lists come from one reading of the text (normaliser.ts).
  const times = readTimeExpressions(text, now);
  let date: DateResolution = day ? { date: day, mentioned: true, planned: false, explicitDay: true, problem: null } : times.date;
  if (!day && !date.explicitDay && shared) {
    const sharedDate = readTimeExpressions(shared, now).date;
    if (sharedDate.explicitDay || !date.mentioned) date = sharedDate;
  }
  // Names such as 七彩童年儿童服务社 must not be read as counts of children.
  const facts = organization ? text.split(organization).join(" ") : text;
  const people = readPeople(facts);
  const hours = readHours(facts, people);
  report.start_time = hours.start_time;
  report.end_time = hours.end_time;
  report.volunteers = hours.volunteers;
  report.volunteer_hours = hours.volunteer_hours;
  report.beneficiaries = people.beneficiaries;
  if (people.volunteersApproximate && report.volunteers !== null) approximate.push("volunteers");
  if (people.beneficiariesApproximate && report.beneficiaries !== null) approximate.push("beneficiaries");
  if (hours.approximate && report.volunteer_hours !== null) approximate.push("volunteer_hours");

  const clock = checkClock(date, report.start_time, report.end_time, now);
  report.date = clock.date;
  const unfinished = clock.unfinished;

  const vaguePlace = mentionsVaguePlace(text);
  const keyedPlace = slotValue(form, "location");
  report.location = keyedPlace && keyedPlace.length <= 40 ? keyedPlace.replace(/^在/, "") : vaguePlace ? null : findLocation(text, organization) ?? (shared ? findLocation(shared, organization) : null) ?? findEnglishLocation(text, organization);
  // When nothing in the content decides, 其他 is the category's own answer: not worth a question.
  report.category = categorize(text, organization, report.location) ?? categorize(`${text}\n${shared}`, organization, report.location) ?? "其他";
  const festival = times.festival?.name ?? null;
  const keyedTitle = slotValue(form, "title");
  const keyedDescription = slotValue(form, "description");
  report.title = keyedTitle && keyedTitle.length <= 30 ? keyedTitle.replace(/^[“"]|[”"]$/g, "") : deriveTitle(keyedDescription ?? facts, festival, report.category);
  report.description = keyedDescription ?? deriveDescription(text, report.title, organization);
  // An English report keeps its own words for what was done.
  const english = isMostlyEnglish(text) ? englishActivity(text) : null;
  if (english && !keyedTitle) report.title = english.length <= 40 ? english : english.slice(0, 40);
  if (english && !keyedDescription) report.description = english;
  return { report, people, hours, date, approximate, unfinished };
}

/**
 * A message after midnight about tonight's activity belongs to the previous day; an activity
 * of today that starts after the message, or ends well after it, has not finished.
 */
function checkClock(
  date: DateResolution,
  startTime: string | null,
  endTime: string | null,
  now: LocalMoment,
): { date: string | null; unfinished: boolean } {
  const settled = { date: date.date, unfinished: false };
  if (date.date !== formatDate(now.date)) return settled;
  const start = parseClock(startTime);
  let end = parseClock(endTime);
  if (start !== null && end !== null && end <= start) end += 24 * 60;
  const ahead = (start !== null && start > now.minutes) || (end !== null && end > now.minutes + 30);
  if (!ahead) return settled;
  if (now.minutes < 6 * 60 && start !== null && start >= 12 * 60) {
    return { date: formatDate(addDays(now.date, -1)), unfinished: false };
  }
  // 晚上七点到九点 with no day, sent before seven: some earlier evening, not today's plan; ask the day.
  if (!date.explicitDay) return { date: null, unfinished: false };
  return { date: date.date, unfinished: date.problem === null };
}

/** The activity's day is past, or its end (or, without an end, its start) is before the message. */
function finishedBy(draft: Draft, now: LocalMoment): boolean {
  const today = formatDate(now.date);
  if (draft.report.date !== null && draft.report.date < today) return true;
  if (draft.report.date !== today) return false;
  const end = parseClock(draft.report.end_time);
  const start = parseClock(draft.report.start_time);
  if (end !== null) return (start !== null && end <= start) ? false : end <= now.minutes;
  return false;
}

/** 干到11点半, 要忙到中午: an end the times did not read as a range. */
const STATED_END = /(?:干|忙|弄|搞|持续|进行|整|做)到\s*(?<part>上午|中午|下午|傍晚|晚上)?\s*(?:(?<hour>\d{1,2}|[一二三四五六七八九十两]{1,3})(?:[:：](?<min>\d{2})|点(?<half>半)?(?:(?<min2>\d{1,2})分?)?)|(?<named>中午|傍晚|天黑))/g;

/** A stated end later on the message's own day than the message: the activity is not over. */
function endsLater(draft: Draft, text: string, now: LocalMoment): boolean {
  if (draft.report.end_time !== null) return false;
  if (draft.date.mentioned ? draft.report.date !== formatDate(now.date) : false) return false;
  for (const match of text.matchAll(STATED_END)) {
    const groups = match.groups!;
    let minutes: number | null = null;
    if (groups.named) minutes = { 中午: 12 * 60, 傍晚: 17 * 60 + 30, 天黑: 17 * 60 }[groups.named]!;
    else if (groups.hour) {
      const hour = /^\d+$/.test(groups.hour) ? Number(groups.hour) : parseChineseInteger(groups.hour);
      if (hour === null || hour > 24) continue;
      const afternoon = groups.part === "下午" || groups.part === "傍晚" || groups.part === "晚上" || (!groups.part && hour >= 1 && hour <= 6);
      minutes = (afternoon && hour < 12 ? hour + 12 : hour) * 60 + Number(groups.min ?? groups.min2 ?? 0) + (groups.half ? 30 : 0);
    }
    if (minutes !== null && minutes > now.minutes + 30) return true;
  }
  return false;
}

export function analyze(messages: string[], now: LocalMoment): Analysis {
  const { body, photos } = prepare(messages);
  // A form is read by its keys first; a numbered form is one activity unless a key repeats.
  const form = readForm(body);
  const single = form !== null && !repeatsSlot(form);
  const segments: Segment[] = single ? [{ text: formAsProse(body, form), shared: "" }] : splitActivities(body);
  const drafts = segments.flatMap((segment) => {
    const list = readTimeExpressions(segment.text, now).days;
    if (!list) return [draftFor(segment.text, segment.shared, now, single ? form : null)];
    return list.days.map((day, index) => draftFor(textForDay(segment.text, list, index), segment.shared, now, single ? form : null, day));
  });
  // 同上, 还是我们队: an activity that names no team is the previous one's.
  drafts.forEach((draft, index) => {
    const previous = drafts[index - 1];
    const refersBack = draft.report.organization !== null && /^(?:还是|同上|同一|原|本|我们|咱们)/.test(draft.report.organization);
    if (previous && (draft.report.organization === null || refersBack)) draft.report.organization = previous.report.organization;
  });
  if (drafts.length > 0) drafts[0]!.report.photos = photos;

  const first = drafts[0]!;
  let reason = notReportReason(body, {
    volunteers: drafts.some((draft) => draft.people.volunteers !== null || draft.people.mentions.some((mention) => mention.role === "volunteer")),
    times: drafts.some((draft) => draft.hours.start_time !== null || draft.hours.perPersonHours !== null || draft.hours.statedTotal !== null),
    organization: drafts.some((draft) => draft.report.organization !== null),
    location: drafts.some((draft) => draft.report.location !== null),
    date: first.date.mentioned,
    planned: first.date.planned,
    future: first.date.problem === "future",
    finished: drafts.every((draft) => finishedBy(draft, now)),
  });
  if (reason === null && drafts.every((draft) => draft.unfinished || endsLater(draft, body, now))) reason = "not_finished";
  return { drafts, reason, text: body };
}
