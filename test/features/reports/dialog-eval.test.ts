import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { projectPath } from "../../../src/core/paths.js";
import { runEvalDialogs } from "../../../src/features/reports/dialog-eval.js";
import { TURN_KINDS, parseTurnExamples, readClauses, scoreTurns, turnClassifier } from "../../../src/features/reports/turns.js";

describe("turn classifier", () => {
  // Written with the training examples but never trained on: the figure the model is judged by.
  const unseen = parseTurnExamples(readFileSync(projectPath("test/fixtures/reports/turn-examples-unseen.tsv"), "utf8"));

  it("reads most unseen turns right, and every kind at least sometimes", () => {
    const classifier = turnClassifier();
    const score = scoreTurns(unseen, classifier);
    expect(score.exact / score.total).toBeGreaterThanOrEqual(0.75);
    expect(score.coarse / score.total).toBeGreaterThanOrEqual(0.85);
    const right = unseen.filter((example) => classifier.read(example.text).kind === example.kind);
    for (const kind of TURN_KINDS) expect(right.some((example) => example.kind === kind)).toBe(true);
  });

  it("takes the clearest clause of a mixed message", () => {
    expect(readClauses("明天还得上班 赶紧确认吧").kind).toBe("confirm");
    expect(readClauses("早上好，昨晚没睡好").kind).toBe("chatter");
  });
});

describe("eval-dialogs", () => {
  const config = configSchema.parse({});

  it("plays the dialogs through the app and prints the figure with the transcript of a failure", async () => {
    const result = await runEvalDialogs(projectPath("test/fixtures/reports/dialogs-eval-sample.jsonl"), { config });
    expect(result).toMatchObject({ passed: 1, total: 2 });
    expect(result.text).toContain("dialogs that stored exactly the expected report(s): 1/2 (50.0%)");
    expect(result.text).toMatch(/✗ sample-wrong[\s\S]*bot: 已登记[\s\S]*≠ volunteers: expected 7, got 6/);
  });

  it("says so when the file is absent", async () => {
    const result = await runEvalDialogs("/nonexistent/dialogs.jsonl", { config });
    expect(result.total).toBe(0);
    expect(result.text).toMatch(/找不到对话评测文件 dialog set not found/);
  });
});
