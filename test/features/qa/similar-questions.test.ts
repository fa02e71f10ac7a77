import { describe, expect, it } from "vitest";
import type { Section } from "../../../src/features/qa/article.js";
import { KnowledgeIndex } from "../../../src/features/qa/search.js";
import { SimilarQuestions } from "../../../src/features/qa/similar-questions.js";

function section(id: string, heading: string, body: string, questions: string[]): Section {
  return { id, documentId: id.split("#")[0]!, title: "基金会", heading, body, cite: "《基金会管理条例》", caution: false, kind: "article", aliases: [], questions };
}

const fund = section("foundation#1", "成立公募基金会一开始得拿出多少钱？", "原始基金须是到账的货币资金：地方性公募基金会不低于400万元，非公募基金会不低于200万元。", [
  "开基金会得先拿出多少钱",
  "非公募基金会起步资金多少",
  "基金会注册资金要多少",
]);
const spending = section("foundation#2", "基金会的公益支出比例", "公募基金会每年用于公益事业的支出不得低于上一年总收入的70%。", [
  "公募基金会一年得把多少钱花出去",
  "基金会每年公益支出比例",
]);
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

describe("the nearest similar question (相似问)", () => {
  it("is close for a question that nearly repeats a 问 line, and far for other matter", () => {
    const similar = new SimilarQuestions([fund, spending], segmenter);
    const near = similar.nearest("我们公募基金会一年要把多少钱花出去啊", () => 1);
    expect(near.get(1)).toBeGreaterThan(0.6);
    expect(near.get(1)!).toBeGreaterThan(near.get(0) ?? 0);
    expect(similar.nearest("锅包肉怎么做才好吃", () => 1).size).toBe(0);
  });

  it("lifts the section whose 问 line the leader's wording repeats above one that only shares the nouns", () => {
    const index = new KnowledgeIndex([fund, spending]);
    const hits = index.search("公募基金会一年到头得把多少钱花出去");
    const score = (id: string) => hits.find((hit) => hit.section.id === id)?.score ?? 0;
    expect(score("foundation#2")).toBeGreaterThan(score("foundation#1"));
  });
});
