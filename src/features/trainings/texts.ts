import type { Texts } from "../../core/i18n.js";
import type { Training } from "./store.js";
import { clockText, wallTime } from "./time.js";

/** Proactive posts go to groups, whose language is Chinese. */
const locale = "zh-CN";

/** 12月3日（周三）14:00; 2027年12月3日（周五）14:00 when `now` is given and the year is not its year. */
export function whenText(texts: Texts, at: Date, timeZone: string, now?: Date): string {
  const wall = wallTime(at, timeZone);
  const weekday = texts.t(locale, "trainings.weekdays").split(",")[wall.weekday] ?? "";
  const text = texts.t(locale, "trainings.when", { month: wall.month, day: wall.day, weekday, time: clockText(wall) });
  return now && wallTime(now, timeZone).year !== wall.year ? `${wall.year}年${text}` : text;
}

/** The fields every training text uses. */
export function describeTraining(texts: Texts, training: Training, timeZone: string, now?: Date): Record<string, string> {
  return {
    id: training.id,
    title: training.title,
    place: training.place,
    when: whenText(texts, new Date(training.start), timeZone, now),
    end: clockText(wallTime(new Date(training.end), timeZone)),
  };
}

/** 1天2小时, 1小时, 30分钟 (rounded to the minute). */
export function durationText(texts: Texts, ms: number): string {
  let minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const parts: string[] = [];
  if (days) parts.push(texts.t(locale, "trainings.units.days", { n: days }));
  if (hours) parts.push(texts.t(locale, "trainings.units.hours", { n: hours }));
  if (minutes || parts.length === 0) parts.push(texts.t(locale, "trainings.units.minutes", { n: minutes }));
  return parts.slice(0, 2).join("");
}
