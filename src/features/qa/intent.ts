import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { normalize, stem } from "./text.js";
import { edgeGrams } from "../../core/ngrams.js";
import { SoftmaxRegression } from "../../core/softmax.js";

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
 * Softmax regression (src/core/softmax.ts) over intentFeatures. It measured better than naive
 * Bayes on the held-out fifth of the examples and, unlike it, did not send general questions to
 * "live".
 */
export class IntentClassifier {
  private readonly model: SoftmaxRegression;

  constructor(examples: IntentExamples, options: { passes?: number; rate?: number; decay?: number } = {}) {
    const data = intentLabels.flatMap((label, index) => examples[label].map((text) => ({ features: intentFeatures(text), label: index })));
    this.model = new SoftmaxRegression(data, intentLabels.length, options);
  }

  /** Probability per class for a text. */
  probabilities(text: string): Record<IntentLabel, number> {
    const probabilities = this.model.probabilities(intentFeatures(text));
    return Object.fromEntries(intentLabels.map((label, index) => [label, probabilities[index]!])) as Record<IntentLabel, number>;
  }

  classify(text: string): IntentGuess {
    const probabilities = this.probabilities(text);
    const label = intentLabels.reduce((best, label) => (probabilities[label] > probabilities[best] ? label : best));
    return { label, probability: probabilities[label] };
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
