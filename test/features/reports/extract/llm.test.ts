import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ChatTurn, Llm } from "../../../../src/ports/llm.js";
import { extractReports } from "../../../../src/features/reports/extract/index.js";
import {
  extractReportsWithLlm,
  mergeLlmProposal,
  reportProposalSchema,
  type ProposedReport,
  type ReportProposal,
} from "../../../../src/features/reports/extract/llm.js";

const reference = new Date("2026-05-18T20:00:00+08:00");

function proposed(fields: Partial<ProposedReport>): ReportProposal {
  return {
    is_report: true,
    reports: [{
      organization: null, title: null, category: null, date: null, start_time: null, end_time: null, location: null,
      volunteers: null, volunteer_hours: null, beneficiaries: null, description: null, photos: null, ...fields,
    }],
  };
}

/** A stand-in for the LLM port that returns a fixed proposal and records what it was sent. */
function stubLlm(answer: ReportProposal | Error): Llm & { calls: ChatTurn[][] } {
  const calls: ChatTurn[][] = [];
  return {
    model: "stub",
    calls,
    async complete() {
      throw new Error("not used");
    },
    async completeJson<T>(request: { messages: ChatTurn[]; schema: z.ZodType<T> }): Promise<T> {
      calls.push(request.messages);
      if (answer instanceof Error) throw answer;
      return request.schema.parse(answer);
    },
  };
}

describe("the proposal schema", () => {
  it("accepts nulls everywhere and rejects missing keys", () => {
    expect(reportProposalSchema.safeParse(proposed({})).success).toBe(true);
    expect(reportProposalSchema.safeParse({ is_report: true, reports: [{ title: "x" }] }).success).toBe(false);
  });
});

describe("mergeLlmProposal: the model proposes, code decides", () => {
  const messages = ["昨天下午我们在东湖社区活动室教老人用智能手机，2点到4点，来了8个志愿者，教了25位老人，我们是银发数字课堂"];

  it("keeps a name or place only if it occurs in the messages", () => {
    const rules = extractReports(messages, reference);
    expect(rules.reports[0]!.organization).toBeNull();
    const kept = mergeLlmProposal(rules, proposed({ organization: "银发数字课堂" }), messages, reference);
    expect(kept.reports[0]!.organization).toBe("银发数字课堂");
    expect(kept.missing).not.toContain("organization");
    const invented = mergeLlmProposal(rules, proposed({ organization: "东湖社区老年大学" }), messages, reference);
    expect(invented.reports[0]!.organization).toBeNull();
    expect(invented.missing).toContain("organization");
  });

  it("never takes dates, times or hours from the model", () => {
    const rules = extractReports(messages, reference);
    const merged = mergeLlmProposal(
      rules,
      proposed({ date: "2026-05-01", start_time: "08:00", end_time: "18:00", volunteer_hours: 99 }),
      messages,
      reference,
    );
    expect(merged.reports[0]).toMatchObject({ date: "2026-05-17", start_time: "14:00", end_time: "16:00", volunteer_hours: 16 });
  });

  it("takes a count only if the number is written, then computes hours by the rules", () => {
    const text = ["昨天春晖志愿队在东湖公园捡垃圾，上午9点到11点，参加的有十五六个，其实是12位"];
    const rules = extractReports(text, reference);
    const base = { ...rules, reports: [{ ...rules.reports[0]!, volunteers: null, volunteer_hours: null }], missing: ["volunteers", "volunteer_hours"] };
    const merged = mergeLlmProposal(base, proposed({ volunteers: 12 }), text, reference);
    expect(merged.reports[0]).toMatchObject({ volunteers: 12, volunteer_hours: 24 });
    expect(merged.missing).toEqual([]);
    const invented = mergeLlmProposal(base, proposed({ volunteers: 40 }), text, reference);
    expect(invented.reports[0]!.volunteers).toBeNull();
  });

  it("uses the model's title, description and a valid category where the rules had 其他", () => {
    const text = ["昨天春晖志愿队在东湖社区搞了个活动，10人，上午9点到11点"];
    const rules = extractReports(text, reference);
    const merged = mergeLlmProposal(rules, proposed({ title: "社区议事会", description: "组织居民议事", category: "社区治理" }), text, reference);
    expect(merged.reports[0]).toMatchObject({ title: "社区议事会", description: "组织居民议事", category: "社区治理" });
    const invalid = mergeLlmProposal(rules, proposed({ category: "娱乐" }), text, reference);
    expect(invalid.reports[0]!.category).toBe(rules.reports[0]!.category);
  });

  it("cannot turn a non-report into a report", () => {
    const text = ["请问志愿时长怎么认定？"];
    const rules = extractReports(text, reference);
    expect(mergeLlmProposal(rules, proposed({ organization: "x" }), text, reference)).toEqual(rules);
  });
});

describe("extractReportsWithLlm", () => {
  const messages = ["昨天下午我们在东湖社区活动室教老人用智能手机，2点到4点，8个志愿者，我们是银发数字课堂"];

  it("sends the prompt file and the messages, and merges the answer", async () => {
    const llm = stubLlm(proposed({ organization: "银发数字课堂" }));
    const result = await extractReportsWithLlm(llm, messages, reference);
    expect(result.reports[0]!.organization).toBe("银发数字课堂");
    expect(llm.calls[0]![0]!.role).toBe("system");
    expect(llm.calls[0]![0]!.content).toContain("is_report");
    expect(llm.calls[0]![1]!.content).toContain("银发数字课堂");
  });

  it("falls back to the rules when the LLM fails or is absent", async () => {
    const rules = extractReports(messages, reference);
    expect(await extractReportsWithLlm(stubLlm(new Error("timeout")), messages, reference)).toEqual(rules);
    expect(await extractReportsWithLlm(undefined, messages, reference)).toEqual(rules);
  });
});
