import type { Translate } from "../../core/i18n.js";
import type { Section } from "./article.js";
import { compose, type Pick, type SourceReference } from "./composer.js";
import type { LlmWriter } from "./llm-answer.js";
import { splitQuestion, stripPreamble } from "./parts.js";
import { judgeScope } from "./scope.js";
import type { Hit, KnowledgeIndex } from "./search.js";
import { isEnglish } from "./text.js";

/** Why the bot did not answer from the knowledge base. */
export type HandoffReason = "injection" | "fabrication" | "offtopic" | "dispute" | "private" | "contact" | "unknown";

export interface Answer {
  /** The whole reply: body, then the source line (or a decline / hand-off text). */
  text: string;
  sources: SourceReference[];
  /** Declined or handed to staff instead of answered (the CLI's `handoff`). */
  handoff: boolean;
  reason?: HandoffReason;
  /** The question should become a ticket for staff. */
  forward: boolean;
  english: boolean;
  /** Written by the LLM (and checked), not composed from the sections. */
  generated: boolean;
}

export interface AnswererOptions {
  index: () => KnowledgeIndex;
  /** Translators per language; answers follow the question's language. */
  translate: { zh: Translate; en: Translate };
  minScore: number;
  minCoverage: number;
  writer?: LlmWriter;
}

/** The same answer twice (two articles citing one clause alike) is said once. */
function similar(a: Section, b: Section): boolean {
  if (a.id === b.id || (a.cite === b.cite && a.kind === b.kind)) return true;
  const grams = (text: string) => new Set(Array.from({ length: Math.max(0, text.length - 1) }, (_, index) => text.slice(index, index + 2)));
  const left = grams(a.body);
  const right = grams(b.body);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / Math.max(1, left.size + right.size - shared) >= 0.45;
}

/** A runner-up this close to the best hit is included too. */
const closeRunnerUp = 0.8;

const declines = new Set<HandoffReason>(["injection", "fabrication", "offtopic", "dispute"]);

/**
 * Question in, answer out: scope rules, then retrieval per part of the question, then the
 * composed answer (or an LLM answer checked against the same sections). Chat and CLI share it.
 */
export class Answerer {
  constructor(private readonly options: AnswererOptions) {}

  /** `previous`: the bot message this question replies to, searched lightly ("那民非呢？"). */
  async answer(raw: string, options: { previous?: string } = {}): Promise<Answer> {
    const question = stripPreamble(raw);
    const english = isEnglish(question);
    const t = english ? this.options.translate.en : this.options.translate.zh;
    const verdict = judgeScope(question);
    if (verdict) return this.notAnswered(verdict.reason, english, t);
    const picks = this.pick(question, options.previous?.replace(/\n(来源|Source)[:：][^\n]*$/, ""));
    if (picks.length === 0) return this.notAnswered("unknown", english, t);
    const composed = compose(picks, { english, t });
    const fallback: Answer = { text: `${composed.body}\n${composed.sourceLine}`, sources: composed.sources, handoff: false, forward: false, english, generated: false };
    if (!this.options.writer) return fallback;
    const related = this.related(question, picks);
    const written = await this.options.writer.write({ question, sections: related, english });
    if (!written) return fallback;
    const cited = compose(
      related.filter((section) => written.cited.includes(section.id)).map((section) => ({ question, section })),
      { english, t },
    );
    const caution = related.some((section) => section.caution && written.cited.includes(section.id)) && !/最新.{0,8}为准/.test(written.body);
    return {
      text: `${t("qa.answer.aiLabel")}\n${written.body}${caution ? t("qa.answer.caution") : ""}\n${cited.sourceLine}`,
      sources: cited.sources,
      handoff: false,
      forward: false,
      english,
      generated: true,
    };
  }

  /** The text for a question the bot does not answer, by reason (the CLI and tests show it). */
  notAnswered(reason: HandoffReason, english: boolean, t: Translate): Answer {
    return { text: t(`qa.refuse.${reason}`), sources: [], handoff: true, reason, forward: !declines.has(reason), english, generated: false };
  }

  /** One confident section per part of the question, without repeats. */
  private pick(question: string, previous?: string): Pick[] {
    const index = this.options.index();
    const parts = splitQuestion(question);
    const picks: Pick[] = [];
    const context = [parts.length > 1 ? question : "", previous ?? ""].join(" ").trim() || undefined;
    for (const part of parts) {
      const hits = index.search(part, { context, limit: 4 });
      // The best hit may match one word only; a close one that covers the question will do.
      const best = hits.slice(0, 3).find((hit) => this.confident(hit) && hit.score >= 0.6 * hits[0]!.score);
      if (!best) continue;
      if (!picks.some((pick) => similar(pick.section, best.section))) picks.push({ question: part, section: best.section });
      // A close runner-up answers the question another way (社团 or 基金会?): say both.
      const second = hits.find((hit) => hit !== best && !similar(hit.section, best.section));
      if (parts.length === 1 && second && second.score >= closeRunnerUp * best.score && this.confident(second)) picks.push({ question: part, section: second.section });
    }
    if (picks.length > 0 || parts.length === 1) return picks;
    // The parts alone were too thin; the whole question may still be clear.
    const whole = index.search(question, { limit: 1 })[0];
    return whole && this.confident(whole) ? [{ question, section: whole.section }] : [];
  }

  private confident(hit: Hit): boolean {
    return hit.score >= this.options.minScore * this.options.index().scoreScale && hit.coverage >= this.options.minCoverage;
  }

  /** The chosen sections plus close runners-up: what the LLM may draw on. */
  private related(question: string, picks: Pick[]): Section[] {
    const sections = picks.map((pick) => pick.section);
    const hits = this.options.index().search(question, { limit: 4 });
    const top = hits[0]?.score ?? 0;
    for (const hit of hits) {
      if (sections.length >= 4) break;
      if (hit.score >= top * 0.6 && !sections.some((section) => section.id === hit.section.id)) sections.push(hit.section);
    }
    return sections;
  }
}
