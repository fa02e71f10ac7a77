/**
 * What a message sent during a report draft is: an answer to the pending question, a correction,
 * a confirmation, a cancellation, a side question, a new report, or chatter. A character n-gram
 * naive Bayes model, trained when first used on labelled turns shipped as data
 * (config/reports/turn-examples.tsv), reads the kind of speech act from the wording; the dialog
 * then weighs it against what the message would change in the draft.
 */
import { readFileSync } from "node:fs";
import { buildAlways, type Artifacts } from "../../core/artifacts.js";
import { projectPath } from "../../core/paths.js";
import { edgeGrams } from "../../core/ngrams.js";

export const TURN_KINDS = ["answer", "correction", "confirm", "cancel", "question", "chatter", "report"] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

export interface TurnReading {
  kind: TurnKind;
  /** Posterior probability of each kind (they sum to 1). */
  scores: Record<TurnKind, number>;
}

export interface TurnExample {
  kind: TurnKind;
  text: string;
}

/** Counts and numbers read alike (7个 and 12个), so the model learns the shape, not the figure. */
const COUNTED = /(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)(?=\s*(?:个|人|名|位|点|小时|钟头|号|日|月|天|分))/g;

/** The text the model sees: folded width and case, numbers as #, punctuation as one mark. */
export function turnText(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\[图片\]/g, " ")
    .replace(/\d+(?:[.:]\d+)?/g, "#")
    .replace(COUNTED, "#")
    .replace(/[?？]+/g, "?")
    .replace(/[\s,，.。!！~～、…;；:："'“”()（）\p{Extended_Pictographic}\u200d\ufe0f]+/gu, " ")
    .trim();
}

/** Character uni-, bi- and trigrams of each word, with word edges marked; a trailing ? is its own feature. */
export function turnFeatures(raw: string): string[] {
  const text = turnText(raw);
  const features: string[] = [];
  for (const word of text.split(" ").filter(Boolean)) features.push(...edgeGrams(word, 3));
  if (text.endsWith("?")) features.push("<question-mark>");
  if (text.length <= 3) features.push("<short>");
  return features;
}

/** Multinomial naive Bayes with add-α smoothing. */
export class TurnClassifier {
  private readonly counts = new Map<TurnKind, Map<string, number>>();
  private readonly totals = new Map<TurnKind, number>();
  private readonly priors = new Map<TurnKind, number>();
  private readonly vocabulary = new Set<string>();

  constructor(examples: TurnExample[], private readonly alpha = 0.3) {
    for (const kind of TURN_KINDS) {
      this.counts.set(kind, new Map());
      this.totals.set(kind, 0);
    }
    const perKind = new Map<TurnKind, number>();
    for (const { kind, text } of examples) {
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      const counts = this.counts.get(kind)!;
      for (const feature of turnFeatures(text)) {
        counts.set(feature, (counts.get(feature) ?? 0) + 1);
        this.totals.set(kind, this.totals.get(kind)! + 1);
        this.vocabulary.add(feature);
      }
    }
    // Flat priors: the label counts say how many examples were written, not how often people say each.
    for (const kind of TURN_KINDS) this.priors.set(kind, perKind.has(kind) ? Math.log(1 / TURN_KINDS.length) : -Infinity);
  }

  read(text: string): TurnReading {
    const features = turnFeatures(text).filter((feature) => this.vocabulary.has(feature));
    const size = this.vocabulary.size;
    const logs = TURN_KINDS.map((kind) => {
      const counts = this.counts.get(kind)!;
      const denominator = Math.log(this.totals.get(kind)! + this.alpha * size);
      let score = this.priors.get(kind)!;
      for (const feature of features) score += Math.log((counts.get(feature) ?? 0) + this.alpha) - denominator;
      return score;
    });
    const top = Math.max(...logs);
    const exps = logs.map((value) => Math.exp(value - top));
    const sum = exps.reduce((total, value) => total + value, 0);
    const scores = Object.fromEntries(TURN_KINDS.map((kind, index) => [kind, exps[index]! / sum])) as Record<TurnKind, number>;
    const kind = TURN_KINDS[logs.indexOf(top)]!;
    return { kind, scores };
  }
}

/** label<TAB>text lines; # starts a comment. */
export function parseTurnExamples(tsv: string): TurnExample[] {
  return tsv
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [kind, ...rest] = line.split("\t");
      if (!(TURN_KINDS as readonly string[]).includes(kind!)) throw new Error(`turn-examples: unknown label "${kind}" in: ${line}`);
      return { kind: kind as TurnKind, text: rest.join("\t") };
    });
}

let shared: TurnClassifier | undefined;

/**
 * The classifier trained on the shipped examples: once per process, or read from the artifact
 * cache (training is about 20 ms of start-up).
 */
export function turnClassifier(artifacts: Artifacts = buildAlways): TurnClassifier {
  const file = projectPath("config/reports/turn-examples.tsv");
  shared ??= artifacts.get("report-turns", { files: [file] }, () => new TurnClassifier(parseTurnExamples(readFileSync(file, "utf8"))), { classes: [TurnClassifier] });
  return shared;
}

/** Clause kinds that decide a mixed message, strongest first: 明天还得上班 赶紧确认吧 is a confirmation. */
const DECIDING: TurnKind[] = ["cancel", "correction", "confirm"];

/**
 * Reads the whole message and, when it reads as chatter or a question, each clause: a clause
 * that clearly cancels, corrects or confirms decides what the message does.
 */
export function readClauses(text: string, classifier: TurnClassifier = turnClassifier()): TurnReading {
  const whole = classifier.read(text);
  if (whole.kind !== "chatter" && whole.kind !== "question") return whole;
  // Spaces separate Chinese clauses; in English they only separate words.
  const clauses = text.split(/[,，。.!！;；~～、]+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u).filter((clause) => turnText(clause).length >= 2);
  if (clauses.length < 2) return whole;
  const readings = clauses.map((clause) => classifier.read(clause));
  for (const kind of DECIDING) {
    const found = readings.find((reading) => reading.kind === kind && reading.scores[kind] >= 0.8);
    if (found) return found;
  }
  return whole;
}

/** Share of examples read right, exactly and with answer, correction and new report taken as one (they share a path). */
export function scoreTurns(examples: TurnExample[], classifier = turnClassifier()): { exact: number; coarse: number; total: number; misses: string[] } {
  const content = (kind: TurnKind) => (kind === "answer" || kind === "correction" || kind === "report" ? "content" : kind);
  let exact = 0;
  let coarse = 0;
  const misses: string[] = [];
  for (const example of examples) {
    const kind = readClauses(example.text, classifier).kind;
    if (kind === example.kind) exact += 1;
    if (content(kind) === content(example.kind)) coarse += 1;
    else misses.push(`${example.kind} → ${kind}: ${example.text}`);
  }
  return { exact, coarse, total: examples.length, misses };
}
