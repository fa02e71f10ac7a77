import type { Section } from "./article.js";
import { englishTerms, synonyms } from "./lexicon.js";
import { normalize, terms } from "./text.js";

export interface Hit {
  section: Section;
  score: number;
  /** Share (0–1, idf-weighted) of the question's own terms that the section contains. */
  coverage: number;
}

interface QueryTerm {
  term: string;
  weight: number;
  /** Typed by the asker (not an expansion): counts toward coverage. */
  own: boolean;
}

const k1 = 1.2;
const lengthWeight = 0.75;
/** Heading words say what the section answers, so they count three times. */
const fieldWeights = { heading: 3, body: 1, english: 1, article: 0.7 };
/** Own knowledge articles are written to answer; official passages only back them up. */
const statuteFactor = 0.8;

/**
 * BM25 over sections with Chinese bigrams and words, synonym and English expansion, and fuzzy
 * bigrams for typos the confusion table misses. Immutable: re-indexing builds a new one.
 */
export class KnowledgeIndex {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;
  private readonly byFirst = new Map<string, string[]>();
  private readonly bySecond = new Map<string, string[]>();
  private readonly segmenter = new Intl.Segmenter("zh", { granularity: "word" });

  constructor(readonly sections: readonly Section[]) {
    sections.forEach((section, index) => {
      const frequencies = new Map<string, number>();
      const add = (text: string | undefined, weight: number) => {
        const found = text ? terms(text, this.segmenter) : [];
        for (const term of found) frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
        return found.length * weight;
      };
      const length = add(section.heading, fieldWeights.heading) + add(section.body, fieldWeights.body) + add(section.english, fieldWeights.english);
      add([section.title, ...section.aliases].join(" "), fieldWeights.article);
      this.lengths.push(length);
      for (const [term, frequency] of frequencies) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push([index, frequency]);
      }
    });
    this.averageLength = this.lengths.reduce((sum, value) => sum + value, 0) / Math.max(1, this.lengths.length);
    for (const term of this.postings.keys()) {
      if (!/^[\u3400-\u9fff]{2}$/.test(term)) continue;
      push(this.byFirst, term[0]!, term);
      push(this.bySecond, term[1]!, term);
    }
  }

  get size(): number {
    return this.sections.length;
  }

  /** Best sections first. `context` (the whole question, for one part of it) is searched lightly. */
  search(question: string, options: { context?: string; limit?: number } = {}): Hit[] {
    const query = this.queryTerms(question, options.context);
    const scores = new Map<number, number>();
    const covered = new Map<number, number>();
    let ownTotal = 0;
    for (const { term, weight, own } of query) {
      const idf = this.idf(term);
      if (own) ownTotal += Math.max(idf, 1);
      for (const [index, frequency] of this.postings.get(term) ?? []) {
        const normalizer = k1 * (1 - lengthWeight + (lengthWeight * this.lengths[index]!) / this.averageLength);
        const gain = weight * idf * ((frequency * (k1 + 1)) / (frequency + normalizer));
        scores.set(index, (scores.get(index) ?? 0) + gain);
        if (own) covered.set(index, (covered.get(index) ?? 0) + Math.max(idf, 1));
      }
    }
    const hits: Hit[] = [];
    for (const [index, score] of scores) {
      const section = this.sections[index]!;
      hits.push({ section, score: section.kind === "statute" ? score * statuteFactor : score, coverage: ownTotal ? (covered.get(index) ?? 0) / ownTotal : 0 });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 8);
  }

  private idf(term: string): number {
    const frequency = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.sections.length - frequency + 0.5) / (frequency + 0.5));
  }

  private queryTerms(question: string, context?: string): QueryTerm[] {
    const result = new Map<string, QueryTerm>();
    const add = (term: string, weight: number, own: boolean) => {
      const existing = result.get(term);
      if (!existing) result.set(term, { term, weight, own });
      else if (weight > existing.weight) Object.assign(existing, { weight, own: existing.own || own });
    };
    const normalized = normalize(question);
    for (const term of terms(normalized, this.segmenter)) add(term, 1, true);
    for (const group of synonyms) {
      if (!group.from.some((word) => normalized.includes(word))) continue;
      for (const word of group.to) for (const term of terms(word, this.segmenter)) add(term, 0.6, false);
    }
    for (const [phrase, chinese] of englishTerms) {
      if (!new RegExp(`\\b${phrase}\\b`).test(normalized)) continue;
      for (const word of chinese) for (const term of terms(word, this.segmenter)) add(term, 0.7, false);
    }
    for (const query of [...result.values()]) {
      if (!query.own || this.postings.has(query.term) || !/^[\u3400-\u9fff]{2}$/.test(query.term)) continue;
      for (const guess of this.fuzzy(query.term)) add(guess, 0.35, false);
    }
    if (context) for (const term of terms(context, this.segmenter)) add(term, 0.25, false);
    return [...result.values()];
  }

  /** For a bigram the index has never seen (a typo?), the most common bigram sharing one character on each side. */
  private fuzzy(bigram: string): string[] {
    const best = (candidates: string[] | undefined) =>
      (candidates ?? []).reduce<string | undefined>((winner, term) => (!winner || this.postings.get(term)!.length > this.postings.get(winner)!.length ? term : winner), undefined);
    return [best(this.byFirst.get(bigram[0]!)), best(this.bySecond.get(bigram[1]!))].filter((term): term is string => term !== undefined);
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
