import type { Section } from "./article.js";
import type { GuardRules, Refusal } from "./llm-guard.js";
import { englishStopWords } from "./lexicon.js";
import { arabicNumerals, normalize, stem } from "./text.js";

/**
 * Grounding of an LLM answer in the retrieved passages, sentence by sentence. A sentence is
 * supported when most of its character pairs (content words, for English) stand in the
 * passages; each figure must sit in the same context as in the passage it comes from (not a
 * true figure moved onto another subject); a clause must say yes or no as the passage clause
 * supporting it does; citations must name clauses the passages cite; places must be named as
 * the passages name them. Anything else refuses the answer, and the retrieval answer is sent.
 */

/** One clause as compared: its tokens (Chinese characters, numbers, English stems). */
interface Clause {
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
interface Passages {
  text: string;
  features: Set<string>;
  /** Every token, for a clause of one token (an item of a list: 4a、3a). */
  tokens: Set<string>;
  clauses: Clause[];
  /** Section bodies that open with a bare yes or no, that reply's polarity. */
  openings: Array<{ features: Set<string>; negative: boolean }>;
  cites: string;
}

const sentenceEnd = /(?<=[。！？；;!?\n])|(?<=[.])\s+/;
const clauseEnd = /[，,、：:（）()“”"‘’「」《》【】]+/;
const tokenPattern = /[\u3400-\u9fff]|\d+(?:\.\d+)?%?|[a-z][a-z'-]*/g;

/** The form texts are compared in: NFKC, lower case, canonical terms, Chinese numerals as digits. */
export function prepare(text: string, rules: GuardRules): string {
  return arabicNumerals(withoutWordOne(normalize(text), rules));
}

/** 一 inside words (一共, 一般, 统一) is no figure: it is written 壹 so numeral conversion leaves it. */
export function withoutWordOne(text: string, rules: GuardRules): string {
  let result = text;
  for (const word of rules.wordsWithOne) if (result.includes(word)) result = result.split(word).join(word.replace(/一/g, "壹"));
  return result;
}

/** Citations and free phrases out: they are checked on their own, or need no support. */
function withoutCitations(text: string, rules: GuardRules): string {
  let result = text
    .replace(/(?:依据|根据|按照|参照|参见|详见|按|见|据|according to|under|per|see)?\s*《[^》]*》(?:第\d+条)?(?:第\d+[款项])*(?:[、和及]第\d+条(?:第\d+[款项])*)*(?:的?(?:规定|要求|有关规定))?/g, " ")
    .replace(/(?:依据|根据|按照|按|见)?[\u3400-\u9fff]{1,6}〔\d{4}〕\d+号(?:文件)?/g, " ")
    .replace(/(?:依据|根据|按照|按)?第\d+条(?:第\d+[款项])*(?:的?规定)?/g, " ");
  for (const phrase of rules.freePhrases) result = result.split(prepare(phrase, rules)).join(" ");
  return result;
}

function tokensOf(text: string, rules: GuardRules): string[] {
  let cleaned = text;
  for (const filler of rules.filler) if (filler.length > 1) cleaned = cleaned.split(filler).join(" ");
  const single = new Set(rules.filler.filter((filler) => filler.length === 1));
  const tokens: string[] = [];
  for (const match of cleaned.matchAll(tokenPattern)) {
    const token = match[0];
    if (single.has(token)) continue;
    if (/^[a-z]/.test(token)) {
      if (!englishStopWords.has(token) && !rules.fillerEnglish.includes(token)) tokens.push(`~${stem(token)}`);
    } else tokens.push(token);
  }
  return tokens;
}

/** Character pairs of Chinese and figures; single stems of English words. */
function featuresOf(tokens: string[], skip?: string): Set<string> {
  const features = new Set<string>();
  tokens.forEach((token, index) => {
    if (token === skip) return;
    if (token.startsWith("~")) features.add(token);
    const next = tokens[index + 1];
    if (next !== undefined && next !== skip && !token.startsWith("~") && !next.startsWith("~")) features.add(`${token}${next}`);
  });
  return features;
}

function isNegative(text: string, rules: GuardRules): boolean {
  let rest = text;
  for (const compound of [...rules.negation.compounds].sort((a, b) => b.length - a.length)) rest = rest.split(compound).join(" ");
  return rules.negation.cues.some((cue) => rest.includes(cue));
}

function clausesOf(sentence: string, rules: GuardRules): Clause[] {
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

function sentencesOf(text: string): string[] {
  return text
    .split(sentenceEnd)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** How many of the clause's tokens stand in a pair (or, English, as a word) the passages hold. */
function covered(clause: Clause, passages: Passages): number {
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

function overlap(features: Set<string>, known: Set<string>): number {
  let shared = 0;
  for (const feature of features) if (known.has(feature)) shared++;
  return shared;
}

function isNumber(token: string): boolean {
  return /^\d/.test(token);
}

/** Prepares the retrieved sections for the checks. */
export function preparePassages(sections: Section[], rules: GuardRules): Passages {
  const clauses: Clause[] = [];
  const features = new Set<string>();
  const tokens = new Set<string>();
  const openings: Passages["openings"] = [];
  const replies = new Set(rules.negation.replies.map((reply) => prepare(reply, rules)));
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
    if (opening && replies.has(opening)) openings.push({ features: featuresOf(tokensOf(body, rules)), negative: isNegative(opening, rules) });
  }
  return { text: sections.map((section) => `${section.cite} ${section.title} ${section.heading} ${section.body} ${section.english ?? ""}`).join("\n"), features, tokens, clauses, openings, cites: prepare(sections.map((section) => section.cite).join("；"), rules) };
}

/** The first unsupported part of `answer`, or undefined when every sentence is grounded. */
export function ground(answer: string, passages: Passages, rules: GuardRules): Refusal | undefined {
  const text = prepare(answer, rules);
  return citations(text, passages) ?? places(text, passages, rules) ?? opening(text, passages, rules) ?? sentences(text, passages, rules);
}

/** Every 第N条 the answer names is one the passages cite, under the law it is named with. */
function citations(text: string, passages: Passages): Refusal | undefined {
  for (const match of text.matchAll(/(?:《([^》]*)》)?((?:第\d+条)(?:[、和及]第\d+条)*)/g)) {
    const law = match[1];
    for (const article of match[2]!.match(/第\d+条/g) ?? []) {
      const cited = passages.cites.split(/[；;]/).some((cite) => (!law || cite.includes(law)) && new RegExp(`${article}(?!\\d)`).test(cite));
      if (!cited) return { reason: "citation", detail: `${law ? `《${law}》` : ""}${article}` };
    }
  }
  for (const match of text.matchAll(/〔\d{4}〕\d+号/g)) {
    if (!passages.cites.includes(match[0])) return { reason: "citation", detail: match[0] };
  }
  return undefined;
}

/** A place is named only where the passages name it, and not where they say the rule is not its. */
function places(text: string, passages: Passages, rules: GuardRules): Refusal | undefined {
  for (const place of rules.places) {
    if (!text.includes(place)) continue;
    const named = passages.clauses.filter((clause) => clause.text.includes(place));
    if (named.length === 0) return { reason: "place", detail: place };
    const said = sentencesOf(text).filter((sentence) => sentence.includes(place));
    for (const sentence of said) {
      const clause = sentence.split(clauseEnd).find((part) => part.includes(place))!;
      if (!named.some((passage) => passage.negative === isNegative(clause, rules))) return { reason: "place", detail: clause };
    }
  }
  return undefined;
}

/** A bare 可以/不能 opening answers the question: the best-matching section must open alike. */
function opening(text: string, passages: Passages, rules: GuardRules): Refusal | undefined {
  const first = /^([^。，,！!？?]{1,6})[。，,！!]/.exec(text)?.[1];
  const replies = new Set(rules.negation.replies.map((reply) => prepare(reply, rules)));
  if (!first || !replies.has(first) || passages.openings.length === 0) return undefined;
  const features = featuresOf(tokensOf(text, rules));
  const best = passages.openings.reduce((a, b) => (overlap(features, b.features) > overlap(features, a.features) ? b : a));
  return best.negative === isNegative(first, rules) ? undefined : { reason: "negation", detail: first };
}

function sentences(text: string, passages: Passages, rules: GuardRules): Refusal | undefined {
  const { thresholds } = rules;
  const replies = new Set(rules.negation.replies.map((reply) => prepare(reply, rules)));
  for (const sentence of sentencesOf(text)) {
    const claim = withoutCitations(sentence, rules);
    // A bare 可以。/不需要。 (after greetings and particles) is the opening check's business.
    if (replies.has(tokensOf(claim, rules).join(""))) continue;
    const clauses = clausesOf(claim, rules);
    const total = clauses.reduce((sum, clause) => sum + clause.tokens.length, 0);
    if (total === 0) continue;
    const supported = clauses.reduce((sum, clause) => sum + covered(clause, passages), 0);
    if (supported / total < thresholds.sentence) return { reason: "unsupported", detail: sentence };
    for (const [index, clause] of clauses.entries()) {
      if (clause.tokens.length >= thresholds.clauseMinimum && covered(clause, passages) / clause.tokens.length < thresholds.clause) return { reason: "unsupported", detail: clause.text };
      const refusal = polarity(clause, passages, rules) ?? figures(clause, clauses[index - 1], passages, rules);
      if (refusal) return refusal;
    }
  }
  return undefined;
}

/** A clause said with the opposite yes/no of the passage clause that best supports it. */
function polarity(clause: Clause, passages: Passages, rules: GuardRules): Refusal | undefined {
  if (clause.features.size < 2) return undefined;
  let best = 0;
  let matches: Clause[] = [];
  for (const passage of passages.clauses) {
    if (passage.asks) continue;
    const shared = overlap(clause.features, passage.features);
    if (shared > best) [best, matches] = [shared, [passage]];
    else if (shared === best && shared > 0) matches.push(passage);
  }
  if (best / clause.features.size < rules.thresholds.polarity) return undefined;
  // Either side may carry its 不 in the clause after (直接捐给受益人的，不能扣除): the answer's
  // only when that clause is about the same thing as the passage clause.
  const agrees = (passage: Clause) => {
    if (clause.negative === passage.negative) return true;
    if (clause.negative && passage.next?.negative) return true;
    const next = clause.next;
    return !clause.negative && passage.negative && next !== undefined && next.negative && overlap(next.features, passage.features) * 3 >= next.features.size;
  };
  return matches.some(agrees) ? undefined : { reason: "negation", detail: clause.text };
}

/**
 * Each figure's context (the tokens either side, within its clause, or with the clause before
 * when the clause holds little but units) must fit some passage occurrence of that figure at
 * least as well as any occurrence of another figure: 个人会员30个 is the 30 of 单位会员 moved.
 */
function figures(clause: Clause, previous: Clause | undefined, passages: Passages, rules: GuardRules): Refusal | undefined {
  const units = new Set(rules.units.map((unit) => prepare(unit, rules)));
  // English words say more per token than Chinese characters: a narrower window.
  const widthAt = (tokens: string[], index: number) => (tokens[index + 1]?.startsWith("~") || tokens[index - 1]?.startsWith("~") ? rules.thresholds.englishWindow : rules.thresholds.figureWindow);
  const classOf = new Map(Object.entries(rules.unitClasses).flatMap(([name, words]) => words.map((word) => [prepare(word, rules), name] as const)));
  const extended = (own: Clause, before?: Clause) => (own.tokens.filter((token) => !isNumber(token) && !units.has(token)).length < 3 && before ? [...before.tokens, ...own.tokens] : own.tokens);
  /** The window around each figure of a token list, and the kind of its unit (个, 日, 元 …). */
  const windows = (tokens: string[]) =>
    tokens.flatMap((token, index) =>
      isNumber(token) ? [{ figure: token, unit: token.endsWith("%") ? "percent" : classOf.get(tokens[index + 1] ?? ""), context: contextOf(tokens.slice(Math.max(0, index - widthAt(tokens, index)), index + widthAt(tokens, index) + 1)) }] : [],
    );
  const occurrences = passages.clauses.flatMap((passage, index) => windows(extended(passage, passages.clauses[index - 1])));
  for (const { figure, unit, context } of windows(extended(clause, previous))) {
    if (!clause.tokens.includes(figure) || context.size === 0) continue;
    let same = -1;
    let other = -1;
    const near = { same: new Set<string>(), other: new Set<string>() };
    for (const occurrence of occurrences) {
      if (unit && occurrence.unit && unit !== occurrence.unit) continue;
      const fit = overlap(context, occurrence.context);
      const mine = occurrence.figure === figure;
      if (mine) same = Math.max(same, fit);
      else other = Math.max(other, fit);
      for (const feature of occurrence.context) near[mine ? "same" : "other"].add(feature);
    }
    // Words the passages put only beside other figures (全国性 beside 10万元, never beside 3万元).
    const foreign = [...context].filter((feature) => near.other.has(feature) && !near.same.has(feature)).length;
    if (same >= 0 && ((other > same && other >= 2) || foreign >= rules.thresholds.figureForeign)) return { reason: "figure", detail: `${figure}: ${clause.text}` };
  }
  return undefined;
}

/** The word pairs around a figure, figures left out (they are what is compared). */
function contextOf(tokens: string[]): Set<string> {
  return featuresOf(tokens.map((token) => (isNumber(token) ? "#" : token)), "#");
}
