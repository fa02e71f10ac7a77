import type { Translate } from "../../core/i18n.js";
import type { Section } from "./article.js";
import { normalize, sentences } from "./text.js";

/** Longest answer body (before the source line): a chat reply, not an article. */
export const maxBodyLength = 400;

export interface SourceReference {
  id: string;
  title: string;
  cite: string;
}

export interface Composed {
  body: string;
  sourceLine: string;
  sources: SourceReference[];
}

/** One part of a question and the section chosen to answer it. */
export interface Pick {
  question: string;
  section: Section;
}

/**
 * Builds the reply from the chosen sections: per part the sentence that answers it (with its
 * figures) first, the rest as room allows, then one source line. English questions get the
 * sections' `en:` lines.
 */
export function compose(picks: Pick[], options: { english: boolean; t: Translate }): Composed {
  const { english, t } = options;
  const caution = picks.some((pick) => pick.section.caution);
  const cautionText = t("qa.answer.caution");
  const numbered = picks.length > 1;
  const reserve = (caution ? cautionText.length + 1 : 0) + (numbered ? picks.length * 4 : 0);
  const budget = Math.floor((maxBodyLength - reserve) / picks.length);
  const parts = picks.map((pick) => {
    const text = english && pick.section.english ? pick.section.english : pick.section.body;
    return condense(text, pick.question, budget);
  });
  let body = numbered ? parts.map((part, index) => `${index + 1}. ${part}`).join("\n") : parts[0]!;
  if (caution && (english || !body.includes("最新要求为准"))) body += `${english ? " " : ""}${cautionText}`;
  const sources = unique(picks.map((pick) => ({ id: pick.section.documentId, title: pick.section.title, cite: pick.section.cite })));
  const sourceLine = t("qa.answer.sourceLine", {
    sources: sources.map((source) => (source.cite.includes(source.title) ? source.cite : `${source.cite} · ${source.title}`)).join("；"),
  });
  return { body, sourceLine, sources };
}

/** The sentence that best answers the question first, then the others in order, within `budget` characters. */
export function condense(text: string, question: string, budget: number): string {
  if (text.length <= budget) return keyFirst(sentences(text), question).join(english(text) ? " " : "");
  const all = keyFirst(sentences(text), question);
  const separator = english(text) ? " " : "";
  let result = "";
  for (const sentence of all) {
    const next = result ? `${result}${separator}${sentence}` : sentence;
    if (next.length > budget) {
      if (!result) result = `${sentence.slice(0, budget - 1)}…`;
      continue;
    }
    result = next;
  }
  return result;
}

function keyFirst(list: string[], question: string): string[] {
  if (list.length <= 1) return list;
  const wanted = bigrams(normalize(question));
  let best = 0;
  let bestScore = -1;
  list.forEach((sentence, index) => {
    const own = bigrams(normalize(sentence));
    let score = 0;
    for (const bigram of wanted) if (own.has(bigram)) score++;
    if (/\d|[一二三四五六七八九十百千两]+(个|日|年|月|天|人|万|%)/.test(sentence)) score += 0.5;
    // The article's own first sentence is its key sentence; another must clearly beat it.
    if (index === 0) score += 1;
    if (score > bestScore) [best, bestScore] = [index, score];
  });
  return [list[best]!, ...list.filter((_, index) => index !== best)];
}

function bigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (/^[a-z0-9]/.test(run)) result.add(run);
    else for (let index = 0; index + 1 < run.length; index++) result.add(run.slice(index, index + 2));
  }
  return result;
}

function english(text: string): boolean {
  return !/[\u3400-\u9fff]{4}/.test(text);
}

function unique(sources: SourceReference[]): SourceReference[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.id}|${source.cite}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
