import { describe, expect, it } from "vitest";
import { IntentClassifier, intentLabels, readIntentExamples, splitExamples } from "../../../src/features/qa/intent.js";

const examples = readIntentExamples("config/qa/scope-examples.yaml");

describe("scope classifier (config/qa/scope-examples.yaml)", () => {
  it("ships hundreds of examples, at least a hundred per class", () => {
    for (const label of intentLabels) expect(examples[label].length, label).toBeGreaterThanOrEqual(100);
  });

  it("scores at least 80% on the fifth of the examples it never saw, and sends no rule question to staff", () => {
    const { train, test } = splitExamples(examples);
    const model = new IntentClassifier(train);
    const guesses = test.map(({ text, label }) => ({ label, guess: model.classify(text) }));
    const right = guesses.filter(({ label, guess }) => guess.label === label).length;
    const generalAsLive = guesses.filter(({ label, guess }) => label === "general" && guess.label === "live" && guess.probability >= 0.7).length;
    console.log(`scope classifier on its unseen fifth: ${right}/${test.length} = ${((100 * right) / test.length).toFixed(1)}%`);
    expect(right / test.length).toBeGreaterThanOrEqual(0.8);
    expect(generalAsLive).toBe(0);
  });

  it("tells a live look-up from the rule it is about, in Chinese and English", () => {
    const model = new IntentClassifier(examples);
    expect(model.classify("咱们协会现在还在异常名录里吗").label).toBe("live");
    expect(model.classify("异常名录怎么才能移出").label).toBe("general");
    expect(model.classify("who is on duty at the park on friday").label).toBe("live");
    expect(model.classify("how long is an evaluation grade valid").label).toBe("general");
  });

  it("gives the same model for the same examples (seeded training)", () => {
    const question = "我们的评估结果出来了吗";
    expect(new IntentClassifier(examples).probabilities(question)).toEqual(new IntentClassifier(examples).probabilities(question));
  });
});
