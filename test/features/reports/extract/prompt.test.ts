import { describe, expect, it } from "vitest";
import { findRepoRoot, loadPrompt } from "../../../../src/features/reports/extract/prompt.js";

describe("prompt loader", () => {
  it("finds the repository root from its own location and loads a prompt by name", () => {
    expect(findRepoRoot()).toMatch(/main$|incubot|\/[^/]+$/);
    expect(loadPrompt("report-extraction")).toContain("is_report");
  });

  it("refuses names that could leave the prompts folder", () => {
    expect(() => loadPrompt("../package")).toThrow(/invalid prompt name/);
  });
});
