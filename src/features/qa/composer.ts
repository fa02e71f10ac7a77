import type { Translate } from "../../core/i18n.js";
import type { Section } from "./article.js";
import { englishDigits, normalize, sentences } from "./text.js";

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
    const text = english && pick.section.english ? englishDigits(pick.section.english) : pick.section.body;
    return condense(text, pick.question, budget, pick.section.kind === "statute");
  });
  let body = numbered ? parts.map((part, index) => `${index + 1}. ${part}`).join("\n") : parts[0]!;
  if (caution && (english || !/以.{0,10}最新.{0,6}为准/.test(body))) body += `${english ? " " : ""}${cautionText}`;
  const sources = unique(picks.map((pick) => ({ id: pick.section.documentId, title: pick.section.title, cite: pick.section.cite })));
  const sourceLine = t("qa.answer.sourceLine", {
    sources: sources.map((source) => (source.cite.includes(source.title) ? source.cite : `${source.cite} · ${source.title}`)).join("；"),
  });
  return { body, sourceLine, sources };
}

/**
 * Fits a body into `budget` characters. Articles put their key sentence first, so it stays
 * first and the sentences that best match the question fill the rest, in their own order.
 * A statute passage has no such order: its best-matching sentence moves to the front.
 */
export function condense(text: string, question: string, budget: number, moveKeyFirst = false): string {
  if (text.length <= budget) return text;
  const separator = english(text) ? " " : "";
  const list = mergeShort(sentences(text));
  const wanted = bigrams(normalize(question));
  const relevance = list.map((sentence, index) => {
    const own = bigrams(normalize(sentence));
    let score = 0;
    for (const bigram of wanted) if (own.has(bigram)) score++;
    if (/\d|[一二三四五六七八九十百千两]+(个|日|年|月|天|人|万|%)/.test(sentence)) score += 0.5;
    return { index, score };
  });
  const key = moveKeyFirst ? [...relevance].sort((a, b) => b.score - a.score || a.index - b.index)[0]!.index : 0;
  const chosen = new Set([key]);
  let length = list[key]!.length;
  for (const { index } of relevance.filter((entry) => entry.index !== key).sort((a, b) => b.score - a.score || a.index - b.index)) {
    if (length + separator.length + list[index]!.length > budget) continue;
    chosen.add(index);
    length += separator.length + list[index]!.length;
  }
  const ordered = [key, ...[...chosen].filter((index) => index !== key).sort((a, b) => a - b)].map((index) => list[index]!);
  const result = ordered.join(separator).replace(/[；;，,]$/, english(text) ? "." : "。");
  return result.length <= budget ? result : `${result.slice(0, budget - 1)}…`;
}

/** "不能。" alone says little: it travels with the sentence after it. */
function mergeShort(list: string[]): string[] {
  const merged: string[] = [];
  for (const sentence of list) {
    const previous = merged.at(-1);
    if (previous !== undefined && previous.length <= 6) merged[merged.length - 1] = `${previous}${sentence}`;
    else merged.push(sentence);
  }
  return merged;
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
