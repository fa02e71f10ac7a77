import type { GuardRules, Refusal } from "./llm-guard.js";
import { figures } from "./grounding-figures.js";
import { bareReply, clauseEnd, clausesOf, covered, featuresOf, isNegative, isNumber, overlap, prepare, prepareWord, sentencesOf, tokensOf, type Clause, type Passages } from "./grounding-text.js";

export { prepare, preparePassages, sentencesOf, withoutWordOne } from "./grounding-text.js";

/**
 * Grounding of an LLM answer in the retrieved passages, sentence by sentence. A sentence is
 * supported when most of its character pairs (content words, for English) stand in the
 * passages; each figure must keep its unit, direction (以上/以下, 前/后) and context as in the
 * passage it comes from (grounding-figures.ts); a clause must say yes or no as the passage clause
 * supporting it does; citations must name clauses the passages cite; places must be named as
 * the passages name them. Anything else refuses the answer, and the retrieval answer is sent.
 */

/** Citations and free phrases out: they are checked on their own, or need no support. */
function withoutCitations(text: string, rules: GuardRules): string {
  let result = text
    .replace(/(?:依据|根据|按照|参照|参见|详见|按|见|据|according to|under|per|see)?\s*《[^》]*》(?:第\d+条)?(?:第\d+[款项])*(?:[、和及]第\d+条(?:第\d+[款项])*)*(?:的?(?:规定|要求|有关规定))?/g, " ")
    .replace(/(?:依据|根据|按照|按|见)?[\u3400-\u9fff]{1,6}〔\d{4}〕\d+号(?:文件)?/g, " ")
    .replace(/(?:依据|根据|按照|按)?第\d+条(?:第\d+[款项])*(?:的?规定)?/g, " ");
  for (const phrase of rules.freePhrases) result = result.split(prepareWord(phrase, rules)).join(" ");
  return result;
}

/** The first unsupported part of `answer`, or undefined when every sentence is grounded. */
export function ground(answer: string, passages: Passages, rules: GuardRules): Refusal | undefined {
  const text = prepare(answer, rules);
  // A sentence that copies a source line (依据黑龙江日报报道。) is checked as a citation only.
  const claims = sentencesOf(text)
    .filter((sentence) => !copiedCite(sentence, passages))
    .join("");
  return citations(text, passages) ?? places(claims, passages, rules) ?? opening(text, passages, rules) ?? sentences(claims, passages, rules);
}

/** What a sentence that is (a piece of) a retrieved section's source line cites, after 依据/根据. */
export function copiedCite(sentence: string, passages: Passages): string | undefined {
  const bare = sentence
    .replace(/^\s*(?:依据|根据|按照|参见|来源|出处)[:：]?\s*/, "")
    .replace(/[。；;.!！\s]+$/, "");
  return bare.length >= 4 && passages.cites.includes(bare) ? bare : undefined;
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
  const first = /^([^。，,！!？?]{1,8})[。，,！!]/.exec(text)?.[1];
  const reply = first && bareReply(first, [passages.headings], rules);
  if (!reply || passages.openings.length === 0) return undefined;
  const features = featuresOf(tokensOf(text, rules));
  const best = passages.openings.reduce((a, b) => (overlap(features, b.features) > overlap(features, a.features) ? b : a));
  return best.negative === isNegative(reply, rules) ? undefined : { reason: "negation", detail: first };
}

function sentences(text: string, passages: Passages, rules: GuardRules): Refusal | undefined {
  const { thresholds } = rules;
  for (const sentence of sentencesOf(text)) {
    const claim = withoutCitations(sentence, rules);
    // A bare 可以。/不需要。 (after greetings and particles) is the opening check's business.
    if (bareReply(claim, [passages.headings], rules)) continue;
    const clauses = clausesOf(claim, rules);
    const total = clauses.reduce((sum, clause) => sum + clause.tokens.length, 0);
    if (total === 0) continue;
    if (total < thresholds.sentenceMinimum && !clauses.every((clause) => clause.tokens.every(isNumber))) return { reason: "unsupported", detail: sentence };
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

