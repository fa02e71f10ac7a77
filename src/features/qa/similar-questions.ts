import type { Section } from "./article.js";
import { terms } from "./text.js";

/**
 * The nearest similar question (相似问) of each section: how close a question comes to one of the
 * ways leaders were written down asking what the section answers. The 问 lines also sit in the
 * section's BM25 document, but there they are pooled and weigh little; a question that nearly
 * repeats one line (same situation, other words around it) is strong evidence on its own, which
 * pooled counts blur. Cosine over idf-weighted terms, the best line per section.
 */
export class SimilarQuestions {
  private readonly postings = new Map<string, number[]>();
  /** Per line: its section's position in `sections`, and its vector's length. */
  private readonly owner: number[] = [];
  private readonly norms: number[] = [];
  private readonly idf = new Map<string, number>();
  /** The weight of a term no line uses (as rare as can be). */
  private readonly unseen: number;

  constructor(sections: readonly Section[], private readonly segmenter: Intl.Segmenter) {
    const lines: Array<Set<string>> = [];
    sections.forEach((section, position) => {
      // The heading is the standard question (标准问); statute passages have none worth comparing.
      if (section.kind !== "article") return;
      for (const question of [section.heading, ...(section.questions ?? [])]) {
        const line = lines.length;
        const unique = new Set(terms(question, this.segmenter));
        lines.push(unique);
        this.owner.push(position);
        for (const term of unique) {
          let list = this.postings.get(term);
          if (!list) this.postings.set(term, (list = []));
          list.push(line);
        }
      }
    });
    for (const [term, list] of this.postings) this.idf.set(term, Math.log(1 + lines.length / list.length));
    this.unseen = Math.log(1 + lines.length);
    for (const unique of lines) {
      let sum = 0;
      for (const term of unique) sum += this.idf.get(term)! ** 2;
      this.norms.push(Math.sqrt(sum));
    }
  }

  /**
   * Section position → similarity (0–1) of its closest 问 line to the question. `weightOf` lets
   * question phrasing (多久, 怎么) count less than topic words, as in the main index.
   */
  nearest(question: string, weightOf: (term: string) => number): Map<number, number> {
    const dots = new Map<number, number>();
    let queryNorm = 0;
    for (const term of new Set(terms(question, this.segmenter))) {
      // A word no 问 line uses still counts in the question's length: much unknown matter
      // (锅包肉怎么做) keeps every similarity low.
      const idf = this.idf.get(term) ?? this.unseen;
      const weight = weightOf(term) * idf;
      queryNorm += weight ** 2;
      if (!this.postings.has(term)) continue;
      for (const line of this.postings.get(term)!) dots.set(line, (dots.get(line) ?? 0) + weight * idf);
    }
    const best = new Map<number, number>();
    if (queryNorm === 0) return best;
    const norm = Math.sqrt(queryNorm);
    for (const [line, dot] of dots) {
      const similarity = dot / (norm * this.norms[line]!);
      const section = this.owner[line]!;
      if (similarity > (best.get(section) ?? 0)) best.set(section, similarity);
    }
    return best;
  }
}
