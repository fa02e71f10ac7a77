import { describe, expect, it } from "vitest";
import type { Section } from "../../../src/features/qa/article.js";
import { compose, condense, maxBodyLength } from "../../../src/features/qa/composer.js";
import { qaTexts } from "./helpers.js";

const texts = qaTexts();
const zh = texts.translator("zh-CN");
const en = texts.translator("en");

function section(extra: Partial<Section> = {}): Section {
  return {
    id: "shetuan-conditions#1",
    documentId: "shetuan-conditions",
    title: "成立社团的条件",
    heading: "成立社团最少要多少会员？",
    body: "个人会员50个以上，或者单位会员30个以上。混合组成的，总数不少于50个。",
    english: "An association needs at least fifty individual members or 30 institutional members.",
    cite: "《社会团体登记管理条例》第十条第一项",
    caution: false,
    kind: "article",
    aliases: [],
    ...extra,
  };
}

describe("compose", () => {
  it("gives the body and a source line naming the clause and the article", () => {
    const composed = compose([{ question: "社团要多少会员", section: section() }], { english: false, t: zh });
    expect(composed.body).toBe("个人会员50个以上，或者单位会员30个以上。混合组成的，总数不少于50个。");
    expect(composed.sourceLine).toBe("来源：《社会团体登记管理条例》第十条第一项 · 成立社团的条件");
    expect(composed.sources).toEqual([{ id: "shetuan-conditions", title: "成立社团的条件", cite: "《社会团体登记管理条例》第十条第一项" }]);
  });

  it("numbers the parts of a two-part answer and lists both sources", () => {
    const second = section({ id: "x#2", documentId: "x", title: "活动资金", body: "活动资金3万元以上。", cite: "《社会团体登记管理条例》第十条第五项" });
    const composed = compose([{ question: "会员", section: section() }, { question: "资金", section: second }], { english: false, t: zh });
    expect(composed.body.split("\n")).toHaveLength(2);
    expect(composed.body).toMatch(/^1\. 个人会员/);
    expect(composed.body).toMatch(/\n2\. 活动资金3万元以上。$/);
    expect(composed.sourceLine).toContain("；《社会团体登记管理条例》第十条第五项 · 活动资金");
  });

  it("gives the room a short part leaves to the first part, whose later sentences would otherwise be cut", () => {
    // Three sentences of about 90 characters each: more than half of the reply, less than all of it.
    const sentence = (n: number) => `第${n}句`.padEnd(88, "说") + "。";
    const long = section({ body: [1, 2, 3].map(sentence).join("") });
    const short = section({ id: "x#2", documentId: "x", title: "活动资金", body: "活动资金3万元以上。", cite: "《社会团体登记管理条例》第十条第五项" });
    const composed = compose([{ question: "会员", section: long }, { question: "资金", section: short }], { english: false, t: zh });
    expect(composed.body).toContain("第3句");
    expect(composed.body).toContain("活动资金3万元以上。");
    expect(composed.body.length).toBeLessThanOrEqual(maxBodyLength);
  });

  it("in English, gives the first part's Chinese wording the room a short second part leaves", () => {
    const first = section({
      english: "An association needs at least 50 individual members or at least 30 institutional members; with a mixed membership it needs at least 50 members in total when it applies.",
      body: "个人会员50个以上，或者单位会员30个以上；个人会员和单位会员混合组成的，会员总数不得少于50个，申请登记时就要达到。",
    });
    const second = section({ id: "x#2", documentId: "x", title: "Funds", heading: "活动资金", body: "活动资金3万元以上。", english: "At least 30,000 yuan.", cite: "《社会团体登记管理条例》第十条第五项" });
    const composed = compose([{ question: "How many members?", section: first }, { question: "How much money?", section: second }], { english: true, t: en });
    const [one] = composed.body.split("\n");
    expect(one).toContain("会员总数不得少于50个");
    expect(composed.body.length).toBeLessThanOrEqual(maxBodyLength);
  });

  it("adds 以登记机关最新要求为准 for caution articles, once", () => {
    expect(compose([{ question: "q", section: section({ caution: true }) }], { english: false, t: zh }).body).toMatch(/以登记机关最新要求为准。$/);
    const already = section({ caution: true, body: "一般5月31日前报送，以登记机关最新要求为准。" });
    expect(compose([{ question: "q", section: already }], { english: false, t: zh }).body.match(/最新要求为准/g)).toHaveLength(1);
  });

  it("answers in English from the en: line, figures in digits", () => {
    const composed = compose([{ question: "How many members?", section: section() }], { english: true, t: en });
    expect(composed.body).toMatch(/^An association needs at least 50 individual members or 30 institutional members\. /);
    expect(composed.sourceLine).toMatch(/^Source: 《社会团体登记管理条例》/);
  });

  it("follows the English with the rule's Chinese wording when it fits, whole sentences only", () => {
    const composed = compose([{ question: "How many members?", section: section() }], { english: true, t: en });
    expect(composed.body).toMatch(/members\. \(中文：个人会员50个以上，或者单位会员30个以上。.*\)$/);
    const crowded = section({ body: `${"这一句讲的是别的事情而且很长".repeat(30)}。` });
    expect(compose([{ question: "How many members?", section: crowded }], { english: true, t: en }).body).not.toContain("中文");
  });

  it("cuts an English sentence too long for its room between words, not inside one", () => {
    const cut = condense("If a volunteer is at fault and someone is harmed, the charity compensates and may recover from the volunteer who acted intentionally.", "who pays", 123);
    expect(cut.length).toBeLessThanOrEqual(123);
    expect(cut).toMatch(/ [a-z]+…$/);
    expect(cut).not.toContain("int…");
  });

  it("keeps the body within 400 characters whatever the sections", () => {
    const long = section({ body: "这一句话有些长，讲的是别的事情。".repeat(40) + "个人会员50个以上。" });
    const composed = compose([{ question: "会员", section: long }, { question: "会员", section: long }, { question: "会员", section: long }], { english: false, t: zh });
    expect(composed.body.length).toBeLessThanOrEqual(maxBodyLength);
  });
});

describe("condense", () => {
  const body = "不能。民非不得设立分支机构。擅自设立的，由登记机关警告。情节严重的，撤销登记。这类情况并不少见。";

  it("returns a body that fits unchanged", () => {
    expect(condense(body, "民非能设分支机构吗", 400)).toBe(body);
  });

  it("keeps the key sentence first and fills the rest with what matches the question", () => {
    const short = condense(body, "擅自设立分支机构会被撤销登记吗", 40);
    expect(short.startsWith("不能。民非不得设立分支机构。")).toBe(true);
    expect(short).toContain("撤销登记");
    expect(short.length).toBeLessThanOrEqual(40);
  });

  it("moves the best-matching sentence of a statute passage to the front", () => {
    const passage = "成立社会团体，应当具备下列条件：(一)有50个以上的个人会员；(二)有规范的名称；(五)地方性的社会团体有3万元以上活动资金；(六)有独立承担民事责任的能力。";
    expect(condense(passage, "活动资金要多少", 50, true)).toMatch(/^\(五\)地方性的社会团体有3万元以上活动资金/);
  });
});
