/**
 * Several days in one message (REPORTS.md: one report per day): lists such as 上周六和周日两天,
 * 7月25日、26日两天, 前天和昨天, ranges such as 21号到23号 / 这周一到周三 with 每天 or 连续N天,
 * and 连续三天 ending today. A later token inherits what the first one said (上周 of 上周六和周日,
 * 7月 of 7月25日、26日).
 */
import { type LocalMoment, addDays, compareDates, formatDate, parseIsoDate } from "./calendar.js";
import { resolveDate } from "./dates.js";

export interface DayList {
  /** YYYY-MM-DD, in order */
  days: string[];
  /** how each day is named again later in the text (周六, 前天, 26日), to find its own clause */
  names: string[][];
  start: number;
  end: number;
}

const WEEK_PREFIX = "(?:上上|上|这|本)?";
const WEEKDAY = `${WEEK_PREFIX}(?:周|星期|礼拜)[一二三四五六日天1-7]`;
const MONTH_DAY = "(?:\\d{1,2}月)?\\d{1,2}[日号]";
const RELATIVE = "大前天|前天|昨天|今天";
const DAY = `(?:${WEEKDAY}|${MONTH_DAY}|${RELATIVE})`;
const JOIN = "\\s*(?:和|、|与|及|跟|,|and|&)\\s*";
const COUNT = "(?:两|二|三|四|五|六|七|2|3|4|5|6|7)";

const LIST = new RegExp(`${DAY}(?:(?:${JOIN}|\\s*)${DAY})+(?=\\s*(?:${COUNT}天|各|都|每天|,|\\s|在|我们|[\\u4e00-\\u9fa5]))`, "g");
const RANGE = new RegExp(`(${DAY})\\s*(?:到|至|-|~)\\s*(${DAY})`, "g");
const RUN = new RegExp(`连续\\s*(${COUNT})\\s*天`);
const TOKEN = new RegExp(DAY, "g");

/** The token completed by what the first token of its list said. */
function inherit(token: string, first: string): string {
  const prefix = /^(上上|上|这|本)(?=周|星期|礼拜)/.exec(first)?.[1];
  if (prefix && /^(?:周|星期|礼拜)/.test(token)) return `${prefix}${token}`;
  const month = /^(\d{1,2}月)/.exec(first)?.[1];
  if (month && /^\d{1,2}[日号]$/.test(token)) return `${month}${token}`;
  return token;
}

function resolveToken(token: string, now: LocalMoment): string | null {
  const resolution = resolveDate(token, now);
  return resolution.problem === null || resolution.problem === "none" ? resolution.date : null;
}

/** The bare names a later clause may use for a day: 上周六 → 周六, 7月26日 → 26日/26号. */
function namesOf(token: string): string[] {
  const bare = token.replace(/^(上上|上|这|本)/, "");
  const names = new Set([token, bare]);
  const day = /(\d{1,2})[日号]$/.exec(token)?.[1];
  if (day) for (const mark of ["日", "号"]) names.add(`${day}${mark}`);
  const weekday = /(?:周|星期|礼拜)([一二三四五六日天1-7])$/.exec(token)?.[1];
  if (weekday) for (const word of ["周", "星期", "礼拜"]) names.add(`${word}${weekday}`);
  return [...names];
}

function expand(first: string, last: string, now: LocalMoment): string[] | null {
  const from = parseIsoDate(resolveToken(first, now) ?? "");
  const to = parseIsoDate(resolveToken(inherit(last, first), now) ?? "");
  if (!from || !to || compareDates(from, to) >= 0) return null;
  const days: string[] = [];
  for (let day = from; compareDates(day, to) <= 0 && days.length < 8; day = addDays(day, 1)) days.push(formatDate(day));
  return days.length >= 2 && days.length <= 7 ? days : null;
}

/** The days of a message about several days, or null for one day (or none). */
export function findDayList(text: string, now: LocalMoment): DayList | null {
  for (const match of text.matchAll(RANGE)) {
    const after = text.slice(match.index! + match[0].length);
    const said = `${text.slice(Math.max(0, match.index! - 8), match.index!)}${after}`;
    // 21号到23号 alone could be a stay; 每天, 连续, N天 or 三天都 make it several activities.
    if (!/每天|连续|天都|各|每次|${COUNT}天/.test(said) && !new RegExp(`${COUNT}天`).test(said)) continue;
    const days = expand(match[1]!, match[2]!, now);
    if (days) {
      const names = days.map((day) => [day]);
      return { days, names, start: match.index!, end: match.index! + match[0].length };
    }
  }
  for (const match of text.matchAll(LIST)) {
    const tokens = match[0].match(TOKEN) ?? [];
    if (tokens.length < 2) continue;
    // 11月2号周六 is one day and its weekday; side by side without 和/、 they are a list only
    // when the count of days follows (周六周日两天, 周二周四两个晚上).
    const joined = new RegExp(JOIN).test(match[0].replace(TOKEN, "|").replace(/^\||\|$/g, ""));
    const counted = new RegExp(`^\\s*(?:${COUNT}(?:个)?(?:天|晚上|上午|下午|次|场)|各)`).test(text.slice(match.index! + match[0].length));
    if (!joined && !counted) continue;
    const completed = tokens.map((token) => inherit(token, tokens[0]!));
    const days = completed.map((token) => resolveToken(token, now));
    if (days.some((day) => day === null) || new Set(days).size !== days.length) continue;
    if (days.some((day, index) => index > 0 && day! < days[index - 1]!)) continue;
    return { days: days as string[], names: tokens.map((token, index) => [...new Set([...namesOf(token), ...namesOf(completed[index]!)])]), start: match.index!, end: match.index! + match[0].length };
  }
  // 上周末两天: Saturday and Sunday of that week.
  const weekend = /(上上|上|这|本)?周末(?:两天|的?周六和?周日)/.exec(text);
  if (weekend) {
    const prefix = weekend[1] ?? "";
    const days = [`${prefix}周六`, `${prefix}周日`].map((token) => resolveToken(token, now));
    if (days[0] && days[1] && days[0] < days[1]) {
      return { days: days as string[], names: [["周六", "星期六", "礼拜六"], ["周日", "星期日", "周天"]], start: weekend.index, end: weekend.index + weekend[0].length };
    }
  }
  const run = RUN.exec(text);
  if (run) {
    const count = "两二三四五六七".indexOf(run[1]!) >= 0 ? [2, 2, 3, 4, 5, 6, 7]["两二三四五六七".indexOf(run[1]!)]! : Number(run[1]);
    const last = /昨天/.test(text) && !/今天/.test(text) ? addDays(now.date, -1) : /今天/.test(text) ? now.date : null;
    if (last) {
      const days = Array.from({ length: count }, (_, index) => formatDate(addDays(last, index - count + 1)));
      return { days, names: days.map((day) => [day]), start: run.index, end: run.index + run[0].length };
    }
  }
  return null;
}

/**
 * Each day's own text: the message with the other days' clauses (周六去了7个人) taken out. A
 * clause runs from a day's name to the next day's name or to words said of all days (都, 两天).
 */
export function textForDay(text: string, list: DayList, index: number): string {
  const tail = text.slice(list.end);
  const marks: Array<{ at: number; day: number }> = [];
  list.names.forEach((names, day) => {
    for (const name of names) {
      for (let at = tail.indexOf(name); at >= 0; at = tail.indexOf(name, at + 1)) marks.push({ at, day });
    }
  });
  if (marks.length < 2) return text;
  marks.sort((left, right) => left.at - right.at);
  const stops = [...tail.matchAll(/都|两天|三天|每天|一共|总共|[。;\n]/g)].map((match) => match.index!);
  let own = tail;
  for (let position = marks.length - 1; position >= 0; position -= 1) {
    const mark = marks[position]!;
    const nextMark = marks.find((other) => other.at > mark.at && other.day !== mark.day)?.at ?? tail.length;
    const stop = Math.min(nextMark, stops.find((at) => at > mark.at) ?? tail.length);
    if (mark.day !== index) own = own.slice(0, mark.at) + " ".repeat(stop - mark.at) + own.slice(stop);
  }
  return `${text.slice(0, list.start)} ${text.slice(list.start, list.end).replace(/./g, " ")}${own}`;
}
