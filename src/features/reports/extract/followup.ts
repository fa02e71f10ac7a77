/**
 * Answers and corrections in a dialog about one report: "在新牧社区活动室", "12个人",
 * "9点到11点", "不对，是前天", "地点改成…". Returns only the fields the text sets, with
 * volunteer_hours recomputed from the report's other values when people or times change.
 */
import { type LocalMoment, formatMinutes, parseClock } from "./calendar.js";
import { resolveDate } from "./dates.js";
import { round2 } from "./hours.js";
import { findLocation } from "./location.js";
import { QUANTITY, parseQuantity } from "./numbers.js";
import { findOrganization, organizationFromAnswer } from "./organization.js";
import { readPeople } from "./people.js";
import { readDurations, readTimes, sessionHours } from "./times.js";
import { countPhotos, normalizeText, stripEmoji } from "./text.js";
import { CATEGORIES, type Category, type ReportFields } from "./types.js";

export interface FollowUpOptions {
  asking?: keyof ReportFields;
  timeZone?: string;
}

const NO_ANSWER = /^(?:不知道|不清楚|没有|没|无|忘了|不记得了?|记不清了?|算了|跳过|不用了?|暂时没有|还没有)[了啊呢吧。!.,\s]*$/;
const CHANGE = /(?:改成|改为|换成|应该是|更正为|其实是|是)\s*/;
const BARE_NUMBER = new RegExp(`^\\s*(?:是|共|一共|总共)?\\s*(${QUANTITY})\\s*(?:个|名|位)?\\s*(?:人|小时|个小时)?\\s*$`);
/** A count somewhere in an answer to "how many?" (我们一共12个), not a clock time or a date. */
const COUNT_IN_ANSWER = new RegExp(`(${QUANTITY})\\s*(?:个|名|位)?(?!\\s*(?:点|:|小时|钟头|号|日|月|分钟|\\d))`);

function stripAnswer(text: string): string {
  return text
    .replace(/^\s*(?:不对|不是|说错了|错了|更正|纠正一下|哦|噢|嗯)[,\s]*/, "")
    .replace(/^(?:就是|就)/, "")
    .replace(/^(?:地点|地址|位置|组织|单位|名称|标题|活动名称|内容)?\s*(?:改成|改为|换成|应该是|是|在|叫)?\s*[:]?\s*/, "")
    .replace(/[,。!.\s]+$/, "")
    .trim();
}

function perPersonFrom(report: ReportFields): number | null {
  if (report.volunteer_hours !== null && report.volunteers) return report.volunteer_hours / report.volunteers;
  const start = parseClock(report.start_time);
  let end = parseClock(report.end_time);
  if (start === null || end === null) return null;
  if (end <= start) end += 24 * 60;
  return (end - start) / 60;
}

export function followUpFields(
  report: ReportFields,
  rawText: string,
  now: LocalMoment,
  asking?: keyof ReportFields,
): Partial<ReportFields> {
  // 不是前天，是昨天 / 7 volunteers not 6: only the new value counts, not the one taken back.
  const text = stripEmoji(normalizeText(rawText))
    .replace(/不是[^,，。;]{1,12}[,，]\s*(?:而)?(?=是)/g, "")
    .replace(/\s*,?\s*\bnot\s+\d+\b/gi, "")
    .trim();
  const update: Partial<ReportFields> = {};

  const photos = countPhotos(rawText);
  if (photos > 0) update.photos = report.photos + photos;
  // "不知道", "没有": an answer that gives nothing must not become a value.
  if (text.length === 0 || NO_ANSWER.test(text)) return update;

  // 刚才数漏了 refers to the previous message, not to the activity's day.
  const date = resolveDate(text.replace(/刚才|刚刚/g, ""), now);
  // 下午两点到四点 answers "when?" with times only: the draft keeps the day of its first message.
  if (date.date && date.explicitDay) update.date = date.date;

  const people = readPeople(text);
  const countable = text.replace(/一共|总共|一起|一直/g, " ");
  const bare = BARE_NUMBER.exec(text) ?? (asking === "volunteers" || asking === "beneficiaries" ? COUNT_IN_ANSWER.exec(countable) : null);
  if (people.volunteers !== null && asking !== "beneficiaries") update.volunteers = people.volunteers;
  else if (bare && (asking === "volunteers" || (!asking && /人/.test(text)))) update.volunteers = parseQuantity(bare[1]!).value ?? undefined;
  // 人数说错了，是10个: a correction that names the head count without the word 人 after it.
  if (update.volunteers === undefined && !asking && /人数/.test(text) && !/受益|服务对象|参与|来的/.test(text)) {
    const count = COUNT_IN_ANSWER.exec(countable.replace(/^.*?人数/, ""));
    const value = count ? parseQuantity(count[1]!).value : null;
    if (value !== null) update.volunteers = value;
  }
  // 那12个里有2个是社区工作人员 不算志愿者: people taken out of the count.
  const excluded = /(?:里|中|其中)(?:面)?有?\s*(\d{1,3}|[一二两三四五六七八九十])\s*(?:个|名|位)?(?:人)?(?:是[^,，。]{0,12})?\s*(?:不算|不计|不是志愿者)/.exec(text);
  if (excluded && report.volunteers !== null) {
    const value = parseQuantity(excluded[1]!).value;
    if (value !== null && value < report.volunteers) update.volunteers = report.volunteers - value;
  }
  if (update.volunteers === undefined) delete update.volunteers;
  // 人数改为8人: the head count of the team, not people served "for" (为) anyone.
  const aboutTeam = /人数|人员/.test(text) && !/受益|服务对象|服务了|老人|居民|孩子|学生|群众/.test(text);
  if (people.beneficiaries !== null && !aboutTeam) update.beneficiaries = people.beneficiaries;
  else if (bare && asking === "beneficiaries") {
    const value = parseQuantity(bare[1]!).value;
    if (value !== null) update.beneficiaries = value;
  }

  const times = readTimes(text);
  let perPerson: number | null = null;
  if (times.sessions.length) {
    update.start_time = formatMinutes(Math.min(...times.sessions.map((session) => session.start)));
    update.end_time = formatMinutes(Math.max(...times.sessions.map((session) => session.end)));
    perPerson = times.sessions.reduce((sum, session) => sum + sessionHours(session), 0);
  } else if (times.loneStart !== null || times.loneEnd !== null) {
    const clock = formatMinutes((times.loneStart ?? times.loneEnd)!);
    const saysEnd = /结束|收工|完事|干到|忙到|到\s*$/.test(text);
    const saysStart = /开始|出发|集合/.test(text) && !saysEnd;
    const isEnd = !saysStart && (saysEnd || times.loneEnd !== null || asking === "end_time" || (asking !== "start_time" && report.start_time !== null && report.end_time === null));
    if (isEnd) update.end_time = clock;
    else update.start_time = clock;
    const merged = { ...report, ...update };
    if (merged.start_time && merged.end_time) perPerson = perPersonFromClock(merged.start_time, merged.end_time);
  }

  let total: number | null = null;
  const durations = readDurations(text).filter((duration) => duration.hours !== null);
  const duration = durations[0];
  if (duration && perPerson === null) {
    const saysTotal = duration.total || (asking === "volunteer_hours" && /一共|总共|共|总|累计|合计/.test(text));
    if (saysTotal) total = duration.hours;
    else perPerson = duration.hours;
  } else if (bare && asking === "volunteer_hours" && !/人/.test(text)) {
    total = parseQuantity(bare[1]!).value;
  }

  const volunteers = update.volunteers ?? report.volunteers;
  if (total !== null) update.volunteer_hours = round2(total);
  else if (perPerson !== null && volunteers !== null) update.volunteer_hours = round2(perPerson * volunteers);
  else if (update.volunteers !== undefined && update.volunteers !== null) {
    const previous = perPersonFrom(report);
    if (previous !== null) update.volunteer_hours = round2(previous * update.volunteers);
  }

  const organization = asking === "organization" ? organizationFromAnswer(text) : findOrganization(text);
  if (organization) update.organization = organization;

  const location = locationAnswer(text, report, asking);
  if (location) update.location = location;

  if (asking === "category") {
    const category = CATEGORIES.find((name) => text.includes(name));
    if (category) update.category = category as Category;
  }
  if ((asking === "title" || asking === "description") && Object.keys(update).length === 0) {
    const answer = stripAnswer(text);
    if (answer.length >= 2) update[asking] = answer;
  }
  return update;
}

function perPersonFromClock(start: string, end: string): number | null {
  const from = parseClock(start);
  let to = parseClock(end);
  if (from === null || to === null) return null;
  if (to <= from) to += 24 * 60;
  return (to - from) / 60;
}

function locationAnswer(text: string, report: ReportFields, asking?: keyof ReportFields): string | null {
  const change = /(?:地点|地址|位置|地方)\s*(?:改成|改为|换成|应该是|是|在)\s*:?\s*([^,;。!?\n]{2,30})/.exec(text);
  if (change) return change[1]!.trim();
  const found = findLocation(text, report.organization);
  if (found && (asking === "location" || /在|地点|地址|去|到/.test(text))) return found;
  if (asking === "location") {
    const answer = stripAnswer(text);
    if (answer.length >= 2 && answer.length <= 30 && !CHANGE.test(answer) && !/\d+\s*(?:人|个|名)/.test(answer)) return answer;
  }
  return null;
}
