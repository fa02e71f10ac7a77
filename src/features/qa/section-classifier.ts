import { SoftmaxRegression } from "../../core/softmax.js";
import type { Section } from "./article.js";
import { intentFeatures } from "./intent.js";

/** Five passes measured as well as twenty on the tuning sets and train all articles in about 0.3 s. */
const passes = 5;
/**
 * Fewer similar questions than this in any of an article's sections and the article is not
 * classified: one or two lines teach the model a heading's words, not how people ask, and it would
 * overrule better evidence (a heading promising what happens) with a guess.
 */
const fewestAsked = 4;

/**
 * Which section of an article a question means, learned from the article's standard and similar
 * questions (标准问/相似问): one small softmax regression per article over character n-grams.
 * Sibling sections share most words (基金会理事会 …); what tells them apart are the few words
 * their askers use (亲属 vs 几个人), which a learned weight picks up and pooled BM25 counts blur.
 */
export class SectionClassifier {
  private readonly models = new Map<string, { model: SoftmaxRegression; positions: number[] }>();
  /** Section position → its index among its article's sections. */
  private readonly slot = new Map<number, { article: string; label: number }>();

  constructor(sections: readonly Section[]) {
    const byArticle = new Map<string, number[]>();
    sections.forEach((section, position) => {
      if (section.kind !== "article") return;
      const list = byArticle.get(section.documentId) ?? [];
      list.push(position);
      byArticle.set(section.documentId, list);
    });
    for (const [article, positions] of byArticle) {
      if (positions.length < 2 || positions.some((position) => (sections[position]!.questions ?? []).length < fewestAsked)) continue;
      const examples = positions.flatMap((position, label) => {
        this.slot.set(position, { article, label });
        const section = sections[position]!;
        return [section.heading, ...(section.questions ?? [])].map((text) => ({ features: intentFeatures(text), label }));
      });
      this.models.set(article, { model: new SoftmaxRegression(examples, positions.length, { passes }), positions });
    }
  }

  /**
   * How much the question means this section rather than its siblings, as a share (0–1) of the
   * likeliest sibling's probability: every article's likeliest section gets 1, so an article of
   * two sections (probabilities near 0.9) is not favoured over one of fourteen (near 0.4).
   * A section alone in its article gets 1.
   */
  scorer(question: string): (position: number) => number {
    const features = new Set(intentFeatures(question));
    const cache = new Map<string, number[]>();
    return (position) => {
      const slot = this.slot.get(position);
      if (!slot) return 1;
      let shares = cache.get(slot.article);
      if (!shares) {
        const probabilities = this.models.get(slot.article)!.model.probabilities(features);
        const top = Math.max(...probabilities);
        cache.set(slot.article, (shares = probabilities.map((probability) => probability / top)));
      }
      return shares[slot.label]!;
    };
  }
}
