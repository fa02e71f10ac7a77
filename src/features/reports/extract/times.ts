/**
 * Clock times and durations (REPORTS.md "Times" and "Hours"). Minutes since midnight; an end
 * at or after 24:00 means the next day and is written 00:00.
 */
import { parseNumeral, parseQuantity, QUANTITY } from "./numbers.js";

const PERIOD = "(?:凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|半夜|晚|早)";
const HOUR = "(?:\\d{1,2}|[零一二两三四五六七八九十]{1,3})";
/** 下午3点5个人: a bare number after 点 followed by a count word is a head count, not minutes. */
const NOT_A_COUNT = "(?!\\s*(?:个|名|位|人|户|多|来|余))";
const MINUTE_WORD = `(?:半|一刻|三刻|\\d{1,2}(?!\\d)${NOT_A_COUNT}\\s*分?|[一二三四五]?十[一二三四五六七八九]?(?![一二三四五六七八九十])${NOT_A_COUNT}\\s*分?|[一二三四五六七八九]\\s*分)`;

/** One clock time: 9点, 下午两点半, 9:00, 4:30pm, 2pm. */
const TIME_POINT = new RegExp(
  `(?<period>${PERIOD})?\\s*(?:(?<=${PERIOD}\\s*)(?:从|由|大概|大约|约))?\\s*(?<hour>${HOUR})\\s*(?:(?::\\s*(?<minute>\\d{2}))\\s*(?<ampm1>am|pm|a\\.m\\.|p\\.m\\.)?|(?:点钟?|时(?![间候长段期刻]))\\s*(?<words>${MINUTE_WORD})?|(?<ampm2>am|pm|a\\.m\\.|p\\.m\\.))`,
  "gi",
);

export interface TimePoint {
  index: number;
  end: number;
  /** minutes since midnight, before range adjustment */
  minutes: number;
  /** whether a period word or am/pm fixed the half of the day */
  hasPeriod: boolean;
  hour: number;
}

export interface Session {
  start: number;
  /** may exceed 1440 when the session runs past midnight */
  end: number;
  index: number;
  endIndex: number;
}

export interface TimeFacts {
  sessions: Session[];
  /** a lone start (下午2点开始) or end (5点结束) without its partner */
  loneStart: number | null;
  loneEnd: number | null;
}

/** 9-11点 and 九到十一点 share one 点; write it on both ends so each end is a time point. */
function expandSharedHourMark(text: string): string {
  return text.replace(
    new RegExp(`(${HOUR})\\s*([-~到至])\\s*(${PERIOD}?\\s*${HOUR})\\s*点`, "g"),
    "$1点$2$3点",
  );
}

function minutesFromWords(words: string | undefined): number {
  if (!words) return 0;
  if (words === "半") return 30;
  if (words === "一刻") return 15;
  if (words === "三刻") return 45;
  const value = parseNumeral(words.replace(/\s*分$/, ""));
  return value !== null && value < 60 ? value : 0;
}

/** Applies a period word: bare 1–6 are afternoon, 7–11 morning (evening when 晚上 is said). */
function clockMinutes(hour: number, period: string | undefined, minute: number, eveningContext: boolean): number {
  let value = hour;
  const word = period?.toLowerCase();
  if (word && /下午|午后|傍晚|pm|p\.m\./.test(word)) {
    if (hour < 12) value = hour + 12;
  } else if (word && /晚|夜/.test(word)) {
    if (hour === 12) value = 24;
    else if (hour >= 5 && hour < 12) value = hour + 12;
  } else if (word === "中午") {
    if (hour <= 2) value = hour + 12;
  } else if (word && /凌晨|早|上午|am|a\.m\./.test(word)) {
    if (hour === 12) value = 0;
  } else if (hour >= 1 && hour <= 6) {
    value = hour + 12;
  } else if (hour >= 7 && hour <= 11 && eveningContext) {
    value = hour + 12;
  }
  return value * 60 + minute;
}

function readPoints(text: string, eveningContext: boolean): TimePoint[] {
  const points: TimePoint[] = [];
  for (const match of text.matchAll(TIME_POINT)) {
    const groups = match.groups!;
    const hour = parseNumeral(groups.hour!);
    if (hour === null || hour > 24) continue;
    const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 3);
    // 四点半课堂 is the name of an after-school programme, not a time.
    if (/^(?:课堂|学校|班)/.test(after)) continue;
    // 有一点, 早一点: "a little", not one o'clock.
    const before = text.slice(Math.max(0, match.index! - 1), match.index!);
    if (!groups.period && /^[一两]点$/.test(match[0]) && (/[有早晚多少快慢好差再]/.test(before) || /^[儿点]/.test(after))) continue;
    const minute = groups.minute ? Number(groups.minute) : minutesFromWords(groups.words);
    if (minute >= 60) continue;
    const period = groups.period ?? groups.ampm1 ?? groups.ampm2;
    points.push({
      index: match.index!,
      end: match.index! + match[0].length,
      minutes: clockMinutes(hour, period, minute, eveningContext),
      hasPeriod: Boolean(period),
      hour,
    });
  }
  return points;
}

const RANGE_GAP = /^\s*(?:[^\d\s,;。!?\n]{0,4}?)\s*(?:到|至|-|~|until|to)\s*(?:[^\d\s,;。!?\n]{0,2}?)\s*$/i;

/** Pairs an end with its start, carrying the start's half of the day to a bare end. */
function toSession(start: TimePoint, end: TimePoint): Session {
  let startMinutes = start.minutes;
  let endMinutes = end.minutes;
  // 3:00-4:30pm: the pm written on the end also covers the start.
  if (!start.hasPeriod && end.hasPeriod && endMinutes >= 12 * 60 && startMinutes < 12 * 60
    && startMinutes + 12 * 60 < endMinutes) {
    startMinutes += 12 * 60;
  }
  if (!end.hasPeriod && endMinutes <= startMinutes) {
    // 晚8点到12点 ends at midnight; 晚上7点到11点 ends at 23:00.
    if (end.hour === 12 && startMinutes >= 12 * 60) endMinutes = 24 * 60 + (endMinutes % 60);
    else if (endMinutes + 12 * 60 > startMinutes && endMinutes < 12 * 60) endMinutes += 12 * 60;
  }
  if (endMinutes <= startMinutes) endMinutes += 24 * 60;
  return { start: startMinutes, end: endMinutes, index: start.index, endIndex: end.end };
}

/** Clock ranges (sessions) and lone start/end times in a piece of normalised text. */
export function readTimes(text: string): TimeFacts {
  const prepared = expandSharedHourMark(text);
  const eveningContext = /晚上|今晚|晚间|夜里|tonight|evening/.test(prepared) && !/上午|早上|早晨|清晨|早班|白班|morning/.test(prepared);
  const points = readPoints(prepared, eveningContext);
  const sessions: Session[] = [];
  const used = new Set<number>();
  for (let position = 0; position + 1 < points.length; position += 1) {
    const start = points[position]!;
    const end = points[position + 1]!;
    if (used.has(position)) continue;
    if (!RANGE_GAP.test(prepared.slice(start.end, end.index))) continue;
    sessions.push(toSession(start, end));
    used.add(position).add(position + 1);
  }
  const lone = points.filter((_, position) => !used.has(position));
  let loneStart: number | null = null;
  let loneEnd: number | null = null;
  for (const point of lone) {
    const after = prepared.slice(point.end, point.end + 4);
    if (/^(?:结束|收工|散|解散|撤|完|为止|返回|回来|离开)/.test(after)) loneEnd ??= point.minutes;
    else loneStart ??= point.minutes;
  }
  // 一点半开始，三点半结束: a start and an end written apart still make one session.
  if (sessions.length === 0 && loneStart !== null && loneEnd !== null) {
    const end = loneEnd > loneStart ? loneEnd : loneEnd + (loneEnd + 12 * 60 > loneStart && loneEnd < 12 * 60 ? 12 * 60 : 24 * 60);
    sessions.push({ start: loneStart, end, index: 0, endIndex: 0 });
    return { sessions, loneStart: null, loneEnd: null };
  }
  return { sessions, loneStart, loneEnd };
}

/** Per-person or total hours written as a duration: 3个小时, 半天, 一个半小时, 45分钟, 2h. */
export interface Duration {
  hours: number | null;
  /** 累计/合计…: the team's total person-hours rather than each person's time */
  total: boolean;
  /** 两三个小时, 好一阵子: a duration was given but cannot be used */
  vague: boolean;
  /** 每人/人均/各: explicitly each person's time */
  each: boolean;
  approximate: boolean;
  index: number;
}

const DURATION = new RegExp(
  `(?<amount>${QUANTITY}|半)\\s*个?\\s*(?<more>多|来)?\\s*(?<half>半)?\\s*个?\\s*(?<unit>小时|钟头|个钟|hours?|hrs?|h(?![a-z])|分钟|mins?|minutes?)`,
  "gi",
);
const TOTAL_WORDS = /(?:累计|总计|合计|共计|总共|总时长|服务时长共|志愿时长共|时长共|共服务|一共服务|总服务)[^\d,;。\n]{0,6}$/;

const EACH_WORDS = /(?:每人|每个人|每位|人均|平均|各)[^\d,;。\n]{0,6}$/;

export function readDurations(text: string): Duration[] {
  const durations: Duration[] = [];
  for (const match of text.matchAll(DURATION)) {
    const groups = match.groups!;
    const before = text.slice(Math.max(0, match.index! - 10), match.index!);
    // 9点30分 is a clock time, not thirty minutes of work.
    if (/点\s*$/.test(before) && /^分/.test(groups.unit!)) continue;
    const amount = groups.amount === "半" ? { value: 0.5, approximate: false } : parseQuantity(groups.amount!);
    const total = TOTAL_WORDS.test(before) || /^\s*(?:人时|工时)/.test(text.slice(match.index! + match[0].length));
    if (amount.value === null) {
      durations.push({ hours: null, total, vague: true, approximate: true, each: false, index: match.index! });
      continue;
    }
    let hours = amount.value + (groups.half ? 0.5 : 0);
    if (/^(?:分钟|min)/i.test(groups.unit!)) hours = amount.value / 60;
    durations.push({
      hours,
      // Nobody serves more than 12 hours in one activity: a larger figure is the team's total.
      total: total || hours > 12,
      vague: false,
      approximate: amount.approximate || Boolean(groups.more),
      each: EACH_WORDS.test(before),
      index: match.index!,
    });
  }
  for (const match of text.matchAll(/(?<!大)半天/g)) {
    durations.push({ hours: 4, total: false, vague: false, approximate: false, each: EACH_WORDS.test(text.slice(Math.max(0, match.index! - 10), match.index!)), index: match.index! });
  }
  for (const match of text.matchAll(/好一阵子?|一阵子|一会儿|大半天|一整天|一下午|一上午|一晚上|个把小时|好几个小时|几个小时/g)) {
    durations.push({ hours: null, total: false, vague: true, approximate: true, each: false, index: match.index! });
  }
  return durations.sort((left, right) => left.index - right.index);
}

/** Hours of a session, e.g. 08:30–11:00 → 2.5 */
export function sessionHours(session: Session): number {
  return (session.end - session.start) / 60;
}


