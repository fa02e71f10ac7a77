import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { normalize, stem } from "./text.js";
import { edgeGrams } from "../../core/ngrams.js";

/**
 * What a question is, for scope: the knowledge base's business, a live look-up, a request to
 * make something untrue (back-dated minutes, padded hours), or none of these.
 */
export const intentLabels = ["general", "live", "improper", "other"] as const;
export type IntentLabel = (typeof intentLabels)[number];

export type IntentExamples = Record<IntentLabel, string[]>;

export interface IntentGuess {
  label: IntentLabel;
  /** Probability of `label` (0–1). */
  probability: number;
}

const examplesSchema = z.object(Object.fromEntries(intentLabels.map((label) => [label, z.array(z.string()).min(1)])) as Record<IntentLabel, z.ZodArray<z.ZodString>>);

/** Reads the class examples (config/qa/scope-examples.yaml); a broken file stops start-up with its name. */
export function readIntentExamples(file: string): IntentExamples {
  const checked = examplesSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!checked.success) throw new Error(`${file}: needs lists ${intentLabels.join(", ")} (${checked.error.issues[0]!.path.join(".")}: ${checked.error.issues[0]!.message})`);
  return checked.data;
}

/**
 * Features of a text: Chinese characters, bigrams and trigrams (robust to typos and word
 * boundaries), English word stems and stem pairs, and a mark for a figure. Each counts once.
 */
export function intentFeatures(text: string): string[] {
  const normalized = normalize(text);
  const features = new Set<string>();
  for (const run of normalized.match(/[\u3400-\u9fff]+/g) ?? []) for (const gram of edgeGrams(run, 3)) features.add(gram);
  const words = (normalized.replace(/[\u3400-\u9fff]+/g, " ").match(/[a-z]+/g) ?? []).map(stem);
  words.forEach((word, index) => {
    features.add(`w:${word}`);
    if (index > 0) features.add(`w:${words[index - 1]} ${word}`);
  });
  if (/\d/.test(normalized)) features.add("#digit");
  return [...features];
}

/**
 * Softmax (multinomial logistic) regression over intentFeatures, trained when built by a fixed
 * number of passes of stochastic gradient descent in a seeded order, so the same examples always
 * give the same model (a few hundred examples take about 0.1 s). It measured better than naive
 * Bayes on the held-out fifth of the examples and, unlike it, did not send general questions to
 * "live". A text's feature weights are divided by the square root of its feature count, so a
 * long question is not more certain than a short one just for having more n-grams.
 */
export class IntentClassifier {
  /** Feature → column of the weight arrays. Typed arrays, not maps: training reads and writes them a few million times at start-up. */
  private readonly columns = new Map<string, number>();
  private readonly weights: Float64Array[];
  private readonly biases = intentLabels.map(() => 0);

  constructor(examples: IntentExamples, options: { passes?: number; rate?: number; decay?: number } = {}) {
    const { passes = 20, rate = 0.5, decay = 1e-4 } = options;
    const data: Array<{ features: number[]; label: number }> = [];
    const column = (feature: string) => {
      let found = this.columns.get(feature);
      if (found === undefined) this.columns.set(feature, (found = this.columns.size));
      return found;
    };
    intentLabels.forEach((label, index) => examples[label].forEach((text) => data.push({ features: intentFeatures(text).map(column), label: index })));
    this.weights = intentLabels.map(() => new Float64Array(this.columns.size));
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let pass = 0; pass < passes; pass++) {
      for (let index = data.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1));
        [data[index], data[other]] = [data[other]!, data[index]!];
      }
      for (const { features, label } of data) {
        const scale = 1 / Math.sqrt(Math.max(1, features.length));
        this.softmax(features).forEach((probability, index) => {
          const gradient = probability - (index === label ? 1 : 0);
          this.biases[index]! -= 0.1 * rate * gradient;
          const weights = this.weights[index]!;
          for (const feature of features) {
            const weight = weights[feature]!;
            weights[feature] = weight - rate * (gradient * scale + decay * weight);
          }
        });
      }
    }
  }

  /** Probability per class for a text. */
  probabilities(text: string): Record<IntentLabel, number> {
    // A feature no example had weighs 0 (column -1), added like any other so sums stay the same.
    const probabilities = this.softmax(intentFeatures(text).map((feature) => this.columns.get(feature) ?? -1));
    return Object.fromEntries(intentLabels.map((label, index) => [label, probabilities[index]!])) as Record<IntentLabel, number>;
  }

  classify(text: string): IntentGuess {
    const probabilities = this.probabilities(text);
    const label = intentLabels.reduce((best, label) => (probabilities[label] > probabilities[best] ? label : best));
    return { label, probability: probabilities[label] };
  }

  private softmax(features: number[]): number[] {
    const scale = 1 / Math.sqrt(Math.max(1, features.length));
    const scores = this.weights.map((weights, index) => this.biases[index]! + scale * features.reduce((sum, feature) => sum + (feature < 0 ? 0 : weights[feature]!), 0));
    const top = Math.max(...scores);
    const exponents = scores.map((score) => Math.exp(score - top));
    const total = exponents.reduce((sum, value) => sum + value, 0);
    return exponents.map((value) => value / total);
  }
}

/** Models trained per examples text: every chat feature and CLI run in a process shares one. */
const trained = new Map<string, IntentClassifier>();

/**
 * The classifier for an examples file, trained once per process and content (training takes
 * about a tenth of a second; tests and reloads would repeat it). An edited file trains anew.
 */
export function classifierFor(file: string): IntentClassifier {
  const text = readFileSync(file, "utf8");
  let model = trained.get(text);
  if (!model) {
    model = new IntentClassifier(readIntentExamples(file));
    trained.set(text, model);
  }
  return model;
}

/** Every `fold`-th example of each class, for scoring on examples the classifier never saw. */
export function splitExamples(examples: IntentExamples, fold = 5): { train: IntentExamples; test: Array<{ text: string; label: IntentLabel }> } {
  const train = Object.fromEntries(intentLabels.map((label) => [label, []])) as unknown as IntentExamples;
  const test: Array<{ text: string; label: IntentLabel }> = [];
  for (const label of intentLabels) {
    examples[label].forEach((text, index) => (index % fold === fold - 1 ? test.push({ text, label }) : train[label].push(text)));
  }
  return { train, test };
}
