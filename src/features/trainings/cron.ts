/**
 * A small cron matcher for the compliance calendar. The scheduler runs one minute tick for all
 * entries (and the manual test scheduler runs every task on every tick), so each entry must be
 * able to say whether a given wall-clock minute matches it.
 */
export interface CronMatcher {
  matches(wall: { minute: number; hour: number; day: number; month: number; weekday: number }): boolean;
}

const bounds: Array<[number, number]> = [
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 7], // day of week (0 and 7 are Sunday)
];

/** Parses 5 fields (or 6 with leading seconds, which are ignored); undefined when not understood. */
export function parseCron(expression: string): CronMatcher | undefined {
  let fields = expression.trim().split(/\s+/);
  if (fields.length === 6) fields = fields.slice(1);
  if (fields.length !== 5) return undefined;
  const sets: Array<Set<number> | undefined> = [];
  for (const [index, field] of fields.entries()) {
    const set = parseField(field, bounds[index]!);
    if (set === null) return undefined;
    sets.push(set);
  }
  const [minutes, hours, days, months, weekdays] = sets;
  if (weekdays?.has(7)) weekdays.add(0);
  return {
    matches: (wall) => {
      if (minutes && !minutes.has(wall.minute)) return false;
      if (hours && !hours.has(wall.hour)) return false;
      if (months && !months.has(wall.month)) return false;
      // As in classic cron: when both day fields are restricted, either may match.
      if (days && weekdays) return days.has(wall.day) || weekdays.has(wall.weekday);
      if (days && !days.has(wall.day)) return false;
      if (weekdays && !weekdays.has(wall.weekday)) return false;
      return true;
    },
  };
}

/** undefined: any value; null: not understood. */
function parseField(field: string, [low, high]: [number, number]): Set<number> | undefined | null {
  if (field === "*") return undefined;
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return null;
    const from = match[1] === "*" ? low : Number(match[2]);
    const to = match[1] === "*" ? high : match[3] !== undefined ? Number(match[3]) : match[4] ? high : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < low || to > high || from > to || step < 1) return null;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}
