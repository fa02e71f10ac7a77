/**
 * English and mixed reports (REPORTS.md: English names and places are kept as written). Time
 * and count words are rewritten into the Chinese forms the rules read (last Saturday → 上周六,
 * Nov 18 → 11月18日, 8 volunteers → 志愿者8人); names are left alone, and found by their English
 * shape (Capitalised Words + Association/Team/Volunteers; at/in + Capitalised Words).
 */

const WEEKDAYS: Record<string, string> = { mon: "一", tues: "二", wednes: "三", thurs: "四", fri: "五", satur: "六", sun: "日" };
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAY = "(mon|tues|wednes|thurs|fri|satur|sun)day";
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";

const REWRITES: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/\btwo days ago\b/gi, () => "前天"],
  [/\b(?:the day before yesterday)\b/gi, () => "前天"],
  [/\byesterday\b/gi, () => "昨天"],
  [/\blast weekend\b/gi, () => "上周末"],
  [/\bthis morning\b/gi, () => "今天上午"],
  [/\bthis afternoon\b/gi, () => "今天下午"],
  [/\b(?:this evening|tonight)\b/gi, () => "今天晚上"],
  [/\btoday(?:'s)?\b/gi, () => "今天"],
  [new RegExp(`\\b(?:last|past)\\s+${WEEKDAY}\\b`, "gi"), (_all, day) => `上周${WEEKDAYS[day!.toLowerCase()]}`],
  [new RegExp(`\\bthis\\s+${WEEKDAY}\\b`, "gi"), (_all, day) => `这周${WEEKDAYS[day!.toLowerCase()]}`],
  [new RegExp(`\\b(?:on\\s+)?${WEEKDAY}\\b`, "gi"), (_all, day) => `周${WEEKDAYS[day!.toLowerCase()]}`],
  [new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, "gi"), (_all, month, day) => `${MONTHS[month!.toLowerCase().slice(0, 3)]}月${day}日`],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b`, "gi"), (_all, day, month) => `${MONTHS[month!.toLowerCase().slice(0, 3)]}月${day}日`],
  [/\b(?:in the )?morning\b/gi, () => "上午"],
  [/\b(?:in the )?afternoon\b/gi, () => "下午"],
  [/\b(?:in the )?evening\b/gi, () => "晚上"],
  // 上午, 9 to 11 / 下午 2 to 5: bare hours after a part of the day are clock times.
  [/([上下]午|晚上)([^\d]{0,6})\b(\d{1,2})(?::(\d{2}))?\s*(?:to|-)\s*(\d{1,2})(?::(\d{2}))?\b(?!\s*(?:am|pm|:|\d|volunteers|people))/gi,
    (_all, part, between, from, fromMinutes, to, toMinutes) => `${part}${between}${from}:${fromMinutes ?? "00"}-${to}:${toMinutes ?? "00"}`],
  [/\bvolunteers?\s*[:：]\s*(\d{1,3})\b/gi, (_all, count) => `志愿者${count}人`],
  [/\b(\d{1,3})\s+(?:of us|volunteers?|people|members|helpers|doctors|nurses|lawyers|social workers)\b(?!\s+(?:attended|came|joined us|were served))/gi, (_all, count) => `志愿者${count}人`],
  // The group's English word stays: it tells the category (seniors → 助老).
  [/\b(?:served|helped|visited)\s+(?:about\s+|around\s+|over\s+)?(\d{1,4})\s+(seniors|elderly(?: people)?|kids|children|students|residents|people|villagers|patients)\b/gi, (_all, count, word) => `服务${count}人 ${word}`],
  [/\b(?:about\s+|around\s+|over\s+)?(\d{1,4})\s+(seniors|elderly(?: people)?|kids|children|students|residents|villagers|patients)\b/gi, (_all, count, word) => `服务对象${count}人 ${word}`],
  [/\b(\d{1,4})\s+(?:poor\s+|low-income\s+)?(?:families|households)\b/gi, (_all, count) => `${count}户`],
];

/** True when the message is mostly English words. */
export function isMostlyEnglish(text: string): boolean {
  const latin = (text.match(/[A-Za-z]+/g) ?? []).length;
  const han = (text.match(/[\u4e00-\u9fa5]/g) ?? []).length;
  return latin >= 4 && latin * 2 > han;
}

export function rewriteEnglish(text: string): string {
  if (!/[A-Za-z]{3,}/.test(text)) return text;
  let rewritten = text;
  for (const [pattern, replace] of REWRITES) rewritten = rewritten.replace(pattern, replace as (...groups: string[]) => string);
  return rewritten;
}

const NAME_WORD = "[A-Z][A-Za-z'’.-]*";
const TEAM = new RegExp(`(?<![Aa]t |[Ii]n |[Tt]o )\\b((?:${NAME_WORD}\\s+)(?:(?:${NAME_WORD}|of|for|and|the|&)\\s+){0,6}(?:Association|Team|Volunteers|Volunteer Team|Club|Society|Group|Corps|Squad|Foundation|Union|League|Brigade))\\b`);

/** An English team name: Pingfang District Youth Volunteers Association. */
export function findEnglishOrganization(text: string): string | null {
  const match = TEAM.exec(text);
  if (!match) return null;
  return match[1]!.replace(/^(?:Team|Report|Hi|Yesterday|Today|Our|We|The)\s+/i, "").trim();
}

const PLACE = new RegExp(`\\b(?:at|in|visited|to)\\s+(?:the\\s+)?((?:${NAME_WORD})(?:\\s+(?:${NAME_WORD}|of))*(?:\\s+(?:playground|square|riverbank|library|park|center|centre|station|home|hall|school|street|community|areas?))?)`, "g");
const NOT_PLACE = /^(?:[A-Z][a-z]{2}\s*\d|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Team|I|We)\b/;

/** An English place: at Baoguo Street Nursing Home, cleaned up the Hejiagou riverbank. */
export function findEnglishLocation(text: string, organization: string | null): string | null {
  for (const match of text.matchAll(PLACE)) {
    const place = match[1]!.trim();
    if (NOT_PLACE.test(place) || (organization && (organization.includes(place) || place.includes(organization)))) continue;
    if (place.split(/\s+/).length >= 2) return place;
  }
  const cleaned = WORKED_ON.exec(text);
  if (cleaned) return cleaned[1]!.trim();
  // Caption style: …Association, Pingfang Library, sorting books.
  for (const segment of text.split(/[,;\n]/)) {
    const place = segment.trim();
    if (PLACE_NAME.test(place) && !(organization && organization.includes(place))) return place;
  }
  return null;
}

const WORKED_ON = new RegExp(`\\b(?:cleaned(?: up)?|swept|patrolled|guarded)\\s+(?:the\\s+)?((?:${NAME_WORD}\\s+)+(?:riverbank|river|park|square|street|areas?|residential areas))`);
const PLACE_NAME = new RegExp(`^(?:${NAME_WORD}\\s+){1,4}(?:Library|Park|Square|Center|Centre|Station|Home|Hall|School|Street|Community|Playground|Hospital|Clinic)$`);

const ACTIVITY = /\b(?:did|held|ran|visited|cleaned(?: up)?|delivered|tutored|patrolled|read|sorting|sorted|teaching|taught|organized|organised|helped|chatted)\b[^,.;!?\n]{3,60}/i;

/** A short English phrase of what was done, for the title and description. */
export function englishActivity(text: string): string | null {
  // The phrase is shown to people: counts go back to the English the writer used.
  const english = text.replace(/服务(?:对象)?(\d+)人 ([A-Za-z]+)/g, "$1 $2").replace(/志愿者(\d+)人/g, "$1 volunteers");
  return ACTIVITY.exec(english)?.[0]?.trim() ?? null;
}
