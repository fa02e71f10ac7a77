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

/** 14:00-16:00, 9:30～11, 14点-16点30 → minutes after midnight. */
export function parseTimeRange(text: string): { from: number; to: number } | undefined {
  const match = /^(\d{1,2})(?:[:：点](\d{2})?)?分?\s*[-–—~～至到]\s*(\d{1,2})(?:[:：点](\d{2})?)?分?$/.exec(text.trim());
  if (!match) return undefined;
  const from = Number(match[1]) * 60 + Number(match[2] ?? 0);
  const to = Number(match[3]) * 60 + Number(match[4] ?? 0);
  if (Number(match[1]) > 23 || Number(match[3]) > 24 || Number(match[2] ?? 0) > 59 || Number(match[4] ?? 0) > 59 || to <= from) return undefined;
  return { from, to };
}

const offsetUnits: Record<string, string> = { d: "d", 天: "d", h: "h", 小时: "h", 时: "h", m: "m", 分: "m", 分钟: "m" };

/** 1d, 2h, 30m (also 1天, 2小时, 30分钟) → the canonical "1d" form. */
export function parseOffset(text: string): string | undefined {
  const match = /^(\d+)\s*(d|h|m|天|小时|时|分钟|分)$/i.exec(text.trim());
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
  for (const token of args.split(/\s+/).filter(Boolean)) {
    const option = optionPattern.exec(token);
    if (!option) {
      words.push(token);
      continue;
    }
    const [name, value] = [option[1]!.toLowerCase(), option[2]!.trim()];
    if (name === "to" || name === "对象") input.audience = splitList(value);
    if (name === "remind" || name === "提醒") {
      const offsets = splitList(value).map((item) => parseOffset(item) ?? badOption(item));
      input.reminders = [...new Set(offsets)];
    }
    if (name === "cap" || name === "名额") {
      if (/^(0|无|不限|none)$/i.test(value)) input.capacity = null;
      else if (/^\d+$/.test(value)) input.capacity = Number(value);
      else badOption(token);
    }
  }
  const today = wallTime(options.now, options.timeZone);
  let day = words.length > 0 ? parseDay(words[0]!, today) : undefined;
  if (day) words.shift();
  const range = words.length > 0 ? parseTimeRange(words[0]!) : undefined;
  if (range) words.shift();
  if (!options.partial && (!day || !range)) throw new UserError("trainings.errors.addUsage");
  if (day || range) {
    const current = options.current ? wallTime(options.current.start, options.timeZone) : undefined;
    day ??= current;
    const from = range?.from ?? current!.hour * 60 + current!.minute;
    const to = range?.to ?? (options.current ? from + (options.current.end.getTime() - options.current.start.getTime()) / 60_000 : from + 60);
    input.start = fromWallTime({ ...day!, hour: Math.floor(from / 60), minute: from % 60 }, options.timeZone);
    input.end = new Date(input.start.getTime() + (to - from) * 60_000);
  }
  const rest = words.join(" ");
  const at = rest.search(/[@＠]/);
  const title = (at >= 0 ? rest.slice(0, at) : rest).trim();
  const place = at >= 0 ? rest.slice(at + 1).trim() : "";
  if (title) input.title = title;
  if (place) input.place = place;
  if (!options.partial && (!input.title || !input.place)) throw new UserError("trainings.errors.addUsage");
  return input;
}

function splitList(value: string): string[] {
  return value.split(/[,，、]/).map((item) => item.trim()).filter(Boolean);
}

function badOption(value: string): never {
  throw new UserError("trainings.errors.badOption", { option: value });
}
