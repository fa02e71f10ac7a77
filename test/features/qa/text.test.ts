import { describe, expect, it } from "vitest";
import { arabicNumerals, englishDigits, figures, isEnglish, normalize, sentences, stem, terms } from "../../../src/features/qa/text.js";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

describe("normalize", () => {
  it("turns full-width characters half-width and lower-cases", () => {
    expect(normalize("ＡＢＣ１２３？")).toBe("abc123?");
  });

  it("corrects common typos (登计 → 登记, 明录 → 名录, 注消 → 注销)", () => {
    expect(normalize("社团登计")).toBe("社团登记");
    expect(normalize("异常明录")).toBe("异常名录");
    expect(normalize("怎么注消")).toBe("怎么注销");
  });

  it("writes one form per concept (民办非企业单位 → 民非, 社会团体 → 社团)", () => {
    expect(normalize("民办非企业单位和社会团体")).toBe("民非和社团");
    expect(normalize("社会服务机构")).toBe("民非");
  });
});

describe("terms", () => {
  it("makes Chinese bigrams and skips question phrasing", () => {
    const found = terms("社团登记要多少会员", segmenter);
    expect(found).toContain("社团");
    expect(found).toContain("登记");
    expect(found).toContain("会员");
    expect(found).not.toContain("多少");
  });

  it("adds longer Segmenter words as whole terms", () => {
    expect(terms("哈尔滨市", segmenter).some((term) => term.length >= 3)).toBe(true);
  });

  it("stems English words and drops stop words", () => {
    const found = terms("How many members does the association need?", segmenter);
    expect(found).toContain(stem("members"));
    expect(found).toContain(stem("association"));
    expect(found).not.toContain("the");
  });
});

describe("numbers", () => {
  it("converts Chinese numerals the way eval/README.md scores them", () => {
    expect(arabicNumerals("二十日")).toBe("20日");
    expect(arabicNumerals("两年")).toBe("2年");
    expect(arabicNumerals("百分之八")).toBe("8%");
    expect(arabicNumerals("十五日内")).toBe("15日内");
    expect(arabicNumerals("六十日")).toBe("60日");
    expect(arabicNumerals("3万元")).toBe("3万元");
  });

  it("lists the figures of a text", () => {
    expect(figures("个人会员五十个以上，单位会员30个")).toEqual(["50", "30"]);
  });

  it("writes English number words before units as digits", () => {
    expect(englishDigits("valid for five years; apply within six months")).toBe("valid for 5 years; apply within 6 months");
    expect(englishDigits("one of the rules")).toBe("one of the rules");
  });
});

describe("language and sentences", () => {
  it("tells English questions, with a Chinese term or two, from Chinese ones", () => {
    expect(isEnglish("Can a 民非 set up branches in other districts?")).toBe(true);
    expect(isEnglish("How many members?")).toBe(true);
    expect(isEnglish("民非 can 设分支机构吗")).toBe(false);
  });

  it("splits sentences and keeps their punctuation", () => {
    expect(sentences("不能。民非不得设立分支机构；擅自设立的会被警告。")).toEqual(["不能。", "民非不得设立分支机构；", "擅自设立的会被警告。"]);
  });
});
