import type { Section } from "./article.js";
import type { SourceReference } from "./composer.js";
import { arabicNumerals } from "./text.js";

/** One line of eval/qa_*.jsonl (`topic` and `source` say what a correct answer rests on). */
export interface QaItem {
  id: string;
  question: string;
  must_include: string[];
  out_of_scope: boolean;
  topic?: string;
  source?: string;
}

export interface QaResult {
  item: QaItem;
  answer: string;
  handoff: boolean;
  /** What the answer cited, to show which section was chosen for a miss. */
  sources?: SourceReference[];
}

/** eval/README.md's matching: numerals as digits, full-width as half-width, no spaces, any case. */
export function normalizeForScoring(text: string): string {
  return arabicNumerals(text.normalize("NFKC")).replace(/\s+/g, "").toLowerCase();
}

/** The answer body: everything before the source line. */
export function answerBody(answer: string): string {
  return answer.replace(/\n(来源|Source)[:：][^\n]*$/, "");
}

export function missingFacts(result: QaResult): string[] {
  const answer = normalizeForScoring(result.answer);
  return result.item.must_include.filter((fact) => !answer.includes(normalizeForScoring(fact)));
}

/**
 * The sections stating the most of an item's facts (all of them, if one does): where the answer
 * should have come from. Empty when no section states any, which points at the knowledge base.
 */
export function sectionsStating(facts: readonly string[], sections: readonly Section[]): Section[] {
  if (facts.length === 0) return [];
  const counted = sections.map((section) => {
    const text = normalizeForScoring(`${section.heading}${section.body}${section.english ?? ""}`);
    return { section, count: facts.filter((fact) => text.includes(normalizeForScoring(fact))).length };
  });
  const most = Math.max(0, ...counted.map(({ count }) => count));
  return most === 0 ? [] : counted.filter(({ count }) => count === most).map(({ section }) => section);
}

/** One line per miss: what was expected (topic, source), what was chosen, where the facts live. */
function explainMiss(result: QaResult, sections: readonly Section[] | undefined): string {
  const { item } = result;
  const expected = `expected ${item.topic ?? "?"}${item.source ? ` (${item.source})` : ""}`;
  if (item.out_of_scope) return `  ${item.id} answered an out-of-scope question; ${expected}; chose ${chosen(result)}\n      Q: ${item.question}`;
  const what = result.handoff ? "handed off" : `missing ${missingFacts(result).join(", ")}; chose ${chosen(result)}`;
  const located = sections ? sectionsStating(item.must_include, sections) : [];
  const where = sections ? `; facts in ${located.length ? located.slice(0, 3).map((section) => `${section.id} 「${section.heading}」`).join(" / ") : "no section"}` : "";
  return `  ${item.id} ${what}; ${expected}${where}\n      Q: ${item.question}`;
}

function chosen(result: QaResult): string {
  return result.sources?.length ? result.sources.map((source) => `${source.id} ${source.cite}`).join(" + ") : "nothing";
}

/**
 * The figures eval/README.md asks for, plus over-long answers, with one line per failure.
 * Given the knowledge base's sections, a miss also names the sections that state its facts.
 */
export function scoreQa(results: QaResult[], sections?: readonly Section[]): string {
  const inScope = results.filter((result) => !result.item.out_of_scope);
  const outOfScope = results.filter((result) => result.item.out_of_scope);
  const complete = inScope.filter((result) => !result.handoff && missingFacts(result).length === 0);
  const declined = outOfScope.filter((result) => result.handoff);
  const wronglyHanded = inScope.filter((result) => result.handoff);
  const tooLong = results.filter((result) => !result.handoff && answerBody(result.answer).length > 400);
  const share = (part: number, whole: number) => `${part}/${whole} = ${whole ? ((100 * part) / whole).toFixed(1) : "0.0"}%`;
  const lines = [
    `in-scope answers with every must_include fact: ${share(complete.length, inScope.length)}`,
    `out-of-scope items declined or handed off: ${share(declined.length, outOfScope.length)}`,
    `in-scope items wrongly handed off: ${share(wronglyHanded.length, inScope.length)}`,
    `answers over 400 characters (body): ${tooLong.length}`,
  ];
  const failures = [
    ...inScope.filter((result) => !complete.includes(result)).map((result) => explainMiss(result, sections)),
    ...outOfScope.filter((result) => !result.handoff).map((result) => explainMiss(result, sections)),
    ...tooLong.map((result) => `  ${result.item.id} body ${answerBody(result.answer).length} characters`),
  ];
  if (failures.length > 0) lines.push("failures:", ...failures);
  return lines.join("\n");
}
