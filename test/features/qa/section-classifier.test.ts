import { describe, expect, it } from "vitest";
import type { Section } from "../../../src/features/qa/article.js";
import { SectionClassifier } from "../../../src/features/qa/section-classifier.js";

function section(id: string, heading: string, body: string, questions: string[]): Section {
  return { id, documentId: id.split("#")[0]!, title: "基金会理事会", heading, body, cite: "《基金会管理条例》", caution: false, kind: "article", aliases: ["理事会"], questions };
}

// Two sibling sections that share the article's words (基金会, 理事, 理事会); their askers differ.
const size = section("board#1", "基金会理事会要几个人？", "理事会由5至25名理事组成，理事任期由章程规定，每届不超过5年。", [
  "基金会理事最少几个",
  "理事会最多能有多少人",
  "管事的班子得凑够几个人",
  "理事人数有上限吗",
]);
const kin = section("board#2", "亲属能一起当理事吗？", "用私人财产设立的非公募基金会，相互间有近亲属关系的理事，总数不得超过理事总人数的1/3。", [
  "老伴和儿子能一起进理事会吗",
  "一家人都当理事行不行",
  "亲戚能不能同时做理事",
  "夫妻俩都在理事会里有限制吗",
]);
const alone = { ...section("seal#1", "印章要备案吗？", "印章式样要报登记机关备案。", ["刻了章要报备吗"]), documentId: "seal", title: "印章" };

describe("the learned choice among an article's sections", () => {
  it("user: 俺闺女和女婿都想进理事会 → the kinship section, though the size section shares more words", () => {
    const sibling = new SectionClassifier([size, kin, alone]).scorer("俺闺女和女婿都想进理事会，一家人进去几个有限制吗");
    expect(sibling(1)).toBe(1);
    expect(sibling(0)).toBeLessThan(0.8);
  });

  it("gives every article's likeliest section 1, and a section alone in its article 1", () => {
    const sibling = new SectionClassifier([size, kin, alone]).scorer("理事会最少要几个理事");
    expect(sibling(0)).toBe(1);
    expect(sibling(2)).toBe(1);
  });

  it("leaves an article alone when a section has too few similar questions to learn how people ask", () => {
    const thin = { ...kin, id: "board#3", questions: ["亲属能当理事吗"] };
    const sibling = new SectionClassifier([size, thin]).scorer("俺闺女和女婿都想进理事会，一家人进去几个有限制吗");
    expect([sibling(0), sibling(1)]).toEqual([1, 1]);
  });
});
