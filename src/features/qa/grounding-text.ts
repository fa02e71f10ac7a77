import type { Section } from "./article.js";
import type { GuardRules } from "./llm-guard.js";
import { englishStopWords } from "./lexicon.js";
import { arabicNumerals, normalize, stem } from "./text.js";

/**
 * The text side of grounding (grounding.ts): answers and passages cut into sentences and
 * clauses of comparable tokens (Chinese characters, figures, English stems), the same way.
 */

/** One clause as compared: its tokens (Chinese characters, numbers, English stems). */
export interface Clause {
  text: string;
  tokens: string[];
  features: Set<string>;
  negative: boolean;
  /** The clause after it in the same sentence: a negation may sit there (直接捐给受益人的，不能扣除). */
  next?: Clause;
  /** From a heading or title: a question, which says neither yes nor no. */
  asks?: boolean;
}

/** The passages, prepared once per answer. */
export interface Passages {
  text: string;
  features: Set<string>;
  /** Every token, for a clause of one token (an item of a list: 4a、3a). */
  tokens: Set<string>;
  clauses: Clause[];
  /** Section bodies that open with a bare yes or no, that reply's polarity. */
  openings: Array<{ features: Set<string>; negative: boolean }>;
  cites: string;
  /** The questions the sections answer (their headings), prepared. */
  headings: string;
}

const sentenceEnd = /(?<=[。！？；;!?\n])|(?<=[.])\s+/;
export const clauseEnd = /[，,、：:（）()“”"‘’「」《》【】]+/;
const tokenPattern = /[\u3400-\u9fff]|\d+(?:\.\d+)?%?|[a-z][a-z'-]*/g;

/** The form texts are compared in: NFKC, lower case, canonical terms, Chinese numerals as digits. */
export function prepare(text: string, rules: GuardRules): string {
  return arabicNumerals(withoutWordOne(normalize(text), rules));
}

const words = new WeakMap<GuardRules, Map<string, string>>();

/** prepare() for the rules' own short words (reply words, units, phrases), computed once per rules. */
export function prepareWord(word: string, rules: GuardRules): string {
  let known = words.get(rules);
  if (!known) words.set(rules, (known = new Map()));
  let prepared = known.get(word);
  if (prepared === undefined) known.set(word, (prepared = prepare(word, rules)));
  return prepared;
}

/** 一 inside words (一共, 一般, 统一) is no figure: it is written 壹 so numeral conversion leaves it. */
export function withoutWordOne(text: string, rules: GuardRules): string {
  let result = text;
  for (const word of rules.wordsWithOne) if (result.includes(word)) result = result.split(word).join(word.replace(/一/g, "壹"));
  return result;
}

/** What the rules' word lists become for tokenizing, computed once per rules. */
interface Lists {
  multiFiller: string[];
  singleFiller: Set<string>;
  englishFiller: Set<string>;
  /** Longest first, so 不得超过 goes before 不超过. */
  compounds: string[];
  cues: Array<(text: string) => boolean>;
}

const lists = new WeakMap<GuardRules, Lists>();

function listsOf(rules: GuardRules): Lists {
  let made = lists.get(rules);
  if (!made) {
    made = {
      multiFiller: rules.filler.filter((filler) => filler.length > 1),
      singleFiller: new Set(rules.filler.filter((filler) => filler.length === 1)),
      englishFiller: new Set(rules.fillerEnglish),
      compounds: [...rules.negation.compounds].sort((a, b) => b.length - a.length),
      // English cues count as whole words only (no in "now" is no cue).
      cues: rules.negation.cues.map((cue) => {
        if (!/^[a-z]/.test(cue)) return (text: string) => text.includes(cue);
        const word = new RegExp(`\\b${cue}\\b`);
        return (text: string) => word.test(text);
      }),
    };
    lists.set(rules, made);
  }
  return made;
}

export function tokensOf(text: string, rules: GuardRules): string[] {
  const { multiFiller, singleFiller, englishFiller } = listsOf(rules);
  let cleaned = text;
  for (const filler of multiFiller) if (cleaned.includes(filler)) cleaned = cleaned.split(filler).join(" ");
  const tokens: string[] = [];
  for (const match of cleaned.matchAll(tokenPattern)) {
    const token = match[0];
    if (singleFiller.has(token)) continue;
    if (/^[a-z]/.test(token)) {
      if (!englishStopWords.has(token) && !englishFiller.has(token)) tokens.push(`~${stem(token)}`);
    } else tokens.push(token);
  }
  return tokens;
}

/** Character pairs of Chinese and figures; single stems of English words. */
export function featuresOf(tokens: string[], skip?: string): Set<string> {
  const features = new Set<string>();
  tokens.forEach((token, index) => {
    if (token === skip) return;
    if (token.startsWith("~")) features.add(token);
    const next = tokens[index + 1];
    if (next !== undefined && next !== skip && !token.startsWith("~") && !next.startsWith("~")) features.add(`${token}${next}`);
  });
  return features;
}

export function isNegative(text: string, rules: GuardRules): boolean {
  const { compounds, cues } = listsOf(rules);
  let rest = text;
  for (const compound of compounds) if (rest.includes(compound)) rest = rest.split(compound).join(" ");
  return cues.some((cue) => cue(rest));
}

export function clausesOf(sentence: string, rules: GuardRules): Clause[] {
  const clauses: Clause[] = sentence
    .split(clauseEnd)
    .map((text) => {
      const tokens = tokensOf(text, rules);
      return { text, tokens, features: featuresOf(tokens), negative: isNegative(text, rules) };
    })
    .filter((clause) => clause.tokens.length > 0);
  clauses.forEach((clause, index) => (clause.next = clauses[index + 1]));
  return clauses;
}

export function sentencesOf(text: string): string[] {
  return text
    .split(sentenceEnd)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** How many of the clause's tokens stand in a pair (or, English, as a word) the passages hold. */
export function covered(clause: Clause, passages: Passages): number {
  const known = passages.features;
  // A list item of figures alone (4a、3a) is supported by the figures themselves.
  if (clause.tokens.length === 1 || clause.tokens.every(isNumber)) return clause.tokens.filter((token) => passages.tokens.has(token)).length;
  let count = 0;
  clause.tokens.forEach((token, index) => {
    const before = clause.tokens[index - 1];
    const after = clause.tokens[index + 1];
    if (token.startsWith("~") ? known.has(token) : (before !== undefined && known.has(`${before}${token}`)) || (after !== undefined && known.has(`${token}${after}`))) count++;
  });
  return count;
}

export function overlap(features: Set<string>, known: Set<string>): number {
  let shared = 0;
  for (const feature of features) if (known.has(feature)) shared++;
  return shared;
}

export function isNumber(token: string): boolean {
  return /^\d/.test(token);
}

/** Prepares the retrieved sections for the checks. */
export function preparePassages(sections: Section[], rules: GuardRules): Passages {
  const clauses: Clause[] = [];
  const features = new Set<string>();
  const tokens = new Set<string>();
  const openings: Passages["openings"] = [];

  for (const section of sections) {
    const texts = [section.title, section.heading, section.body, section.english ?? ""].map((text) => prepare(text, rules));
    for (const [index, text] of texts.entries()) {
      for (const sentence of sentencesOf(text)) {
        for (const clause of clausesOf(sentence, rules)) {
          clauses.push({ ...clause, asks: index < 2 });
          for (const feature of clause.features) features.add(feature);
          for (const token of clause.tokens) tokens.add(token);
        }
      }
    }
    const body = prepare(section.body, rules);
    const opening = /^([^。，,！!？?]{1,6})[。，,！!]/.exec(body)?.[1];
    if (opening && bareReply(opening, [prepare(section.heading, rules)], rules)) openings.push({ features: featuresOf(tokensOf(body, rules)), negative: isNegative(opening, rules) });
  }
  return { text: sections.map((section) => `${section.cite} ${section.title} ${section.heading} ${section.body} ${section.english ?? ""}`).join("\n"), features, tokens, clauses, openings, headings: sections.map((section) => prepare(section.heading, rules)).join("\n"), cites: prepare(sections.map((section) => section.cite).join("；"), rules) };
}


/**
 * The reply word a bare answer (不能。 要交。 很遗憾，不能。) consists of, or undefined: a reply
 * word of the rules, and at most two more characters found in the question a section answers.
 */
export function bareReply(text: string, headings: string[], rules: GuardRules): string | undefined {
  const bare = text.replace(/[\s\p{P}]|[哦啦呀呢吧啊嘛了]/gu, "");
  const word = rules.negation.replies
    .map((reply) => prepareWord(reply, rules))
    .filter((reply) => bare.startsWith(reply))
    .sort((a, b) => b.length - a.length)[0];
  if (word === undefined) return undefined;
  const rest = bare.slice(word.length);
  return rest.length <= 2 && [...rest].every((character) => headings.some((heading) => heading.includes(character))) ? word : undefined;
}
