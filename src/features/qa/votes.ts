import { arabicNumerals } from "./text.js";

/**
 * A meeting told in figures (理事21名，到会15人，9票赞成，算通过了吗) judged against the quorum and
 * majority a section states (须2/3以上理事出席…决议须经到会理事2/3以上通过): whether the meeting
 * could sit, then whether the motion carried.
 */
export interface VoteVerdict {
  /** qa.verdict.vote.noQuorum / .quorum, or .passed / .failed by those present or by all (.present / .all). */
  key: string;
  params: Record<string, string>;
  met: boolean;
}

/** A share a rule asks for: at least `share` (2/3以上, 半数以上), or more than it (过半数). */
interface Share {
  share: number;
  strict: boolean;
  /** How the rule writes it, to quote back (2/3以上, 过半数). */
  said: string;
}

interface Rule extends Share {
  /** A quorum counts those present against all; a majority counts votes against those present or, 全体, against all. */
  of: "present" | "all";
  /** The sentence it stands in, to choose between an ordinary and an important matter's majority. */
  sentence: string;
}

const shareWords = "\\d+\\/\\d+|\\d+分之\\d+|过半数|半数以上|半数|多数";
const quorumRule = new RegExp(`(${shareWords})(以上)?(?:的)?[\\u3400-\\u9fff（）()]{0,8}?(?:出席|到会|参加)`, "g");
const quorumAfter = new RegExp(`(?:出席|到会|到场)(${shareWords})(以上)?(?![\\u3400-\\u9fff]{0,4}(?:通过|同意))`, "g");
const majorityRule = new RegExp(`(全体|出席|到会|到场|与会)[\\u3400-\\u9fff（）()]{0,8}?(${shareWords})(以上)?[\\u3400-\\u9fff]{0,4}?(?:通过|同意)`, "g");

function shareOf(word: string, above: string | undefined): Share | undefined {
  const said = `${word}${above ?? ""}`;
  if (word === "过半数" || word === "多数") return { share: 0.5, strict: true, said };
  if (word.startsWith("半数")) return { share: 0.5, strict: false, said };
  const slash = /^(\d+)\/(\d+)$/.exec(word);
  const spoken = /^(\d+)分之(\d+)$/.exec(word);
  const [part, whole] = slash ? [Number(slash[1]), Number(slash[2])] : spoken ? [Number(spoken[2]), Number(spoken[1])] : [0, 0];
  return whole > 0 ? { share: part / whole, strict: false, said: `${part}/${whole}${above ?? ""}` } : undefined;
}

function sentences(text: string): string[] {
  return text.split(/[。；;\n]/).filter((sentence) => sentence.trim());
}

/** The quorum and majority rules a section states, each with its sentence. */
export function voteRules(text: string): { quorum: Rule[]; majority: Rule[] } {
  const digits = arabicNumerals(text.normalize("NFKC"));
  const quorum: Rule[] = [];
  const majority: Rule[] = [];
  for (const sentence of sentences(digits)) {
    for (const match of [...sentence.matchAll(quorumRule), ...sentence.matchAll(quorumAfter)]) {
      const share = shareOf(match[1]!, match[2]);
      if (share) quorum.push({ ...share, of: "all", sentence });
    }
    for (const match of sentence.matchAll(majorityRule)) {
      const share = shareOf(match[2]!, match[3]);
      if (share) majority.push({ ...share, of: match[1] === "全体" ? "all" : "present", sentence });
    }
  }
  return { quorum, majority };
}

const presentWords = /到会|到场|出席|实到|参会|与会|来了|到了|来开会|来的|(?<![收得想])到(?=\s*\d)|present|attended|showed up|came|turned up/g;
const voteWords = /赞成|同意|举手|支持|voted|votes? for|in favou?r|yes votes?/g;
const totalWords = /(全体|共|一共|总共|现有|总数|应到|总计|\bof|out of)\s*$/;
const count = /(\d+)(?:\s*(名|个|位|人|票|votes?\b))?/g;

interface Figure {
  value: number;
  at: number;
  end: number;
  ballots: boolean;
}

/** How far a figure stands from the nearest of some words (characters between them), or Infinity. */
function distance(figure: Figure, text: string, words: RegExp): number {
  let nearest = Infinity;
  for (const match of text.matchAll(words)) {
    const gap = match.index >= figure.end ? match.index - figure.end : figure.at - (match.index + match[0].length);
    if (gap >= 0 && gap < nearest) nearest = gap;
  }
  return nearest;
}

/** The figures a question tells of a meeting: the body's size, those present, votes for. */
export function meetingFigures(question: string): { total?: number; present?: number; votes?: number } {
  const text = arabicNumerals(question.normalize("NFKC").toLowerCase());
  const figures: Figure[] = [];
  for (const match of text.matchAll(count)) {
    // 2023年, 3月31日, 2/3: dates and shares, not heads.
    if (/^\s*([年月日号\/%]|分之)/.test(text.slice(match.index + match[1]!.length)) || /[\/.]$/.test(text.slice(0, match.index))) continue;
    figures.push({ value: Number(match[1]), at: match.index, end: match.index + match[0].length, ballots: /^(票|votes?)$/.test(match[2] ?? "") });
  }
  if (figures.length === 0) return {};
  if (figures.length === 1) return { total: figures[0]!.value };
  // Each figure takes the role whose words stand nearest it, the nearest pairs first (六十六个，同意的
  // 有六十个: 66 came, though 同意 follows it closely too).
  const counted = (figure: Figure) => !totalWords.test(text.slice(0, figure.at));
  const pairs = figures
    .filter(counted)
    .flatMap((figure) => [
      { figure, role: "votes" as const, gap: figure.ballots ? -1 : distance(figure, text, voteWords) },
      { figure, role: "present" as const, gap: distance(figure, text, presentWords) },
    ])
    .filter(({ gap }) => gap <= 6)
    .sort((a, b) => a.gap - b.gap);
  let votes: Figure | undefined;
  let present: Figure | undefined;
  for (const { figure, role } of pairs) {
    if (figure === votes || figure === present) continue;
    if (role === "votes" && !votes) votes = figure;
    if (role === "present" && !present) present = figure;
  }
  const others = figures.filter((figure) => figure !== votes && figure !== present);
  const total = others.length > 0 ? Math.max(...others.map((figure) => figure.value)) : undefined;
  return { total, present: present?.value, votes: votes?.value };
}

/** The fewest that meet a share of a base: 2/3 of 21 is 14; more than half of 10 is 6. */
function needed(rule: Share, base: number): number {
  const exact = rule.share * base;
  return rule.strict ? Math.floor(exact + 1e-9) + 1 : Math.ceil(exact - 1e-9);
}

/** Matters a charter reserves a larger majority for (修改章程, 选举罢免负责人, 合并, 终止). */
const importantMatters = /重大事项|重要事项|修改章程|改章程|章程修改|章程修正|选举|罢免|换届|合并|分立|终止|解散|注销|重大募捐|重大投资|投资|\bamend|\bcharter\b|\belect|\bdismiss|\bremove\b|\bmerg|\bdissol|\bterminat|\bwind(ing)? up\b|\binvest/i;

/**
 * How close a rule's sentence is to the question: a sentence on important matters for a question
 * about one (罢免秘书长, 合并) and not otherwise, then shared two-character runs.
 */
function closeness(rule: Rule, question: string): number {
  let shared = importantMatters.test(rule.sentence) === importantMatters.test(question) ? 100 : 0;
  for (let index = 0; index + 1 < rule.sentence.length; index++) if (question.includes(rule.sentence.slice(index, index + 2))) shared++;
  return shared;
}

/** Asking how many must come for a meeting to count (出席代表至少须达到多少名, 来几个才算数). */
const asksHowManyCome = /(出席|到会|到场|参会|来|到)[\u3400-\u9fff]{0,6}(多少|几)|(多少|几)[\u3400-\u9fff]{0,4}(出席|到会|到场|参会|才能开|才算数|方为有效)|how many[^?]{0,30}(attend|present|come|show up|quorum)/;

/** A share as the asker reads it: the rule's own words in Chinese; 2/3 or more, more than half in English. */
function sayShare(rule: Share, english: boolean): string {
  if (!english) return rule.said;
  if (rule.strict) return "more than half";
  return `${rule.share === 0.5 ? "half" : rule.said.replace(/以上$/, "")} or more`;
}

export function voteVerdict(question: string, sectionText: string, english = false): VoteVerdict | undefined {
  const { total, present, votes } = meetingFigures(question);
  const text = arabicNumerals(question.normalize("NFKC"));
  const asksQuorum = present === undefined && votes === undefined && total !== undefined && asksHowManyCome.test(text);
  if (present === undefined && votes === undefined && !asksQuorum) return undefined;
  const rules = voteRules(sectionText);
  const quorum = [...rules.quorum].sort((a, b) => closeness(b, text) - closeness(a, text))[0];
  if (asksQuorum) return quorum && { key: "qa.verdict.vote.quorumNeeds", params: { total: String(total), rule: sayShare(quorum, english), least: String(needed(quorum, total!)) }, met: true };
  if (quorum && total !== undefined && present !== undefined && present <= total) {
    const least = needed(quorum, total);
    const params = { total: String(total), present: String(present), rule: sayShare(quorum, english), least: String(least) };
    if (present < least) return { key: "qa.verdict.vote.noQuorum", params, met: false };
    if (votes === undefined) return { key: "qa.verdict.vote.quorum", params, met: true };
  }
  const majority = [...rules.majority].sort((a, b) => closeness(b, text) - closeness(a, text))[0];
  if (!majority || votes === undefined) return undefined;
  const base = majority.of === "all" ? total : present;
  if (base === undefined || votes > base) return undefined;
  const least = needed(majority, base);
  const params = { base: String(base), votes: String(votes), rule: sayShare(majority, english), least: String(least) };
  return { key: `qa.verdict.vote.${votes >= least ? "passed" : "failed"}.${majority.of}`, params, met: votes >= least };
}
