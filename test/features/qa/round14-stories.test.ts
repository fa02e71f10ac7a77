import { describe, expect, it } from "vitest";
import { answerBody, askShipped } from "./helpers.js";

// Questions told the way leaders tell them (round 14): each line is what a leader types, then what
// the reply must (or must not) say. Written for these tests, not taken from any evaluation set.
const says = async (question: string) => answerBody((await askShipped(question)).text);

describe("a question in English", () => {
  it("is answered in English, with the rule's Chinese wording after it for the forms and the officials", async () => {
    const reply = await says("Our volunteers will be clearing ice on the riverbank next week. Must we insure them, and with what kind of policy?");
    expect(reply).toMatch(/^[A-Z]/);
    expect(reply).toContain("accident insurance");
    expect(reply).toContain("(中文：");
    expect(reply).toContain("人身意外伤害保险");
  });

  it("keeps the Chinese to the sentences that carry what was asked (a mainland resident, for a foreign legal representative)", async () => {
    const reply = await says("A Canadian friend wants to be legal representative of our public-fundraising foundation. Allowed?");
    expect(reply).toContain("mainland resident");
    expect(reply).toContain("内地居民");
  });

  it("but a Chinese question gets no translation note", async () => {
    expect(await says("带志愿者去江边除冰，要给他们买什么保险")).not.toContain("中文：");
  });
});
