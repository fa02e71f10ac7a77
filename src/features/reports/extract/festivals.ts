/**
 * Festivals and observance days that volunteers use as dates (重阳节那天, 世界环境日).
 * Lunar festivals and solar terms are computed with lunar-javascript for any year.
 */
import { createRequire } from "node:module";
import type * as LunarJs from "lunar-javascript";
import { type CivilDate, compareDates, nthWeekdayOfMonth } from "./calendar.js";

type Resolver = (year: number) => CivilDate;

/**
 * The calendar library is loaded when a festival is first resolved, not at start-up (about 40 ms
 * of it): most messages never name one.
 */
let calendar: typeof LunarJs.Lunar | undefined;
const Lunar = {
  fromYmd(year: number, month: number, day: number) {
    calendar ??= (createRequire(import.meta.url)("lunar-javascript") as typeof LunarJs).Lunar;
    return calendar.fromYmd(year, month, day);
  },
};

const fixed = (month: number, day: number): Resolver => (year) => ({ year, month, day });

/** Lunar month/day of the lunar year that begins in Gregorian `year`. */
const lunar = (month: number, day: number): Resolver => (year) => {
  const solar = Lunar.fromYmd(year, month, day).getSolar();
  return { year: solar.getYear(), month: solar.getMonth(), day: solar.getDay() };
};

/** 除夕 is the day before the next 春节, whatever the length of the twelfth lunar month. */
const newYearsEve: Resolver = (year) => {
  const solar = Lunar.fromYmd(year + 1, 1, 1).getSolar().next(-1);
  return { year: solar.getYear(), month: solar.getMonth(), day: solar.getDay() };
};

/** A solar term inside Gregorian `year` (清明 in April, 冬至 in December). */
const solarTerm = (name: string, alias: string): Resolver => (year) => {
  // The table of a lunar year lists the term under its Chinese name and, for the terms that
  // fall again at the lunar year's end, under an upper-case pinyin alias.
  const table = Lunar.fromYmd(year, 6, 1).getJieQiTable();
  const solar = [table[name], table[alias]].find((term) => term?.getYear() === year) ?? table[name]!;
  return { year: solar.getYear(), month: solar.getMonth(), day: solar.getDay() };
};

/** Names as written in messages (longest first where one contains another). */
const FESTIVALS: ReadonlyArray<readonly [RegExp, Resolver]> = [
  [/除夕|大年三十|年三十/, newYearsEve],
  [/春节|大年初一/, lunar(1, 1)],
  [/元宵|正月十五/, lunar(1, 15)],
  [/龙抬头/, lunar(2, 2)],
  [/端午|五月初五/, lunar(5, 5)],
  [/七夕/, lunar(7, 7)],
  [/中元节/, lunar(7, 15)],
  [/中秋|八月十五(?![日号])/, lunar(8, 15)],
  [/重阳|老人节|九月初九/, lunar(9, 9)],
  [/腊八|腊月初八/, lunar(12, 8)],
  [/小年/, lunar(12, 23)],
  [/冬至/, solarTerm("冬至", "DONG_ZHI")],
  [/清明/, solarTerm("清明", "QING_MING")],
  [/元旦/, fixed(1, 1)],
  [/爱耳日/, fixed(3, 3)],
  [/学雷锋纪念日|雷锋纪念日|学雷锋日/, fixed(3, 5)],
  [/妇女节|三八节|女神节/, fixed(3, 8)],
  [/植树节/, fixed(3, 12)],
  [/国家安全教育日/, fixed(4, 15)],
  [/地球日|earth\s*day/i, fixed(4, 22)],
  [/读书日/, fixed(4, 23)],
  [/劳动节|五一节|五一(?![\d点号日班路广大])/, fixed(5, 1)],
  [/青年节|五四节|五四(?![\d点号日班路广大运])/, fixed(5, 4)],
  [/防灾减灾日/, fixed(5, 12)],
  [/无烟日/, fixed(5, 31)],
  [/儿童节|六一节|六一(?![\d点号日班路广大])/, fixed(6, 1)],
  [/环境日/, fixed(6, 5)],
  [/禁毒日/, fixed(6, 26)],
  [/建党节|七一(?![\d点号日班路广大])/, fixed(7, 1)],
  [/建军节|八一(?![\d点号日班路广大])/, fixed(8, 1)],
  [/教师节/, fixed(9, 10)],
  [/国庆/, fixed(10, 1)],
  [/消防日/, fixed(11, 9)],
  [/残疾人日/, fixed(12, 3)],
  [/宪法日|宪法宣传日/, fixed(12, 4)],
  [/志愿者日/, fixed(12, 5)],
  [/平安夜/, fixed(12, 24)],
  [/圣诞/, fixed(12, 25)],
  [/跨年/, fixed(12, 31)],
  [/母亲节/, (year) => nthWeekdayOfMonth(year, 5, 7, 2)],
  [/助残日/, (year) => nthWeekdayOfMonth(year, 5, 7, 3)],
  [/父亲节/, (year) => nthWeekdayOfMonth(year, 6, 7, 3)],
];

export interface FestivalMention {
  name: string;
  index: number;
  /** the most recent occurrence on or before the reference day */
  date: CivilDate;
  /** 前夕, 前后, 期间 …: the activity was around the festival, not on it */
  approximate: boolean;
}

/** The first festival named in the text, resolved to its last occurrence up to `today`. */
export function findFestival(text: string, today: CivilDate): FestivalMention | null {
  let best: FestivalMention | null = null;
  for (const [pattern, resolve] of FESTIVALS) {
    const match = pattern.exec(text);
    if (!match) continue;
    if (best && best.index <= match.index) continue;
    const date = mostRecentOccurrence(resolve, today);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 5);
    const approximate = /^(?:节)?(?:前夕|前后|期间|之际|前|来临|将至|快到)/.test(after);
    best = { name: match[0], index: match.index, date, approximate };
  }
  return best;
}

/** Festivals near a year end (腊八, 除夕) may belong to the previous Gregorian year's cycle. */
export function mostRecentOccurrence(resolve: (year: number) => CivilDate, today: CivilDate): CivilDate {
  const candidates = [today.year + 1, today.year, today.year - 1, today.year - 2]
    .map((year) => resolve(year))
    .filter((date) => compareDates(date, today) <= 0)
    .sort(compareDates);
  return candidates[candidates.length - 1]!;
}

/** The festival's date inside Gregorian `year` (腊八 2026 → 2026-01-26), or null if unknown. */
export function festivalDate(name: string, year: number): CivilDate | null {
  const entry = FESTIVALS.find(([pattern]) => pattern.test(name));
  if (!entry) return null;
  return [year - 1, year, year + 1].map((candidate) => entry[1](candidate)).find((date) => date.year === year) ?? null;
}
