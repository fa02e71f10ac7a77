import { describe, expect, it } from "vitest";
import { SoftmaxRegression } from "../../src/core/softmax.js";

const examples = [
  { features: ["亲属", "理事"], label: 0 },
  { features: ["家人", "理事"], label: 0 },
  { features: ["几个", "理事"], label: 1 },
  { features: ["人数", "理事"], label: 1 },
];

describe("softmax regression", () => {
  it("learns the words that tell two labels apart, not the word they share", () => {
    const model = new SoftmaxRegression(examples, 2);
    expect(model.probabilities(["家人", "理事"])[0]).toBeGreaterThan(0.7);
    expect(model.probabilities(["人数", "理事"])[1]).toBeGreaterThan(0.7);
    const shared = model.probabilities(["理事"]);
    expect(Math.abs(shared[0]! - shared[1]!)).toBeLessThan(0.2);
  });

  it("gives the same model for the same examples, counts a repeated feature once, and sums to one", () => {
    const first = new SoftmaxRegression(examples, 2).probabilities(["亲属", "几个"]);
    const second = new SoftmaxRegression(examples, 2).probabilities(["亲属", "几个", "亲属"]);
    expect(first).toEqual(second);
    expect(first[0]! + first[1]!).toBeCloseTo(1, 10);
  });

  it("weighs a feature no example had as nothing, yet counts it in the text's length", () => {
    const model = new SoftmaxRegression(examples, 2);
    const plain = model.probabilities(["家人"])[0]!;
    const padded = model.probabilities(["家人", "锅包肉", "天气", "彩票"])[0]!;
    expect(padded).toBeGreaterThan(0.5);
    expect(padded).toBeLessThan(plain);
  });
});
