/**
 * Title and description, derived from the message when the volunteer did not name them:
 * the activity phrase (开展X活动, 搞了X, 给…送X) and the clause that says what was done.
 */

const NOISE = /^(?:了|个|场|一场|一次|一个|的|着)+/;
const TAIL = /(?:活动|工作|服务活动)$/;

/** Phrases that name the activity, best first. */
const TITLE_PATTERNS: RegExp[] = [
  /(?:开展|举办|举行|组织开展|组织了)(?:了)?([^,;。!?\n]{2,24}?)(?:活动|$|(?=[,;。!?\n]))/,
  /(?:搞了?|开了|做了?|进行了?)(?:个|场|一场|一次)?([^,;。!?\n\d]{2,20})/,
  /((?:给|为|帮|陪|教)[^,;。!?\n]{1,12}?(?:送|包|理发|剪|量|测|辅导|讲|教|打扫|表演|演|做|过|游园|用|写|清理|体检)[^,;。!?\n\d]{0,12})/,
  /((?:清理|捡|清|植|种|打扫|看望|慰问|走访|巡逻|劝导|宣传|转移|协助)[^,;。!?\n\d]{1,16})/,
];

function cleanPhrase(phrase: string): string {
  return phrase.replace(NOISE, "").replace(TAIL, "").replace(/\s+/g, "").replace(/[~\-:]+$/, "").trim();
}

/** A short title; the festival, when one is named, leads it (重阳节敬老院服务). */
export function deriveTitle(text: string, festival: string | null, category: string | null): string | null {
  const quoted = /《([^》]{2,20})》/.exec(text);
  if (quoted) return quoted[1]!;
  for (const pattern of TITLE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const phrase = cleanPhrase(match[1]!).slice(0, 20);
    if (phrase.length < 2) continue;
    return festival && !phrase.includes(festival.replace(/节$/, "")) ? `${festival}${phrase}`.slice(0, 24) : phrase;
  }
  if (festival) return `${festival}志愿服务`;
  return category && category !== "其他" ? `${category}志愿服务` : null;
}

/** What was done: the clauses with service verbs, without counts, times and names. */
export function deriveDescription(text: string, title: string | null, organization: string | null = null): string | null {
  const body = organization ? text.split(organization).join("") : text;
  const clauses = body.split(/[,;。!?\n]+/).map((clause) => clause.trim()).filter(Boolean);
  const doing = clauses.filter((clause) =>
    /开展|搞|给|为|帮|陪|教|送|清理|捡|植|种|打扫|看望|慰问|讲|辅导|宣传|劝导|巡逻|转移|保障|义诊|咨询|表演|演|理发|量|测|包|做|刷/.test(clause)
    && !/[?？]|请问|多久/.test(clause),
  );
  const joined = doing.slice(0, 2).join(",").replace(/\s+/g, "");
  if (joined.length >= 2) return joined.slice(0, 60);
  return title;
}
