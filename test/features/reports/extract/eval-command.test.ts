import { describe, expect, it } from "vitest";
import { configSchema } from "../../../../src/config/schema.js";
import { projectPath } from "../../../../src/core/paths.js";
import { extractLine, runEvalReportFiles } from "../../../../src/features/reports/cli.js";

const config = configSchema.parse({});
const tune = projectPath("test/fixtures/reports/own-tune.jsonl");
const holdout = projectPath("test/fixtures/reports/own-holdout.jsonl");

describe("eval-reports", () => {
  it("scores each file under its own heading, with the three figures", async () => {
    const { text, missingFiles } = await runEvalReportFiles([tune, holdout], { config, verbose: false });
    expect(missingFiles).toBe(0);
    expect(text.match(/^== /gm)).toHaveLength(2);
    expect(text.match(/report \/ not-a-report accuracy: \d+\.\d%/g)).toHaveLength(2);
    expect(text).toMatch(/missing: precision \d+\.\d%, recall \d+\.\d%, F1 \d+\.\d%/);
  });

  it("names an absent file instead of failing with a stack trace, and still scores the others", async () => {
    const absent = projectPath("test/fixtures/reports/no-such-set.jsonl");
    const { text, missingFiles } = await runEvalReportFiles([absent, tune], { config });
    expect(missingFiles).toBe(1);
    expect(text).toContain(`file not found (文件不存在): ${absent}`);
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(text).toMatch(/field accuracy/);
  });

  it("lists each miss with the field, what was expected and what came out", async () => {
    const { text } = await runEvalReportFiles([holdout], { config, verbose: true });
    const misses = text.split("\n").filter((line) => line.startsWith("  "));
    for (const line of misses) expect(line).toMatch(/^ {2}\S+ (?:is_report|field \S+|missing): expected .*, got .*/);
  });
});

describe("extract --jsonl with several reports", () => {
  it("names a field missing in one report as reports[i].field", () => {
    const line = extractLine({
      id: "x", reference_datetime: "2026-06-17T21:00:00+08:00",
      messages: ["汇报两个活动：\n1）6月13日 红星社区巧手志愿服务队在红星社区活动室教剪纸，志愿者5人，9:00-11:00\n2）6月14日 还是我们队 在红星社区广场发防溺水宣传单"],
    }, config);
    expect(line.reports).toHaveLength(2);
    expect(line.missing).toEqual(["reports[1].volunteers", "reports[1].volunteer_hours"]);
  });
});
