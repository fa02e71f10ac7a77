/**
 * Start/end times and person-hours (REPORTS.md "Times" and "Hours"): sessions are summed,
 * teams that served different times are summed per team, and a stated total must agree.
 */
import { formatMinutes } from "./calendar.js";
import type { PeopleFacts, Mention } from "./people.js";
import { type Duration, readDurations, readTimes, sessionHours } from "./times.js";

export interface HoursFacts {
  start_time: string | null;
  end_time: string | null;
  /** the team's hours when volunteers are known */
  volunteer_hours: number | null;
  /** each person's hours when the whole team served the same time */
  perPersonHours: number | null;
  /** 累计60小时: the team's total as written */
  statedTotal: number | null;
  /** a stated total that disagrees with times × people: to be confirmed with the user */
  contradiction: boolean;
  approximate: boolean;
  /** volunteers re-counted from shifts written in separate clauses */
  volunteers: number | null;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The words that belong to one team: its clause, or, when one clause lists several teams
 * (上午班15人8点到12点 下午班15人1点到5点), the stretch from this team's count to the next.
 */
function clauseAround(text: string, mention: Mention, groups: Mention[] = []): string {
  const breaks = /[,;。!?\n]/g;
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(breaks)) {
    if (match.index! < mention.index) start = match.index! + 1;
    else if (match.index! >= mention.end) {
      end = match.index!;
      break;
    }
  }
  const previous = groups.filter((group) => group.index < mention.index && group.index >= start);
  const next = groups.find((group) => group.index > mention.index && group.index < end);
  if (previous.length > 0) start = mention.index;
  if (next) end = next.index;
  return text.slice(start, end);
}

/** Hours each team served, or null when one team's time cannot be told. */
function teamHours(text: string, groups: Mention[], sharedPerPerson: number | null): number[] | null {
  const all = readTimes(text);
  const latestEnd = all.sessions.length ? Math.max(...all.sessions.map((session) => session.end)) : all.loneEnd;
  const earliestStart = all.sessions.length ? Math.min(...all.sessions.map((session) => session.start)) : all.loneStart;
  const hours: number[] = [];
  for (const group of groups) {
    const clause = clauseAround(text, group, groups);
    const own = readTimes(clause);
    const ownDuration = readDurations(clause).find((duration) => duration.hours !== null && !duration.total);
    if (own.sessions.length) hours.push(own.sessions.reduce((total, session) => total + sessionHours(session), 0));
    else if (own.loneStart !== null && latestEnd !== null && latestEnd > own.loneStart) hours.push((latestEnd - own.loneStart) / 60);
    else if (own.loneEnd !== null && earliestStart !== null && own.loneEnd > earliestStart) hours.push((own.loneEnd - earliestStart) / 60);
    else if (ownDuration) hours.push(ownDuration.hours!);
    else if (sharedPerPerson !== null) hours.push(sharedPerPerson);
    else return null;
  }
  return hours;
}

function firstUsable(durations: Duration[], total: boolean): Duration | undefined {
  return durations.find((duration) => duration.total === total && duration.hours !== null);
}

export function readHours(text: string, people: PeopleFacts): HoursFacts {
  const times = readTimes(text);
  const durations = readDurations(text);
  const perPersonDuration = firstUsable(durations, false);
  const total = firstUsable(durations, true);

  const sessionSum = times.sessions.reduce((sum, session) => sum + sessionHours(session), 0);
  let perPerson: number | null = null;
  // 每人平均跑了3个小时 from 6点到18点: the clock gives the activity's window, not each person's time.
  if (perPersonDuration?.each) perPerson = perPersonDuration.hours;
  else if (times.sessions.length) perPerson = sessionSum;
  else if (perPersonDuration) perPerson = perPersonDuration.hours;
  const approximate = Boolean(perPersonDuration?.approximate && !times.sessions.length);

  let volunteers = people.volunteers;
  let computed: number | null = null;
  if (people.groups.length >= 2) {
    const teams = teamHours(text, people.groups, perPersonDuration?.hours ?? null);
    const everyTeamHasOwnTime = people.groups.every((group) => {
      const clause = clauseAround(text, group, people.groups);
      const own = readTimes(clause);
      return own.sessions.length > 0 || own.loneStart !== null || own.loneEnd !== null;
    });
    const groupSum = people.groups.reduce((sum, group) => sum + (group.value ?? 0), 0);
    const groupsAreTheTeam = groupSum === volunteers;
    if (teams && (groupsAreTheTeam || everyTeamHasOwnTime)) {
      if (!groupsAreTheTeam) volunteers = groupSum;
      computed = people.groups.reduce((sum, group, position) => sum + (group.value ?? 0) * teams[position]!, 0);
    }
  }
  // A vague duration (两三个小时) sets no perPerson, so it leaves the hours unknown.
  if (computed === null && volunteers !== null && perPerson !== null) computed = volunteers * perPerson;

  let volunteerHours = computed;
  let contradiction = false;
  if (total) {
    if (computed === null) volunteerHours = total.hours;
    else if (Math.abs(computed - total.hours!) > 0.01) {
      volunteerHours = null;
      contradiction = true;
    }
  }

  const starts = times.sessions.map((session) => session.start);
  const ends = times.sessions.map((session) => session.end);
  const start = starts.length ? Math.min(...starts) : times.loneStart;
  const end = ends.length ? Math.max(...ends) : times.loneEnd;
  return {
    start_time: start === null ? null : formatMinutes(start),
    end_time: end === null ? null : formatMinutes(end),
    volunteer_hours: volunteerHours === null ? null : round2(volunteerHours),
    perPersonHours: perPerson === null ? null : round2(perPerson),
    statedTotal: total?.hours ?? null,
    contradiction,
    approximate,
    volunteers,
  };
}
