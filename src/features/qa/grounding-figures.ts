import type { GuardRules, Refusal } from "./llm-guard.js";
import { featuresOf, isNumber, overlap, prepareWord, type Clause, type Passages } from "./grounding-text.js";
import { stem } from "./text.js";

/** One figure where it stands: its unit kind, the way it points, the word pairs around it. */
interface Occurrence {
  figure: string;
  /** count, day, month, year, money … (unitClasses); undefined when no unit follows. */
  unit?: string;
  /** up (以上, 不少于, 之后) or down (以下, 不超过, 之前); undefined when nothing says. */
  direction?: "up" | "down";
  context: Set<string>;
}

type Reader = ReturnType<typeof makeReader>;
const readers = new WeakMap<GuardRules, Reader>();
const occurrencesOf = new WeakMap<Passages, Occurrence[]>();

/** The reader for these rules, built once. */
function reader(rules: GuardRules): Reader {
  let made = readers.get(rules);
  if (!made) readers.set(rules, (made = makeReader(rules)));
  return made;
}

/** Reads figures in token lists, with the rules' unit kinds and direction words. */
function makeReader(rules: GuardRules) {
  // English words are compared as the tokens they become (least → ~least).
  const prepared = (words: string[]) => words.map((word) => (/^[a-z]/i.test(word) ? `~${stem(word.toLowerCase())}` : prepareWord(word, rules))).sort((a, b) => b.length - a.length);
  const kinds = Object.entries(rules.unitClasses).flatMap(([kind, words]) => prepared(words).map((word) => [word, kind] as const));
  // 个月 is a month, not a count of 个: two-token units are tried first.
  kinds.push(["个月", "month"], ["周年", "year"], ["工作日", "day"]);
  kinds.sort((a, b) => b[0].length - a[0].length);
  const trailing = (["up", "down"] as const).flatMap((way) => prepared(rules.directions[way].trailing).map((word) => [word, way] as const)).sort((a, b) => b[0].length - a[0].length);
  const leading = (["up", "down"] as const).flatMap((way) => prepared(rules.directions[way].leading).map((word) => [word, way] as const)).sort((a, b) => b[0].length - a[0].length);
  const units = new Set(prepared(rules.units));
  // English words say more per token than Chinese characters: a narrower window.
  const widthAt = (tokens: string[], index: number) => (tokens[index + 1]?.startsWith("~") || tokens[index - 1]?.startsWith("~") ? rules.thresholds.englishWindow : rules.thresholds.figureWindow);

  function occurrences(tokens: string[]): Occurrence[] {
    return tokens.flatMap((token, index) => {
      if (!isNumber(token)) return [];
      const after = tokens.slice(index + 1, index + 6).join("");
      const unit = token.endsWith("%") ? ["%", "percent"] : kinds.find(([word]) => after.startsWith(word));
      const rest = after.slice(unit && unit[0] !== "%" ? unit[0].length : 0);
      const before = tokens.slice(Math.max(0, index - 4), index).join("");
      const direction = trailing.find(([word]) => rest.startsWith(word))?.[1] ?? leading.find(([word]) => before.endsWith(word))?.[1];
      const width = widthAt(tokens, index);
      const context = featuresOf(tokens.slice(Math.max(0, index - width), index + width + 1).map((each) => (isNumber(each) ? "#" : each)), "#");
      return [{ figure: token, unit: unit?.[1], direction, context }];
    });
  }

  /** A clause holding little but units borrows the clause before as context. */
  const extended = (own: Clause, before?: Clause) => (own.tokens.filter((token) => !isNumber(token) && !units.has(token)).length < 3 && before ? [...before.tokens, ...own.tokens] : own.tokens);
  return { occurrences, extended };
}

/**
 * Each figure must stand in the passages as the answer states it: with a unit of the same kind
 * (15日 is not 15个月), pointing the same way (50个以上 is not 50个以下, 3月31日前 is not 后),
 * and in its own context: the words around it fit an occurrence of that figure at least as well
 * as any occurrence of another figure, and hold no pair the passages put only beside other
 * figures (个人会员30个 is the 30 of 单位会员 moved; 全国性 3万元 the 3 of 地方性).
 */
export function figures(clause: Clause, previous: Clause | undefined, passages: Passages, rules: GuardRules): Refusal | undefined {
  const { occurrences, extended } = reader(rules);
  let known = occurrencesOf.get(passages);
  if (!known) occurrencesOf.set(passages, (known = passages.clauses.flatMap((passage, index) => occurrences(extended(passage, passages.clauses[index - 1])))));
  for (const stated of occurrences(extended(clause, previous))) {
    const { figure, unit, direction, context } = stated;
    if (!clause.tokens.includes(figure)) continue;
    const refuse = (why: string): Refusal => ({ reason: "figure", detail: `${figure} (${why}): ${clause.text}` });
    const alike = known.filter((occurrence) => occurrence.figure === figure);
    // (An English line's "15 days" has no unit kind here; the Chinese beside it has.)
    if (unit && alike.some((occurrence) => occurrence.unit) && !alike.some((occurrence) => occurrence.unit === unit)) return refuse("unit");
    const sameUnit = alike.filter((occurrence) => !unit || !occurrence.unit || occurrence.unit === unit);
    if (direction && sameUnit.some((occurrence) => occurrence.direction) && !sameUnit.some((occurrence) => occurrence.direction === direction)) return refuse("direction");
    if (context.size === 0 || alike.length === 0) continue;
    let same = 0;
    let other = 0;
    const near = { same: new Set<string>(), other: new Set<string>() };
    for (const occurrence of known) {
      if (unit && occurrence.unit && unit !== occurrence.unit) continue;
      const mine = occurrence.figure === figure;
      const fit = overlap(context, occurrence.context);
      if (mine) same = Math.max(same, fit);
      else other = Math.max(other, fit);
      for (const feature of occurrence.context) near[mine ? "same" : "other"].add(feature);
    }
    const foreign = [...context].filter((feature) => near.other.has(feature) && !near.same.has(feature)).length;
    if ((other > same && other >= 2) || foreign >= rules.thresholds.figureForeign) return refuse("context");
  }
  return undefined;
}
