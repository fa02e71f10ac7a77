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
  private readonly models: SoftmaxRegression[] = [];
  /** Section position → its article's model and its label there. */
  private readonly slot = new Map<number, { model: number; label: number }>();
  /**
   * Feature → [model, column] for every model that knows it: a question's features are looked up
   * once for all articles, not once per article (that was most of the classifier's time).
   */
  private readonly postings = new Map<string, number[]>();

  constructor(sections: readonly Section[]) {
    const byArticle = new Map<string, number[]>();
    sections.forEach((section, position) => {
      if (section.kind !== "article") return;
      const list = byArticle.get(section.documentId) ?? [];
      list.push(position);
      byArticle.set(section.documentId, list);
    });
    for (const positions of byArticle.values()) {
      if (positions.length < 2 || positions.some((position) => (sections[position]!.questions ?? []).length < fewestAsked)) continue;
      const model = this.models.length;
      const examples = positions.flatMap((position, label) => {
        this.slot.set(position, { model, label });
        const section = sections[position]!;
        return [section.heading, ...(section.questions ?? [])].map((text) => ({ features: intentFeatures(text), label }));
      });
      const trained = new SoftmaxRegression(examples, positions.length, { passes });
      this.models.push(trained);
      for (const [feature, column] of trained.known()) {
        const list = this.postings.get(feature);
        if (list) list.push(model, column);
        else this.postings.set(feature, [model, column]);
      }
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
    const columns = this.models.map((): number[] => []);
    for (const feature of features) {
      const list = this.postings.get(feature);
      if (!list) continue;
      for (let index = 0; index < list.length; index += 2) columns[list[index]!]!.push(list[index + 1]!);
    }
    const shares = new Map<number, number[]>();
    return (position) => {
      const slot = this.slot.get(position);
      if (!slot) return 1;
      let found = shares.get(slot.model);
      if (!found) {
        const probabilities = this.models[slot.model]!.probabilitiesOfColumns(columns[slot.model]!, features.size);
        const top = Math.max(...probabilities);
        shares.set(slot.model, (found = probabilities.map((probability) => probability / top)));
      }
      return found[slot.label]!;
    };
  }
}
