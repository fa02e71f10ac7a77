/**
 * The activity date, by the rules of REPORTS.md "Dates". Works on normalised text
 * (see text.ts) against the reference moment in the park's time zone.
 */
import {
  type CivilDate,
  type LocalMoment,
  addDays,
  compareDates,
  formatDate,
  isValidDate,
  weekdayOf,
} from "./calendar.js";
import { findFestival } from "./festivals.js";
import { parseNumeral } from "./numbers.js";

export type DateProblem = "future" | "vague" | "weekday_mismatch" | "none";

export interface DateResolution {
  /** YYYY-MM-DD, or null when the date must be asked */
  date: string | null;
  /** the text names the activity's day in some way (even a vague or contradicted one) */
  mentioned: boolean;
  /** the expression points ahead (明天, 下周二): a plan, not a report */
  planned: boolean;
  /** false when only a part of the day (下午) was said and the day was taken as today */
  explicitDay: boolean;
  problem: DateProblem | null;
}

const CN_DAY = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";
const WEEKDAY_CHARS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
  "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
};
const WEEKDAY_AFTER = /^\s*\(?\s*(?:周|星期|礼拜)([一二三四五六日天1-7])/;

interface Found {
  date: CivilDate;
  /** start of the matched expression, to look for a weekday written right before it */
  start: number;
  /** end of the matched expression, to look for a weekday written right after it */
  end: number;
}

/** Resolves the activity's date; see DateResolution for the meaning of each outcome. */
export function resolveDate(text: string, now: LocalMoment): DateResolution {
  const today = now.date;
  const lower = text.toLowerCase();

  if (/明天|明日|明儿|明早|明晚|后天|tomorrow|下周|下礼拜|下星期|下个?月|next\s+week/.test(lower)
    && !hasPastDay(lower)) {
    return { date: null, mentioned: true, planned: true, problem: "future", explicitDay: true };
  }

  // 八月十五 and 正月十五 are lunar dates, not Gregorian month-days.
  const lunarDay = /正月十五|八月十五(?![日号])|五月初五|九月初九|腊月初八/.test(text) ? findFestival(text, today) : null;
  if (lunarDay && !lunarDay.approximate) return checked({ date: lunarDay.date, start: lunarDay.index, end: lunarDay.index + lunarDay.name.length }, text, today);

  const found =
    findYearMonthDay(text) ??
    findMonthDay(text, today) ??
    findDayOfMonth(text, today) ??
    findRelativeDay(lower, now) ??
    findWeekday(text, today);
  if (found) return checked(found, text, today);

  if (isVague(text)) return { date: null, mentioned: true, planned: false, problem: "vague", explicitDay: true };

  const festival = findFestival(text, today);
  if (festival) {
    if (festival.approximate) return { date: null, mentioned: true, planned: false, problem: "vague", explicitDay: true };
    return checked({ date: festival.date, start: festival.index, end: festival.index + festival.name.length }, text, today);
  }

  // 刚回来, 刚收工: the activity has just ended, so it is today's (the pipeline moves it to
  // yesterday when the message comes after midnight and the times lie ahead of the clock).
  if (/刚刚|刚才|刚从|刚[结完收回忙干]|just\s+(?:got|finished|came)/.test(lower)) {
    return { date: formatDate(today), mentioned: true, planned: false, problem: null, explicitDay: true };
  }
  // 下午在社区搞了义诊: a part of the day with no day named is the day of the message.
  if (/上午|下午|中午|早上|傍晚|晚上|今早|this\s+(?:morning|afternoon|evening)/.test(lower)) {
    return { date: formatDate(today), mentioned: true, planned: false, problem: null, explicitDay: false };
  }
  return { date: null, mentioned: false, planned: false, problem: "none", explicitDay: false };
}

function hasPastDay(lower: string): boolean {
  return /今天|今日|昨|前天|上周|上礼拜|上星期|刚|this\s+(?:morning|afternoon)|\d+号|\d+月/.test(lower);
}

const WEEKDAY_BEFORE = /(?:周|星期|礼拜)([一二三四五六日天1-7])\s*\(?\s*$/;

function checked(found: Found, text: string, today: CivilDate): DateResolution {
  // 6月20号(周六) and 周六(6月20号) both state a weekday that must agree with the date.
  const weekday = WEEKDAY_AFTER.exec(text.slice(found.end, found.end + 6)) ?? WEEKDAY_BEFORE.exec(text.slice(Math.max(0, found.start - 6), found.start));
  if (weekday && WEEKDAY_CHARS[weekday[1]!] !== weekdayOf(found.date)) {
    return { date: null, mentioned: true, planned: false, problem: "weekday_mismatch", explicitDay: true };
  }
  if (compareDates(found.date, today) > 0) {
    return { date: null, mentioned: true, planned: false, problem: "future", explicitDay: true };
  }
  return { date: formatDate(found.date), mentioned: true, planned: false, problem: null, explicitDay: true };
}

function findYearMonthDay(text: string): Found | null {
  const match = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDate(year, month, day)) return null;
  return { date: { year, month, day }, start: match.index, end: match.index + match[0].length };
}

/** M月N日 / M.N / M/N: the most recent past occurrence (in January, 12月31号 is last year). */
function findMonthDay(text: string, today: CivilDate): Found | null {
  const patterns = [
    new RegExp(`(去年|今年)?(${CN_DAY})\\s*月\\s*(${CN_DAY})\\s*[日号]?`),
    // 3.8 or 6/20, but not 2.5小时, 1.5h or a clock time.
    /(去年|今年)?(?<![\d.:/])(\d{1,2})[./](\d{1,2})(?![\d.:/])(?!\s*(?:小时|个|h|万|元|%|公里|km|米|斤|岁|倍|分|人|名))/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const month = parseNumeral(match[2]!);
    const day = parseNumeral(match[3]!);
    if (month === null || day === null) continue;
    const date = recentMonthDay(month, day, today, match[1]);
    if (date) return { date, start: match.index, end: match.index + match[0].length };
  }
  return null;
}

function recentMonthDay(month: number, day: number, today: CivilDate, yearWord?: string): CivilDate | null {
  if (yearWord === "去年") {
    return isValidDate(today.year - 1, month, day) ? { year: today.year - 1, month, day } : null;
  }
  if (isValidDate(today.year, month, day)) {
    const thisYear = { year: today.year, month, day };
    if (yearWord === "今年" || compareDates(thisYear, today) <= 0) return thisYear;
  }
  return isValidDate(today.year - 1, month, day) ? { year: today.year - 1, month, day } : null;
}

/** N号 alone: this month if N ≤ today's day, else last month (本月/上月 say so explicitly). */
function findDayOfMonth(text: string, today: CivilDate): Found | null {
  const match = new RegExp(
    // 3号楼, 5号线 are places, not days.
    `(?:(本月|这个月|这月|上个?月)|(?<![\\d月周期拜.:路街道巷弄]))(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*号(?![\\d楼院线门房口车店馆床位社])|(?:(本月|这个月|这月|上个?月)|(?<![\\d月周期拜.:]))(\\d{1,2})\\s*日(?![\\d常])`,
  ).exec(text);
  if (!match) return null;
  const prefix = match[1] ?? match[3];
  const day = parseNumeral((match[2] ?? match[4])!);
  if (day === null) return null;
  const lastMonth = addDays({ ...today, day: 1 }, -1);
  const inMonth = (anchor: CivilDate): CivilDate | null =>
    isValidDate(anchor.year, anchor.month, day) ? { year: anchor.year, month: anchor.month, day } : null;
  let date: CivilDate | null;
  if (prefix && prefix.startsWith("上")) date = inMonth(lastMonth);
  else if (prefix) date = inMonth(today);
  else date = day <= today.day ? inMonth(today) : inMonth(lastMonth);
  return date ? { date, start: match.index, end: match.index + match[0].length } : null;
}

const RELATIVE_DAYS: ReadonlyArray<readonly [RegExp, number]> = [
  [/大前天|大前儿/, -3],
  [/前天|前儿个|前日/, -2],
  [/昨天|昨日|昨儿|昨晚|昨早|昨夜|yesterday/, -1],
  [/今天|今日|今儿|今早|今晨|今晚|今夜|today|tonight|this\s+(?:morning|afternoon|evening)/, 0],
];

function findRelativeDay(lower: string, now: LocalMoment): Found | null {
  for (const [pattern, offset] of RELATIVE_DAYS) {
    const match = pattern.exec(lower);
    if (!match) continue;
    let date = addDays(now.date, offset);
    // After midnight, "tonight" is the night that has just ended: the previous calendar day.
    const tonight = /今晚|今夜|今天晚上|tonight/.test(lower);
    if (offset === 0 && tonight && now.minutes < 5 * 60) date = addDays(date, -1);
    return { date, start: match.index, end: match.index + match[0].length };
  }
  return null;
}

/** 上周X / 上上周X / 这周X / 本周X / bare 周X (礼拜X, 星期X), weeks running Monday to Sunday. */
function findWeekday(text: string, today: CivilDate): Found | null {
  const match = /(上上|上|这|本)?个?(?:周|礼拜|星期)([一二三四五六日天1-7])/.exec(text);
  if (!match) return null;
  const target = WEEKDAY_CHARS[match[2]!]!;
  const todayWeekday = weekdayOf(today);
  const monday = addDays(today, 1 - todayWeekday);
  const weeksBack = match[1] === "上上" ? 2 : match[1] === "上" ? 1 : 0;
  const date = match[1]
    ? addDays(monday, target - 1 - 7 * weeksBack)
    : addDays(today, -((todayWeekday - target + 7) % 7));
  return { date, start: match.index, end: match.index + match[0].length };
}

/** Expressions that name a period, not a day: the date must be asked. */
function isVague(text: string): boolean {
  return /上周末|这周末|周末|上周(?![一二三四五六日天1-7])|上个?礼拜(?![一二三四五六日天1-7])|上个?星期(?![一二三四五六日天1-7])|前几天|前些天|前些日子|前阵子|前段时间|这几天|月初|月底|月中|上个?月(?![\d一二三四五六七八九十]+[号日])|最近|近期|去年/.test(
    text,
  );
}
