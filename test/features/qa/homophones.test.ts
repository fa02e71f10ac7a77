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

  it("hears zh/ch/sh as z/c/s and -ng as -n, as many north-eastern and southern speakers type", () => {
    const accents = new HomophoneCorrector({
      readings: { 理: "li", 事: "shi", 四: "si", 会: "hui", 汇: "hui", 民: "min", 政: "zheng", 正: "zheng", 怎: "zen", 局: "ju", 章: "zhang", 程: "cheng", 层: "ceng", 成: "cheng" },
      terms: [
        ["理事会", "li shi hui"],
        ["民政局", "min zheng ju"],
      ],
    });
    expect(accents.correct("理四会几个人")).toBe("理事会几个人");
    expect(accents.correct("民怎局")).toBe("民政局");
    // Still one character in three at most.
    expect(accents.correct("理四汇")).toBe("理四汇");
    expect(normalize("改完章层要报谁")).toBe("改完章程要报谁");
  });

  it("leaves a run that sounds alike but differs in more, or cuts through a word of its own", () => {
    expect(small.correct("鸡今汇")).toBe("鸡今汇");
    expect(small.correct("公积金会不会受影响")).toBe("公积金会不会受影响");
    expect(small.correct("基金汇报给理事")).toBe("基金汇报给理事");
    expect(small.correct("历史会说话")).toBe("历史会说话");
    // A whole term with a word beside it: going (去) to the bureau, not the district's (区) bureau.
    expect(small.correct("直接去民政局登记")).toBe("直接去民政局登记");
  });

  it("reads a two-character term typed by sound only where its characters stand as words of their own", () => {
    const pairs = new HomophoneCorrector({
      readings: { 民: "min", 非: "fei", 飞: "fei", 监: "jian", 事: "shi", 视: "shi", 的: "de di", 抵: "di", 税: "shui", 两: "liang", 届: "jie", 家: "jia jie" },
      terms: [
        ["民非", "min fei"],
        ["监事", "jian shi"],
        ["抵税", "di shui"],
        ["两届", "liang jie"],
      ],
    });
    expect(pairs.correct("民飞能设分支机构吗")).toBe("民非能设分支机构吗");
    // 监视 is a word of its own; 的 is grammar, not a slip for 抵; 家 is read jia before jie.
    expect(pairs.correct("监视器坏了找谁修")).toBe("监视器坏了找谁修");
    expect(pairs.correct("我们的税怎么算")).toBe("我们的税怎么算");
    expect(pairs.correct("另外两家药店也挂名")).toBe("另外两家药店也挂名");
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

  it("answers a short term typed by sound as the term (社湍 for 社团), not another type's rule", async () => {
    // Unread, 社湍 leaves the annual-report words, and the foundation's deadline wins.
    const answer = await askShipped("社湍的年度报告啥时候交给主管单位");
    expect(answerBody(answer.text)).toContain("社团");
    expect(answerBody(answer.text)).not.toContain("基金会");
  });
});
