import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReportItems } from "../../../../src/features/reports/evaluate.js";
import { extractReports } from "../../../../src/features/reports/extract/index.js";
import { extractReportsWithLlm } from "../../../../src/features/reports/extract/llm.js";
import { createOpenAiLlm } from "../../../../src/ports/openai-llm.js";
import { type FakeOpenAi, startFakeOpenAi } from "../../../support/fake-openai.js";

/**
 * The model proposes, code decides: a loopback OpenAI-compatible server answers every report
 * message with a plausible but wrong proposal — a count written nowhere, a place and a team
 * taken from another message, a date after the message was sent, a night-time clock — and none
 * of it may reach a stored report.
 */
const items = parseReportItems(readFileSync(new URL("../../../fixtures/reports/own-tune.jsonl", import.meta.url), "utf8"));
const WRONG_COUNT = 987;
const WRONG_SERVED = 4321;
const FUTURE_DATE = "2027-06-01";

/** Another message's place and team: the item the proposal is *not* about. */
function foreign(index: number): { location: string; organization: string } {
  const other = items[(index + 7) % items.length]!;
  const report = (other.expected.reports?.[0] ?? other.expected) as Record<string, unknown>;
  return { location: String(report.location ?? "平房区第二十八中学操场"), organization: String(report.organization ?? "远方社区星光志愿服务队") };
}

let fake: FakeOpenAi;
let current = 0;

beforeAll(async () => {
  fake = await startFakeOpenAi(() => {
    const { location, organization } = foreign(current);
    const wrong = {
      organization, title: "活动", category: "其他", date: FUTURE_DATE, start_time: "23:00", end_time: "23:59", location,
      volunteers: WRONG_COUNT, volunteer_hours: WRONG_COUNT * 3, beneficiaries: WRONG_SERVED, description: "活动", photos: 9,
    };
    return JSON.stringify({ is_report: true, reports: [wrong, wrong, wrong] });
  });
});
afterAll(async () => {
  await fake.close();
});

describe("an LLM that proposes wrong values", () => {
  it("never gets a number, place, team, date or clock time into a report that the message did not give", async () => {
    const llm = createOpenAiLlm({ baseUrl: fake.url, apiKey: "test", model: "fake", timeoutMs: 5000, maxRetries: 0 });
    let asked = 0;
    let read = 0;
    for (const [index, item] of items.entries()) {
      current = index;
      const reference = new Date(item.reference_datetime);
      const text = item.messages.join("\n");
      const rules = extractReports(item.messages, reference);
      const withLlm = await extractReportsWithLlm(llm, item.messages, reference);
      if (rules.is_report) asked += 1;
      expect(withLlm.is_report, item.id).toBe(rules.is_report);
      expect(withLlm.reports.length, item.id).toBe(rules.reports.length);
      const { location, organization } = foreign(index);
      withLlm.reports.forEach((report, position) => {
        // Free text (a title) is the model's to phrase: seeing it proves the proposal was read.
        if (report.title === "活动") read += 1;
        const ruled = rules.reports[position]!;
        expect(report.volunteers, item.id).not.toBe(WRONG_COUNT);
        expect(report.volunteer_hours, item.id).not.toBe(WRONG_COUNT * 3);
        expect(report.beneficiaries, item.id).not.toBe(WRONG_SERVED);
        expect(report.photos, item.id).toBe(ruled.photos);
        expect(report.date, item.id).toBe(ruled.date);
        expect([report.start_time, report.end_time], item.id).toEqual([ruled.start_time, ruled.end_time]);
        if (!text.includes(location)) expect(report.location, item.id).not.toBe(location);
        if (!text.includes(organization)) expect(report.organization, item.id).not.toBe(organization);
      });
    }
    // Every report message was put to the model: the checks above ran against real proposals.
    expect(fake.requests.length).toBe(asked);
    expect(asked).toBeGreaterThan(50);
    expect(read).toBeGreaterThan(50);
  }, 60_000);
});
