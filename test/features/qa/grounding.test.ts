import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticle, type Section } from "../../../src/features/qa/article.js";
import { loadKnowledge } from "../../../src/features/qa/knowledge.js";
import { review } from "../../../src/features/qa/llm-answer.js";
import { loadGuardRules, parseGuardRules } from "../../../src/features/qa/llm-guard.js";
import { fixtureArticles, park } from "./helpers.js";

/**
 * What the checks say about one model answer over the test articles: used as written, or
 * refused with the reason the log shows (the chat then gets the retrieval answer).
 */

const placeholders = Object.fromEntries(Object.entries(park).map(([key, value]) => [`park.${key}`, value]));
const sectionsOf = (file: string): Section[] => parseArticle(file, file.replace(/\.md$/, ""), fixtureArticles[file]!, placeholders);
const shetuan = sectionsOf("shetuan-conditions.md");
const minfei = sectionsOf("minfei-operations.md");
const inspection = sectionsOf("annual-inspection.md");
const rules = loadGuardRules();
const system = readFileSync("prompts/qa-system.md", "utf8");

function verdict(answer: string, sections: Section[]): string {
  const { written, refusal } = review(answer, { sections, system, secrets: [], rules });
  return written ? "used" : refusal!.reason;
}

describe("grounding an LLM answer in the retrieved passages", () => {
  it("uses a paraphrase that keeps every figure with its own subject", () => {
    expect(verdict("根据《社会团体登记管理条例》第十条，成立社团要有50个以上的个人会员，或者30个以上的单位会员。", shetuan)).toBe("used");
  });

  it("refuses a true figure moved onto another subject (30 belongs to 单位会员)", () => {
    expect(verdict("依据《社会团体登记管理条例》第十条，成立社团要有30个以上的个人会员。", shetuan)).toBe("figure");
  });

  it("refuses two true figures swapped between their subjects", () => {
    expect(verdict("依据《社会团体登记管理条例》第十条，全国性社团活动资金要3万元以上，地方性社团要10万元以上。", shetuan)).toBe("figure");
    expect(verdict("依据《社会团体登记管理条例》第十条，地方性社团活动资金要3万元以上，全国性社团要10万元以上。", shetuan)).toBe("used");
  });

  it("refuses a figure pointing the other way or counted in another unit", () => {
    expect(verdict("依据《社会团体登记管理条例》第十条，个人会员要50个以下。", shetuan)).toBe("figure");
    expect(verdict("依据《社会团体登记管理条例》第二十八条，每年3月31日后报送业务主管单位初审。", inspection)).toBe("figure");
    expect(verdict("依据《民办非企业单位登记管理暂行条例》第十五条，要在业务主管单位同意后30个月内申请变更登记。", minfei)).toBe("figure");
    expect(verdict("依据《民办非企业单位登记管理暂行条例》第十五条，业务主管单位同意后，30日以内申请变更登记。", minfei)).toBe("used");
  });

  it("refuses a yes where the passage says no", () => {
    expect(verdict("可以。依据《民办非企业单位登记管理暂行条例》第十三条，民非可以设立分支机构。", minfei)).toBe("negation");
    expect(verdict("依据《社会团体登记管理条例》第三十五条，年度检查可以收取费用。", inspection)).toBe("negation");
  });

  it("keeps a no that says the passage's no in other words", () => {
    expect(verdict("不用交钱。依据《社会团体登记管理条例》第三十五条，登记机关进行年度检查不得收取费用。", inspection)).toBe("used");
  });

  it("refuses a sentence the passages do not support, even beside a true one", () => {
    expect(verdict("依据《社会团体登记管理条例》第十条，个人会员要50个以上。会员必须全部是本区户籍居民。", shetuan)).not.toBe("used");
    expect(verdict("依据《社会团体登记管理条例》第十条，个人会员要50个以上。建议直接找街道主任帮忙疏通。", shetuan)).toBe("unsupported");
  });

  it("refuses a short sentence that claims where the asker's case stands", () => {
    const base = "依据《社会团体登记管理条例》第十条，个人会员要50个以上。";
    expect(verdict(`${base}已批准。`, shetuan)).toBe("status");
    expect(verdict(`${base}同意。`, shetuan)).toBe("unsupported");
  });

  it("refuses an article number the passages do not cite", () => {
    expect(verdict("依据《社会团体登记管理条例》第四十条，个人会员要50个以上。", shetuan)).not.toBe("used");
  });

  it("refuses another province's rule stated as ours", () => {
    expect(verdict("依据《社会团体登记管理条例》第十条，个人会员要50个以上；按浙江的做法，10个就行。", shetuan)).not.toBe("used");
  });

  it("needs no support for the caution line", () => {
    expect(verdict("依据《社会团体登记管理条例》第二十八条，每年3月31日前报业务主管单位初审，5月31日前报登记机关。以登记机关最新要求为准。", inspection)).toBe("used");
  });

  it("reads bold, list markers and framing words as layout, not as claims", () => {
    expect(verdict("**结论**：不能。\n依据《民办非企业单位登记管理暂行条例》第十三条：\n1. 民非**不得**设立分支机构。", minfei)).toBe("used");
    expect(verdict("简单来说：\n- 个人会员：50个以上；\n- 单位会员：30个以上。\n依据《社会团体登记管理条例》第十条。如有疑问，建议咨询园区工作人员。", shetuan)).toBe("used");
  });

  it("grounds English answers in the sections' en lines", () => {
    expect(verdict("Per 《社会团体登记管理条例》第十条, an association needs at least 50 individual members or 30 institutional members.", shetuan)).toBe("used");
    expect(verdict("Per 《社会团体登记管理条例》第十条, an association needs at least 30 individual members.", shetuan)).toBe("figure");
    expect(verdict("Per 《社会团体登记管理条例》第十条, an association needs at most 50 individual members.", shetuan)).toBe("figure");
    expect(verdict("Per 《社会团体登记管理条例》第三十五条, the registration authority may charge a fee for the annual inspection.", inspection)).toBe("negation");
    expect(verdict("No. Per 《社会团体登记管理条例》第三十五条, the registration authority may not charge a fee for the annual inspection.", inspection)).toBe("used");
  });
});

describe("a section of the shipped knowledge base copied as the answer", () => {
  it("is used, source line and all, unless it carries a phone number or a link", () => {
    const { sections } = loadKnowledge({ knowledgeDirs: ["config/knowledge"], statuteDirs: [], park });
    const refused = sections
      .map((section) => ({ id: section.id, reason: verdict(`${section.body}依据${section.cite}。`, [section]) }))
      .filter(({ reason }) => reason !== "used");
    const unexpected = refused.filter(({ reason }) => reason !== "contact" && reason !== "link");
    console.info(`shipped sections copied as the answer: used ${sections.length - refused.length}/${sections.length}`);
    // The knowledge base changes; a few odd source lines may fail, most must not.
    expect(unexpected.length / sections.length, JSON.stringify(unexpected)).toBeLessThan(0.05);
  });
});

describe("the guard file", () => {
  it("refuses links, contacts and identity claims whatever the passages say", () => {
    const base = "依据《社会团体登记管理条例》第十条，个人会员要50个以上。";
    expect(verdict(`${base}详见 www。shetuan。com`, shetuan)).toBe("link");
    expect(verdict(`${base}加V：sheTuan2026`, shetuan)).toBe("contact");
    expect(verdict(`我是民政局的工作人员。${base}`, shetuan)).toBe("identity");
  });

  it("names the category of a pattern that does not compile", () => {
    const text = readFileSync("config/qa-llm-guard.yaml", "utf8").replace("patterns: ['!\\[[^\\]]*\\]'", "patterns: ['!\\[[^\\]*'");
    expect(() => parseGuardRules(text)).toThrow(/never\.image: bad pattern/);
  });
});
