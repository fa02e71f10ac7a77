import { arabicNumerals } from "./text.js";

/** One line of eval/qa_*.jsonl. */
export interface QaItem {
  id: string;
  question: string;
  must_include: string[];
  out_of_scope: boolean;
}

export interface QaResult {
  item: QaItem;
  answer: string;
  handoff: boolean;
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

/** The figures eval/README.md asks for, plus over-long answers, with the failing ids. */
export function scoreQa(results: QaResult[]): string {
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
    ...inScope.filter((result) => !complete.includes(result)).map((result) => `  ${result.item.id} ${result.handoff ? "handed off" : `missing ${missingFacts(result).join(", ")}`}`),
    ...outOfScope.filter((result) => !result.handoff).map((result) => `  ${result.item.id} answered an out-of-scope question`),
    ...tooLong.map((result) => `  ${result.item.id} body ${answerBody(result.answer).length} characters`),
  ];
  if (failures.length > 0) lines.push("failures:", ...failures);
  return lines.join("\n");
}
