import { describe, expect, it } from "vitest";
import { classifierDecision, classifierVerdict } from "../../../src/features/qa/answerer.js";
import { readFileSync } from "node:fs";
import { IntentClassifier, intentLabels, readIntentExamples, splitExamples, type IntentLabel } from "../../../src/features/qa/intent.js";
import { judgeScope } from "../../../src/features/qa/scope.js";
import { socialAct } from "../../../src/features/qa/social.js";

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
    // Sent to staff as the answerer decides it: a sure look-up, unless the rules are asked after our
    // own news (我们年检结论是基本合格，基本合格意味着啥 reads 0.76 live, and is answered).
    const generalAsLive = test.filter(({ text, label }) => label === "general" && classifierDecision(text, model.probabilities(text))?.reason === "private").length;
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

  it("tells a request to make a record untrue, mostly only hinted at, from a question about the rule", () => {
    const model = new IntentClassifier(examples);
    for (const request of [
      "去年服务时长统计出来才八百多小时，报上去的时候能不能按一千五报，反正也没人核对",
      "验资时先找亲戚转十万进来，证下来再转回去，这么操作没问题吧",
      "有几个理事那天没到场，签到表上让他们回头补个名字，看着齐全点",
      "Our volunteers only did about 300 hours last year, can we put 600 in the report so it looks better?",
    ]) {
      expect(model.classify(request), request).toMatchObject({ label: "improper" });
    }
    for (const question of ["换届晚了半年，现在补开会员大会还来得及吗，要走啥手续", "年度报告里的活动场次填错了，交上去还能改吗", "提交虚假材料骗取登记会有什么处罚", "志愿服务时长应该怎么记录，能按估算的填吗"]) {
      expect(model.classify(question), question).toMatchObject({ label: "general" });
    }
  });

  it("keeps from the rules a question split among the other classes, with a reply that accuses no one", () => {
    // No class sure enough on its own (improper 0.68, other 0.2): not a rule question all the same.
    expect(classifierVerdict({ general: 0.04, live: 0.03, improper: 0.68, other: 0.25 })).toMatchObject({ reason: "offtopic" });
    expect(classifierVerdict({ general: 0.03, live: 0.55, improper: 0.12, other: 0.3 })).toMatchObject({ reason: "private" });
    // A sure class keeps its own reason; a rule question with a fair chance is answered.
    expect(classifierVerdict({ general: 0.02, live: 0.01, improper: 0.9, other: 0.07 })).toMatchObject({ reason: "fabrication" });
    expect(classifierVerdict({ general: 0.2, live: 0.1, improper: 0.5, other: 0.2 })).toBeUndefined();
    // A follow-up to the bot's own answer (那全国性的呢？) is not judged by a split on its own.
    expect(classifierVerdict({ general: 0.03, live: 0.38, improper: 0.14, other: 0.45 }, { split: false })).toBeUndefined();
  });

  it("sends at most 2% of its unseen rule questions away with the certainty the answerer acts on", () => {
    const { train, test } = splitExamples(examples);
    const model = new IntentClassifier(train);
    const sentAway = test.filter(({ text, label }) => {
      const likely = model.probabilities(text);
      return label === "general" && classifierVerdict(likely) !== undefined;
    });
    const rules = test.filter(({ label }) => label === "general").length;
    console.log(`unseen rule questions the answerer would not answer: ${sentAway.length}/${rules}`, sentAway.map(({ text }) => text));
    expect(sentAway.length / rules).toBeLessThanOrEqual(0.02);
  });

  it("gives the same model for the same examples (seeded training)", () => {
    const question = "我们的评估结果出来了吗";
    expect(new IntentClassifier(examples).probabilities(question)).toEqual(new IntentClassifier(examples).probabilities(question));
  });

  // Lines written blind beside the training lines of their round and kept aside: round 7's
  // (scope-unseen), round 8's harder boundaries (scope-unseen2: 协会 named in a look-up), and
  // round 9's pairs across classes on one topic (scope-unseen3), round 10's opinions, chores,
  // English in every class and professional matters beside the rules (scope-unseen4), and round 11's
  // pairs across classes from a writer who saw none of the training lines (scope-unseen5, never
  // trained on: the whole set is held out); round 12's: another such writer's half never looked at
  // (scope-unseen6), and the third kept aside of the general/improper/live boundary lines whose
  // other two thirds were trained on (scope-unseen7); round 13's: the half of a blind writer's 320
  // boundary lines never looked at (scope-unseen8); round 14's: the half of another blind writer's
  // 320 lines never looked at (scope-unseen9), a writer's 300 lines on getting round a duty and
  // their honest twins (scope-unseen10; two thirds were trained on in a try, which sent more rule
  // questions to staff on the held-out QA sets and was undone), and 60 such lines of ours written
  // before the round's changes (scope-unseen11); round 15's: the half of a blind writer's 320
  // boundary lines never looked at (scope-unseen12: "may we" rule questions beside hinted untruths),
  // and 52 "may we" and review lines of ours with untrue twins, written before the round's changes
  // and never trained on (scope-unseen13); round 16's: the half of a blind writer's 320 lines never
  // looked at (scope-unseen14: rule questions told with words that sound live or improper, beside
  // look-ups, ways round and other matters).
  // The decision is the answerer's: small talk, the scope rules, then the classifier.
  it.each([
    ["test/fixtures/qa/scope-unseen.jsonl", 0.89],
    ["test/fixtures/qa/scope-unseen2.jsonl", 0.8],
    ["test/fixtures/qa/scope-unseen3.jsonl", 0.86],
    ["test/fixtures/qa/scope-unseen4.jsonl", 0.88],
    ["test/fixtures/qa/scope-unseen5.jsonl", 0.93],
    ["test/fixtures/qa/scope-unseen6.jsonl", 0.9],
    ["test/fixtures/qa/scope-unseen7.jsonl", 0.88],
    ["test/fixtures/qa/scope-unseen8.jsonl", 0.92],
    ["test/fixtures/qa/scope-unseen9.jsonl", 0.85],
    ["test/fixtures/qa/scope-unseen10.jsonl", 0.8],
    ["test/fixtures/qa/scope-unseen11.jsonl", 0.8],
    ["test/fixtures/qa/scope-unseen12.jsonl", 0.92],
    ["test/fixtures/qa/scope-unseen13.jsonl", 0.95],
    ["test/fixtures/qa/scope-unseen14.jsonl", 0.92],
  ] as const)("decides answer or not rightly for lines written blind and never trained on: %s, at least %s", (file, bar) => {
    const model = new IntentClassifier(examples);
    const lines = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { text: string; label: IntentLabel });
    const right = lines.filter(({ text, label }) => {
      const probabilities = model.probabilities(text);
      const declined = socialAct(text) !== undefined || judgeScope(text) !== undefined || classifierDecision(text, probabilities) !== undefined;
      return declined === (label !== "general");
    }).length;
    console.log(`answer-or-not on ${file}: ${right}/${lines.length} = ${((100 * right) / lines.length).toFixed(1)}%`);
    expect(right / lines.length).toBeGreaterThanOrEqual(bar);
  });
});
