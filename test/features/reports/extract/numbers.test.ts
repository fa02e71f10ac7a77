import { describe, expect, it } from "vitest";
import { numbersInText, parseChineseInteger, parseNumeral, parseQuantity } from "../../../../src/features/reports/extract/numbers.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";

describe("Chinese numerals", () => {
  it.each([
    ["一", 1], ["两", 2], ["仨", 3], ["俩", 2], ["十", 10], ["十五", 15], ["二十", 20],
    ["二十三", 23], ["一百零五", 105], ["三百", 300], ["一百一十", 110],
  ])("%s = %i", (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it("reads adjacent digits as a range, not a number", () => {
    expect(parseChineseInteger("十五六")).toBeNull();
    expect(parseChineseInteger("五六")).toBeNull();
    expect(parseChineseInteger("两三")).toBeNull();
  });

  it("reads Arabic and full-width digits", () => {
    expect(parseNumeral("12")).toBe(12);
    expect(parseNumeral(normalizeText("１２"))).toBe(12);
    expect(parseNumeral("2.5")).toBe(2.5);
  });
});

describe("approximate quantities", () => {
  it.each([
    ["二十多", 20], ["30来", 30], ["近30", 30], ["约80", 80], ["三百余", 300], ["60多", 60],
  ])("%s records %i as approximate", (text, value) => {
    expect(parseQuantity(text)).toEqual({ value, approximate: true });
  });

  it("gives no value for ranges", () => {
    expect(parseQuantity("十五六").value).toBeNull();
    expect(parseQuantity("五六").value).toBeNull();
  });

  it.each([
    ["二十几", 20], ["三十几", 30], ["十几", 10], ["五十几", 50], ["60余", 60], ["六十余", 60],
  ])("几 / 余 after a round number: %s is %i, approximate", (text, value) => {
    expect(parseQuantity(text)).toEqual({ value, approximate: true });
  });

  it("几 after a number that is not round names no value", () => {
    expect(parseQuantity("十五几").value).toBeNull();
  });

  it("an exact figure is not approximate", () => {
    expect(parseQuantity("15")).toEqual({ value: 15, approximate: false });
  });

  it("lists the numbers written in a text", () => {
    expect(numbersInText("志愿者十二人，服务老人32位")).toEqual([12, 32]);
  });
});
