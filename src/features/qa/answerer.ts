import type { Translate } from "../../core/i18n.js";
import type { Section } from "./article.js";
import { compose, type Pick, type SourceReference } from "./composer.js";
import type { LlmWriter } from "./llm-answer.js";
import { splitQuestion, stripPreamble } from "./parts.js";
import { judgeScope } from "./scope.js";
import type { Hit, KnowledgeIndex } from "./search.js";
import { hasChinese } from "./text.js";

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

const declines = new Set<HandoffReason>(["injection", "fabrication", "offtopic", "dispute"]);

/**
 * Question in, answer out: scope rules, then retrieval per part of the question, then the
 * composed answer (or an LLM answer checked against the same sections). Chat and CLI share it.
 */
export class Answerer {
  constructor(private readonly options: AnswererOptions) {}

  async answer(raw: string): Promise<Answer> {
    const question = stripPreamble(raw);
    const english = !hasChinese(question);
    const t = english ? this.options.translate.en : this.options.translate.zh;
    const verdict = judgeScope(question);
    if (verdict) return this.notAnswered(verdict.reason, english, t);
    const picks = this.pick(question);
    if (picks.length === 0) return this.notAnswered("unknown", english, t);
    const composed = compose(picks, { english, t });
    const fallback: Answer = { text: `${composed.body}\n${composed.sourceLine}`, sources: composed.sources, handoff: false, forward: false, english, generated: false };
    if (!this.options.writer) return fallback;
    const related = this.related(question, picks);
    const written = await this.options.writer.write({ question, sections: related, english });
    if (!written) return fallback;
    const cited = related.filter((section) => written.cited.includes(section.id));
    const line = compose(cited.map((section) => ({ question, section })), { english, t }).sourceLine;
    return {
      text: `${t("qa.answer.aiLabel")}\n${written.body}\n${line}`,
      sources: compose(cited.map((section) => ({ question, section })), { english, t }).sources,
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
  private pick(question: string): Pick[] {
    const index = this.options.index();
    const parts = splitQuestion(question);
    const picks: Pick[] = [];
    for (const part of parts) {
      const hits = index.search(part, { context: parts.length > 1 ? question : undefined, limit: 3 });
      const best = hits[0];
      if (!best || !this.confident(best)) continue;
      if (picks.some((pick) => pick.section.id === best.section.id)) continue;
      picks.push({ question: part, section: best.section });
    }
    if (picks.length > 0 || parts.length === 1) return picks;
    // The parts alone were too thin; the whole question may still be clear.
    const whole = index.search(question, { limit: 1 })[0];
    return whole && this.confident(whole) ? [{ question, section: whole.section }] : [];
  }

  private confident(hit: Hit): boolean {
    return hit.score >= this.options.minScore && hit.coverage >= this.options.minCoverage;
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
