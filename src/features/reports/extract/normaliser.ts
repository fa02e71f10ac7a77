/**
 * The time-expression normaliser: the text and the reference moment go in once, and every
 * date, list of days, clock span, lone clock time and duration found comes back with where it
 * stood in the text. The field rules (dates.ts, days.ts, times.ts, festivals.ts) stay the
 * specialists; callers that need several of them read this one result instead of resolving the
 * reference again for each.
 */
import { type LocalMoment, DEFAULT_TIME_ZONE, formatDate, formatMinutes, localMoment } from "./calendar.js";
import { type DateResolution, resolveDate } from "./dates.js";
import { type DayList, findDayList } from "./days.js";
import { findFestival } from "./festivals.js";
import { type Duration, readDurations, readTimes } from "./times.js";
import { normalizeText } from "./text.js";

export interface ClockSpan {
  /** HH:MM; an end at or past midnight is written 00:00, 00:30 … */
  start: string;
  end: string;
  hours: number;
  index: number;
  endIndex: number;
}

export interface TimeExpressions {
  /** the text the positions refer to (normalised: simplified, ASCII digits) */
  text: string;
  now: LocalMoment;
  /** the activity's day, or why it must be asked */
  date: DateResolution;
  /** a named day (重阳节, 学雷锋日) and the date it falls on */
  festival: { name: string; date: string; index: number } | null;
  /** several days (上周六和周日两天, 21号到23号连续三天) */
  days: DayList | null;
  spans: ClockSpan[];
  loneStart: string | null;
  loneEnd: string | null;
  durations: Duration[];
}

export function normaliseTimes(raw: string, reference: Date, timeZone = DEFAULT_TIME_ZONE): TimeExpressions {
  return readTimeExpressions(normalizeText(raw), localMoment(reference, timeZone));
}

/** The same on text already normalised, at a moment already placed in the park's time zone. */
export function readTimeExpressions(text: string, now: LocalMoment): TimeExpressions {
  const times = readTimes(text);
  const festival = findFestival(text, now.date);
  return {
    text,
    now,
    date: resolveDate(text, now),
    festival: festival && !festival.approximate ? { name: festival.name, date: formatDate(festival.date), index: festival.index } : null,
    days: findDayList(text, now),
    spans: times.sessions.map((session) => ({
      start: formatMinutes(session.start),
      end: formatMinutes(session.end % (24 * 60)),
      hours: (session.end - session.start) / 60,
      index: session.index,
      endIndex: session.endIndex,
    })),
    loneStart: times.loneStart === null ? null : formatMinutes(times.loneStart),
    loneEnd: times.loneEnd === null ? null : formatMinutes(times.loneEnd % (24 * 60)),
    durations: readDurations(text),
  };
}
