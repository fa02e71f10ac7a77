import { UserError } from "../../core/errors.js";
import { addDays, compareDays, fromWallTime, wallTime, type Day } from "./time.js";

/** What `/training add` and `/training edit` were given; absent fields are left as they are. */
export interface TrainingInput {
  start?: Date;
  end?: Date;
  title?: string;
  place?: string;
  audience?: string[];
  reminders?: string[];
  capacity?: number | null;
}

const weekdayNames: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, "7": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6 };

/**
 * A day word, looking forward from `today`: 2026-12-03, 2026年12月3日, 12月3日 / 12-3 (the next
 * such date), 今天, 明天, 后天, 周三 (the next Wednesday, today included), 下周三 (Wednesday of
 * next week), 本周三.
 */
export function parseDay(word: string, today: Day & { weekday: number }): Day | undefined {
  const text = word.trim();
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (full) return validDay({ year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) });
  const short = /^(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (short) {
    const candidate = validDay({ year: today.year, month: Number(short[1]), day: Number(short[2]) });
    if (!candidate) return undefined;
    return compareDays(candidate, today) < 0 ? validDay({ ...candidate, year: today.year + 1 }) : candidate;
  }
  const relative: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 大后天: 3 };
  if (text in relative) return addDays(today, relative[text]!);
  const week = /^(下下|下|本|这|)(?:个)?(周|星期|礼拜)([一二三四五六日天1-7])$/.exec(text);
  if (week) {
    const target = weekdayNames[week[3]!]!;
    if (week[1] === "") return addDays(today, (target - today.weekday + 7) % 7);
    // Weeks start on Monday in Chinese usage: 下周日 is the Sunday that ends next week.
    const mondayOffset = (today.weekday + 6) % 7;
    const weeks = week[1] === "下" ? 1 : week[1] === "下下" ? 2 : 0;
    return addDays(today, -mondayOffset + weeks * 7 + ((target + 6) % 7));
  }
  return undefined;
}

function validDay(day: Day): Day | undefined {
  const check = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return check.getUTCMonth() === day.month - 1 && check.getUTCDate() === day.day ? day : undefined;
}

const period = "(上午|早上|早晨|中午|下午|晚上)?";
const clock = "(\\d{1,2})(?:[:：点](半|\\d{1,2})?)?分?";
const rangePattern = new RegExp(`^${period}${clock}\\s*[-–—~～至到]\\s*${period}${clock}$`);
const singlePattern = new RegExp(`^${period}${clock}$`);

/** Hour and minute with a 上午/下午 word, as minutes after midnight (undefined: impossible). */
function clockMinutes(periodWord: string | undefined, hourText: string, minuteText: string | undefined): number | undefined {
  let hour = Number(hourText);
  const minute = minuteText === "半" ? 30 : Number(minuteText ?? 0);
  if (hour > 24 || minute > 59) return undefined;
  if (periodWord && /下午|晚上/.test(periodWord) && hour < 12) hour += 12;
  if (periodWord === "中午" && hour < 6) hour += 12;
  return hour * 60 + minute;
}

/** 14:00-16:00, 9:30～11, 14点-16点30, 9点-11点半, 下午2点-4点 → minutes after midnight. */
export function parseTimeRange(text: string): { from: number; to: number } | undefined {
  const match = rangePattern.exec(text.trim());
  if (!match) return undefined;
  const from = clockMinutes(match[1], match[2]!, match[3]);
  let to = clockMinutes(match[4] ?? match[1], match[5]!, match[6]);
  if (from === undefined || to === undefined || from >= 24 * 60) return undefined;
  // 上午11点-1点: an end without its own 上午/下午 that falls before the start is in the afternoon.
  if (!match[4] && to <= from && to < 12 * 60 && to + 12 * 60 > from) to += 12 * 60;
  if (to <= from || to > 24 * 60) return undefined;
  return { from, to };
}

/** A lone start time: 9点, 14:30, 下午2点半. */
export function parseClock(text: string): number | undefined {
  const match = singlePattern.exec(text.trim());
  if (!match || (!match[3] && !/点/.test(text) && !match[1])) return undefined;
  const value = clockMinutes(match[1], match[2]!, match[3]);
  return value !== undefined && value < 24 * 60 ? value : undefined;
}

/** Words that are meant as a time even when they cannot be read (16:00-15:00, 25点). */
function looksLikeTime(word: string): boolean {
  return /^(上午|早上|早晨|中午|下午|晚上)?\d{1,2}\s*([:：点]|[-–—~～至到]\s*\d)/.test(word) || /^(上午|早上|早晨|中午|下午|晚上)\d/.test(word);
}

/** Joins "9:00 - 11:00" (spaces around the dash) into one word, and splits "12月3日14:00-16:00". */
function normalizeWords(args: string): string[] {
  const joined = args.replace(/(\d(?:[:：]\d{1,2}|点(?:半|\d{1,2})?分?)?)\s+([-–—~～至到])\s*(?=(?:上午|早上|中午|下午|晚上)?\d)|(\d(?:[:：]\d{1,2}|点(?:半|\d{1,2})?分?)?)([-–—~～至到])\s+(?=(?:上午|早上|中午|下午|晚上)?\d)/g, (_all, a, b, c, d) => `${a ?? c}${b ?? d}`);
  const words: string[] = [];
  for (const word of joined.split(/\s+/).filter(Boolean)) {
    const split = /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}[日号]?|\d{1,2}\s*[/月]\s*\d{1,2}[日号]?|今天|明天|后天|大后天|(?:下下|下|本|这)?(?:周|星期|礼拜)[一二三四五六日天1-7])((?:上午|早上|早晨|中午|下午|晚上)?\d.*)$/.exec(word);
    if (split && looksLikeTime(split[2]!)) words.push(split[1]!, split[2]!);
    else words.push(word);
  }
  return words;
}

const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 30, 30人, 三十, 二十五名 → the number; undefined when it is not one. */
export function parseCount(text: string): number | undefined {
  const value = text.trim().replace(/(人|名|位|个)$/, "");
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(value);
  if (!match || value === "") return undefined;
  if (!match[2]) return match[1] && !match[3] ? chineseDigits[match[1]] : undefined;
  return (match[1] ? chineseDigits[match[1]]! : 1) * 10 + (match[3] ? chineseDigits[match[3]]! : 0);
}

const offsetUnits: Record<string, string> = { d: "d", 天: "d", h: "h", 小时: "h", 时: "h", m: "m", 分: "m", 分钟: "m" };

/** 1d, 2h, 30m (also 1天, 2小时, 30分钟) → the canonical "1d" form. */
export function parseOffset(text: string): string | undefined {
  const match = /^(?:提前)?(\d+)\s*(d|h|m|天|小时|时|分钟|分)$/i.exec(text.trim());
  if (!match || Number(match[1]) === 0) return undefined;
  return `${Number(match[1])}${offsetUnits[match[2]!.toLowerCase()]}`;
}

export function offsetMs(offset: string): number {
  const value = Number(offset.slice(0, -1));
  const unit = offset.at(-1);
  return value * (unit === "d" ? 86_400_000 : unit === "h" ? 3_600_000 : 60_000);
}

const optionPattern = /^(to|remind|cap|对象|提醒|名额)[:：](.*)$/i;

/**
 * Parses `<日期> <开始>-<结束> <标题> @<地点> [to:…] [remind:…] [cap:…]`. With `partial` (edit),
 * every part is optional: a leading day or time range changes the time, `@` the place, the
 * remaining words the title.
 */
export function parseTrainingInput(args: string, options: { now: Date; timeZone: string; partial?: boolean; current?: { start: Date; end: Date } }): TrainingInput {
  const input: TrainingInput = {};
  const words: string[] = [];
  const tokens = normalizeWords(args);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const option = optionPattern.exec(token);
    if (!option) {
      words.push(token);
      continue;
    }
    const name = option[1]!.toLowerCase();
    let value = option[2]!.trim();
    // "cap: 30", "to: 养老": the value came as the next word.
    if (value === "" && index + 1 < tokens.length && !optionPattern.test(tokens[index + 1]!)) value = tokens[++index]!;
    if (value === "") badOption(token);
    if (name === "to" || name === "对象") input.audience = splitList(value).map((tag) => (/^(all|全部|所有|全体|所有群|全部群)$/i.test(tag) ? "all" : tag));
    if (name === "remind" || name === "提醒") {
      if (/^(0|无|不|不提醒|none|no)$/i.test(value)) input.reminders = [];
      else input.reminders = [...new Set(splitList(value).map((item) => parseOffset(item) ?? badOption(item)))];
    }
    if (name === "cap" || name === "名额") {
      if (/^(0|无|不限|none)$/i.test(value)) input.capacity = null;
      else input.capacity = parseCount(value) || badOption(token);
    }
  }
  const today = wallTime(options.now, options.timeZone);
  let day = words.length > 0 ? parseDay(words[0]!, today) : undefined;
  if (day) words.shift();
  const range = words.length > 0 ? parseTimeRange(words[0]!) : undefined;
  // A lone start time only makes sense when changing a training: its length stays.
  const single = !range && options.partial && words.length > 0 ? parseClock(words[0]!) : undefined;
  if (range || single !== undefined) words.shift();
  else if (words.length > 0 && looksLikeTime(words[0]!)) {
    const bad = words[0]!;
    const pair = rangePattern.exec(bad);
    throw new UserError(pair ? "trainings.errors.endBeforeStart" : options.partial ? "trainings.errors.badTime" : "trainings.errors.needEnd", { time: bad });
  }
  if (!options.partial && !day) throw new UserError(range ? "trainings.errors.needDay" : words.length > 0 && /\d/.test(words[0]!) ? "trainings.errors.badDay" : "trainings.errors.addUsage", { day: words[0] ?? "" });
  if (!options.partial && !range) throw new UserError("trainings.errors.needTime");
  if (day || range || single !== undefined) {
    const current = options.current ? wallTime(options.current.start, options.timeZone) : undefined;
    day ??= current;
    const length = options.current ? (options.current.end.getTime() - options.current.start.getTime()) / 60_000 : 60;
    const from = range?.from ?? single ?? current!.hour * 60 + current!.minute;
    const to = range?.to ?? from + length;
    input.start = fromWallTime({ ...day!, hour: Math.floor(from / 60), minute: from % 60 }, options.timeZone);
    input.end = new Date(input.start.getTime() + (to - from) * 60_000);
  }
  // The place follows @ (or 地点：, as people write it in notices).
  const rest = words.join(" ").replace(/(?:^|\s)地点\s*[:：]\s*/, "@");
  const at = rest.search(/[@＠]/);
  const title = (at >= 0 ? rest.slice(0, at) : rest).trim();
  const place = at >= 0 ? rest.slice(at + 1).trim() : "";
  if (title) input.title = title;
  if (place) input.place = place;
  if (!options.partial && !input.title) throw new UserError("trainings.errors.addUsage");
  if (!options.partial && !input.place) throw new UserError("trainings.errors.needPlace");
  return input;
}

function splitList(value: string): string[] {
  return value.split(/[,，、;；]/).map((item) => item.trim()).filter(Boolean);
}

function badOption(value: string): never {
  throw new UserError("trainings.errors.badOption", { option: value });
}
