import { describe, expect, it } from "vitest";
import type { Extraction, ReportFields } from "../../../src/features/reports/extract/index.js";
import { emptyReport } from "../../../src/features/reports/extract/index.js";
import { formatReportScore, parseReportItems, scorePredictions, type ReportItem } from "../../../src/features/reports/evaluate.js";

const item = (fields: Partial<ReportItem>): ReportItem => ({
  id: "t", reference_datetime: "2026-05-18T20:00:00+08:00", messages: ["昨天春晖志愿队在东湖公园捡垃圾"], expected: {}, missing: [], ...fields,
});
const report = (fields: Partial<ReportFields>): ReportFields => ({ ...emptyReport(), ...fields });
const yes = (reports: ReportFields[], missing: string[] = []): Extraction => ({ is_report: true, reports, missing });

describe("scorePredictions", () => {
  it("scores the report decision", () => {
    const items = [item({ id: "a", expected: { is_report: false } }), item({ id: "b", expected: { volunteers: 3 } })];
    const score = scorePredictions(items, [{ is_report: false, reports: [], missing: [] }, { is_report: false, reports: [], missing: [] }]);
    expect(score.isReportAccuracy).toBe(0.5);
    expect(score.fieldAccuracy).toBe(0);
  });

  it("compares numbers exactly, names by containment, and honours also_accept", () => {
    const items = [item({
      expected: { volunteers: 8, volunteer_hours: 12, organization: "新牧社区夕阳红志愿服务队", location: "新牧社区", category: "社区治理" },
      also_accept: { category: ["环保"] },
    })];
    const good = scorePredictions(items, [yes([report({ volunteers: 8, volunteer_hours: 12, organization: "夕阳红志愿服务队", location: "新牧社区小区内", category: "环保" })])]);
    expect(good.fieldAccuracy).toBe(1);
    const bad = scorePredictions(items, [yes([report({ volunteers: 8, volunteer_hours: 12.5, organization: "春晖志愿队", location: null, category: "其他" })])]);
    expect(bad.fieldAccuracy).toBeCloseTo(1 / 5);
    expect(bad.failures.map((failure) => failure.field)).toEqual(["volunteer_hours", "organization", "location", "category"]);
  });

  it("needs title and description present and on topic", () => {
    const items = [item({ expected: { title: "东湖公园捡垃圾", description: "捡拾垃圾" } })];
    expect(scorePredictions(items, [yes([report({ title: "捡垃圾", description: "在公园捡垃圾" })])]).fieldAccuracy).toBe(1);
    expect(scorePredictions(items, [yes([report({ title: "", description: null })])]).fieldAccuracy).toBe(0);
  });

  it("matches several expected reports in order", () => {
    const items = [item({ expected: { reports: [{ volunteers: 6 }, { volunteers: 4 }] } })];
    expect(scorePredictions(items, [yes([report({ volunteers: 6 }), report({ volunteers: 4 })])]).fieldAccuracy).toBe(1);
    expect(scorePredictions(items, [yes([report({ volunteers: 6 })])]).fieldAccuracy).toBe(0.5);
  });

  it("computes precision, recall and F1 of missing", () => {
    const items = [item({ expected: {}, missing: ["organization", "location"] }), item({ expected: {}, missing: [] })];
    const score = scorePredictions(items, [yes([report({})], ["organization"]), yes([report({})], ["date"])]);
    expect(score.missingPrecision).toBe(0.5);
    expect(score.missingRecall).toBe(0.5);
    expect(score.missingF1).toBe(0.5);
  });

  it("parses JSON lines and formats the three figures", () => {
    const items = parseReportItems(`${JSON.stringify(item({ expected: { is_report: false } }))}\n\n`);
    expect(items).toHaveLength(1);
    const text = formatReportScore(scorePredictions(items, [{ is_report: false, reports: [], missing: [] }]));
    expect(text).toContain("report / not-a-report accuracy: 100.0%");
    expect(text).toContain("field accuracy");
    expect(text).toContain("F1");
  });
});
