/**
 * Civil (wall-clock) dates in the park's time zone. Arithmetic runs on UTC midnights so that
 * daylight-saving rules of the host machine never shift a day.
 */

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalMoment {
  date: CivilDate;
  /** minutes since local midnight */
  minutes: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

/** The reference instant as the park's wall clock shows it. */
export function localMoment(reference: Date, timeZone = DEFAULT_TIME_ZONE): LocalMoment {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(reference);
  const read = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const date = { year: read("year"), month: read("month"), day: read("day") };
  return { date, minutes: read("hour") * 60 + read("minute"), weekday: weekdayOf(date) };
}

function toUtc(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtc(milliseconds: number): CivilDate {
  const value = new Date(milliseconds);
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** 1 = Monday … 7 = Sunday */
export function weekdayOf(date: CivilDate): number {
  const sundayBased = new Date(toUtc(date)).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}

export function compareDates(left: CivilDate, right: CivilDate): number {
  return toUtc(left) - toUtc(right);
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const probe = fromUtc(Date.UTC(year, month - 1, day));
  return probe.month === month && probe.day === day;
}

export function formatDate(date: CivilDate): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function parseIsoDate(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function formatMinutes(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(Math.floor(wrapped / 60))}:${pad(wrapped % 60)}`;
}

export function parseClock(text: string | null): number | null {
  if (!text) return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The n-th given weekday (1 = Monday) of a month, e.g. Mother's Day = 2nd Sunday of May. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): CivilDate {
  const first = { year, month, day: 1 };
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return { year, month, day: 1 + offset + (nth - 1) * 7 };
}
