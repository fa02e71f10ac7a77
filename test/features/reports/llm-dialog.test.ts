import { afterEach, describe, expect, it } from "vitest";
import type { Llm } from "../../../src/ports/llm.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

/** A model that proposes one organization and records that it was asked. */
function proposingLlm(organization: string): Llm & { calls: number } {
  const llm = {
    model: "fake",
    calls: 0,
    complete: async () => "",
    completeJson: async <T>() => {
      llm.calls += 1;
      const report = { organization, title: null, category: null, date: null, start_time: null, end_time: null, location: null, volunteers: null, volunteer_hours: null, beneficiaries: null, description: null, photos: null };
      return { is_report: true, reports: [report] } as T;
    },
  };
  return llm;
}

describe("report conversation with the optional LLM", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("takes the organization the model finds in the message, so it is not asked", async () => {
    const llm = proposingLlm("爱心妈妈团");
    bot = await startTestBot({ llm });
    const [reply] = await bot.private("alice").user("alice").says("昨天我和爱心妈妈团的姐妹去敬老院陪老人包饺子了，一共8个人，9点到11点");
    expect(llm.calls).toBe(1);
    expect(reply).toContain("组织：爱心妈妈团");
    expect(reply).toContain("回复“确认”登记");
  });

  it("never asks the model about group chatter", async () => {
    const llm = proposingLlm("爱心妈妈团");
    bot = await startTestBot({ llm });
    expect(await bot.group("g1").user("bob").says("大家今天辛苦了，明天见")).toEqual([]);
    expect(llm.calls).toBe(0);
  });
});
