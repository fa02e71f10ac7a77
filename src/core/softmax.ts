/**
 * Softmax (multinomial logistic) regression over sparse string features, trained by a fixed
 * number of passes of stochastic gradient descent in a seeded order, so the same examples always
 * give the same model. A text's feature weights are divided by the square root of its feature
 * count, so a long text is not more certain than a short one just for having more n-grams.
 */
export class SoftmaxRegression {
  /** Feature → column. */
  private readonly columns = new Map<string, number>();
  /**
   * Weights by column, then label (column × labelCount + label): a text's few features read a
   * few short runs, where one array per label had it jump across the whole table.
   */
  private readonly weights: Float64Array;
  private readonly biases: number[];

  constructor(examples: ReadonlyArray<{ features: readonly string[]; label: number }>, readonly labelCount: number, options: { passes?: number; rate?: number; decay?: number } = {}) {
    const { passes = 20, rate = 0.5, decay = 1e-4 } = options;
    const column = (feature: string) => {
      let found = this.columns.get(feature);
      if (found === undefined) this.columns.set(feature, (found = this.columns.size));
      return found;
    };
    const data = examples.map(({ features, label }) => ({ features: [...new Set(features)].map(column), label }));
    this.biases = Array.from({ length: labelCount }, () => 0);
    this.weights = new Float64Array(this.columns.size * labelCount);
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let pass = 0; pass < passes; pass++) {
      for (let index = data.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1));
        [data[index], data[other]] = [data[other]!, data[index]!];
      }
      for (const { features, label } of data) {
        const scale = 1 / Math.sqrt(Math.max(1, features.length));
        this.probabilitiesOfColumns(features, features.length).forEach((probability, index) => {
          const gradient = probability - (index === label ? 1 : 0);
          this.biases[index]! -= 0.1 * rate * gradient;
          for (const feature of features) {
            const at = feature * labelCount + index;
            const weight = this.weights[at]!;
            this.weights[at] = weight - rate * (gradient * scale + decay * weight);
          }
        });
      }
    }
  }

  /** Probability per label, in label order. A feature no example had weighs nothing. */
  probabilities(features: readonly string[]): number[] {
    const unique = new Set(features);
    const known: number[] = [];
    for (const feature of unique) {
      const column = this.columns.get(feature);
      if (column !== undefined) known.push(column);
    }
    return this.probabilitiesOfColumns(known, unique.size);
  }

  /** Each feature the model knows, with its column: for callers that look a text up once for many models. */
  known(): IterableIterator<[string, number]> {
    return this.columns.entries();
  }

  /**
   * Probabilities for a text given as the columns of its known features and its count of
   * distinct features: unknown ones still count in the length scale, as in training.
   */
  probabilitiesOfColumns(features: readonly number[], count: number): number[] {
    const scale = 1 / Math.sqrt(Math.max(1, count));
    const labels = this.labelCount;
    const sums = new Float64Array(labels);
    for (const feature of features) {
      const start = feature * labels;
      for (let label = 0; label < labels; label++) sums[label] += this.weights[start + label]!;
    }
    const scores = this.biases.map((bias, label) => bias + scale * sums[label]!);
    const top = Math.max(...scores);
    const exponents = scores.map((score) => Math.exp(score - top));
    const total = exponents.reduce((sum, value) => sum + value, 0);
    return exponents.map((value) => value / total);
  }
}
