import { describe, expect, it } from "vitest";
import type { Section } from "../../../src/features/qa/article.js";
import { answersConsequence, asksWhatHappens } from "../../../src/features/qa/consequence.js";
import { KnowledgeIndex } from "../../../src/features/qa/search.js";

const evaluation = { heading: "哪些情况不能参加评估？", body: "有下列情形的不予评估：未参加上年度年检；上年度年检不合格；上年度受到行政处罚。" };
const listing = { heading: "什么情况会被列入活动异常名录？", body: "主要有：未按规定报送年度工作报告；未按照有关规定设立党组织。" };
const unregistered = { heading: "没登记就以协会名义搞活动会怎样？", body: "未经登记擅自以社团名义活动的，由登记机关予以取缔、没收非法财产。" };

describe("does a section say what happens in the case asked about?", () => {
  it("user: 年检不交会被怎么处罚 → a list naming 年检 and 处罚 as separate conditions does not answer", () => {
    expect(answersConsequence("年检不交会被怎么处罚", evaluation, { strict: true })).toBe(false);
  });

  it("a list item under a heading that states the consequence answers (年报晚交 → 异常名录)", () => {
    expect(answersConsequence("年度工作报告晚交了会有啥后果", listing)).toBe(true);
  });

  it("the consequence and the case in one sentence answer", () => {
    expect(answersConsequence("没登记就用协会的名义搞活动会被怎么罚", unregistered, { strict: true })).toBe(true);
  });

  it("an English question about fines is held to the same: the rule that forbids the act does not say the fine", () => {
    const forbids = { heading: "社团可以做生意赚钱吗？", body: "不能。社团不得从事营利性经营活动。" };
    const fines = { heading: "社团哪些行为会被处罚？", body: "从事营利性经营的，没收违法所得并处违法所得3倍以上5倍以下罚款。" };
    const question = "If an association runs a for-profit business, what fines can it face?";
    expect(answersConsequence(question, forbids, { strict: true })).toBe(false);
    expect(answersConsequence(question, fines, { strict: true })).toBe(true);
    // "Is that fine?" asks no penalty.
    expect(answersConsequence("We run a small for-profit cafe, is that fine?", forbids, { strict: true })).toBe(true);
  });

  it("a penalty said of 收了的 names the case the sentence before it states, and who pays for harm is a consequence", () => {
    const fee = { heading: "志愿服务可以收钱吗？", body: "志愿者不得向志愿服务对象收取报酬。收了的，由民政部门予以警告，责令退还。" };
    expect(answersConsequence("志愿者收了服务对象报酬会被怎么罚", fee, { strict: true })).toBe(true);
    const harm = { heading: "活动中有人受伤怎么办？", body: "因组织过错造成志愿者受伤的，组织依法承担赔偿责任。" };
    expect(answersConsequence("志愿者受伤了，后果谁来承担", harm)).toBe(true);
  });

  it("questions asking no consequence, and non-penalty ones when strict, pass", () => {
    expect(answersConsequence("年检要交哪些材料", evaluation)).toBe(true);
    expect(answersConsequence("年检没参加会有啥影响", evaluation, { strict: true })).toBe(true);
  });
});

describe("a question asking what happens, in retrieval", () => {
  const section = (id: string, heading: string, body: string): Section => ({ id, documentId: id.split("#")[0]!, title: "慈善组织", heading, body, cite: "《慈善法》", caution: false, kind: "article", aliases: [] });
  const index = new KnowledgeIndex([
    section("charity#1", "哪些活动算慈善活动？", "慈善活动包括扶贫济困、扶老救孤、助残、教育、环保等公益活动。"),
    section("charity#2", "慈善组织什么情况下要终止？", "连续二年未从事慈善活动的，慈善组织应当终止。"),
  ]);

  it("user: 好几年没搞慈善活动了，会有啥后果 / 民政会管吗 → the section that says what happens comes first", () => {
    expect(index.search("我们好几年都没搞过慈善活动了，会有啥后果")[0]?.section.id).toBe("charity#2");
    expect(index.search("我们好几年都没搞过慈善活动了，民政会管吗")[0]?.section.id).toBe("charity#2");
  });

  it("user: 哪些活动算慈善活动 → asks no consequence, so the definition still comes first", () => {
    expect(index.search("哪些活动算慈善活动")[0]?.section.id).toBe("charity#1");
  });
});

describe("asking who answers for it, or what is risked, asks what happens", () => {
  it("user: 名单发错群了民政会怎么处理 / 协会得担啥责任 / 有啥风险没 / 会不会惹麻烦 / are we liable → asks what happens", () => {
    for (const question of [
      "上报的名单弄错了，民政一般会怎么处理",
      "这事传出去，协会得担啥责任",
      "要是被查出来会追究责任吗",
      "借证书给别人用有什么风险",
      "年报晚交了一个月会不会有麻烦",
      "志愿者磕伤了谁来赔",
      "没备案就开展活动，会挨处分不",
      "Are we liable if a volunteer gets hurt?",
      "Could we get in trouble for this?",
    ]) {
      expect(asksWhatHappens(question), question).toBe(true);
    }
  });

  it("user: 剩余财产怎么处理 / 谁负责年检 / 给您添麻烦了 / 下场活动 / at-risk youth → asks no consequence", () => {
    for (const question of [
      "协会注销后剩余财产怎么处理",
      "谁负责年检材料的提交",
      "不好意思给您添麻烦了，社团登记要多少人",
      "下场活动在哪个社区办",
      "我们是做at-risk youth服务的，怎么登记",
      "Who is responsible for filing the annual report?",
    ]) {
      expect(asksWhatHappens(question), question).toBe(false);
    }
  });
});
