import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { HomophoneCorrector, homophoneTerms, shippedHomophones } from "../../../src/features/qa/homophones.js";
import { loadKnowledge } from "../../../src/features/qa/knowledge.js";
import { normalize } from "../../../src/features/qa/text.js";
import { answerBody, askShipped, park } from "./helpers.js";

/** Readings of a handful of characters, as config/qa/homophones.json holds them for 3,755. */
const small = new HomophoneCorrector({
  readings: { 基: "ji", 鸡: "ji", 积: "ji", 金: "jin", 今: "jin", 会: "hui kuai", 汇: "hui", 理: "li", 李: "li", 事: "shi", 世: "shi", 历: "li", 史: "shi", 区: "qu ou", 去: "qu", 民: "min", 政: "zheng", 局: "ju" },
  terms: [
    ["基金会", "ji jin hui"],
    ["理事会", "li shi hui"],
    ["民政局", "min zheng ju"],
    ["区民政局", "qu min zheng ju"],
  ],
});

describe("same-sound characters typed for a term (voice input, pinyin)", () => {
  it("reads a run that sounds like a term and differs in one character in three as the term", () => {
    expect(small.correct("鸡金会的原始基金要多少")).toBe("基金会的原始基金要多少");
    expect(small.correct("我们李事会开会")).toBe("我们理事会开会");
  });

  it("leaves a run that sounds alike but differs in more, or cuts through a word of its own", () => {
    expect(small.correct("鸡今汇")).toBe("鸡今汇");
    expect(small.correct("公积金会不会受影响")).toBe("公积金会不会受影响");
    expect(small.correct("基金汇报给理事")).toBe("基金汇报给理事");
    expect(small.correct("历史会说话")).toBe("历史会说话");
    // A whole term with a word beside it: going (去) to the bureau, not the district's (区) bureau.
    expect(small.correct("直接去民政局登记")).toBe("直接去民政局登记");
  });

  it("has the terms the shipped articles use (run scripts/homophones.ts after changing aliases)", () => {
    const { sections } = loadKnowledge({ knowledgeDirs: ["config/knowledge"], statuteDirs: [], park });
    const table = JSON.parse(readFileSync("config/qa/homophones.json", "utf8")) as { terms: Array<[string, string]> };
    expect(table.terms.map(([term]) => term)).toEqual(homophoneTerms(sections));
  });

  it("knows the shipped knowledge base's terms", () => {
    expect(shippedHomophones().correct("民政句在哪办")).toBe("民政局在哪办");
    expect(normalize("法定代表任能兼吗")).toContain("法定代表人");
  });

  it("answers a question whose key term was typed by sound with that term's rule, not a neighbour's", async () => {
    // Unread, 李事会 leaves only 会 and the quorum words, and the assembly's rule wins.
    const answer = await askShipped("李事会开会要多少人到场才算数");
    expect(answer.handoff).toBe(false);
    expect(answerBody(answer.text)).toContain("理事出席");
  });
});
