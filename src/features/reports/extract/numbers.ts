/**
 * Chinese and Arabic numerals as volunteers write them: 十五, 两, 仨, 俩, full-width digits
 * (already folded by normalizeText), and the approximate forms of REPORTS.md.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  仨: 3, 俩: 2,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Character class of one numeral (Arabic or Chinese) for building patterns. */
export const NUMERAL = "(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千仨俩]+)";

/** A count with its approximate prefix or suffix: 约80, 近30, 二十多, 30来, 三百余, 十五六. */
export const QUANTITY = `(?:约|大约|大概|近|将近|差不多)?${NUMERAL}(?:多|来|余|几)?`;

/** Value of a Chinese numeral string (一百零五, 十五, 二十), or null when it is not one number. */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  if (isDigitRun(text)) return null;
  let total = 0;
  let pending = 0;
  let sawAny = false;
  for (const char of text) {
    if (char in DIGITS) {
      pending = DIGITS[char]!;
      sawAny = true;
    } else if (char in UNITS) {
      total += (pending === 0 && !sawAnyDigitBefore(text, char) ? 1 : pending) * UNITS[char]!;
      pending = 0;
      sawAny = true;
    } else {
      return null;
    }
  }
  return sawAny ? total + pending : null;
}

// 十五 starts with a unit: its implicit multiplier is 1. Only a leading unit has that meaning.
function sawAnyDigitBefore(text: string, unit: string): boolean {
  return text.indexOf(unit) > 0;
}

/** Two neighbouring digit characters (五六, 十五六, 三四十) make a range, not one number. */
function isDigitRun(text: string): boolean {
  return /[一二两三四五六七八九仨俩]{2}/.test(text);
}

/** Value of one numeral token, Arabic or Chinese; null for ranges and non-numbers. */
export function parseNumeral(token: string): number | null {
  const trimmed = token.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parseChineseInteger(trimmed);
}

export interface Quantity {
  /** null when the text gives a range or an unknown amount (五六个, 十五六) */
  value: number | null;
  approximate: boolean;
}

/** Reads a QUANTITY match: 约80 → 80 approximate, 二十几 → 20 approximate, 十五六 → unknown. */
export function parseQuantity(token: string): Quantity {
  const match = /^(约|大约|大概|近|将近|差不多)?(.+?)(多|来|余|几)?$/.exec(token.trim());
  if (!match) return { value: null, approximate: false };
  const [, prefix, numeral, suffix] = match;
  const approximate = Boolean(prefix) || Boolean(suffix);
  const value = parseNumeral(numeral!);
  // 二十几, 三十几, 十几 (X-odd) read like 二十多; 五几 / 十五几 name no round base: unknown.
  if (suffix === "几") return { value: value !== null && value % 10 === 0 && value > 0 ? value : null, approximate: true };
  return { value, approximate };
}

/** Every number written in a text, as values (used to check numbers an LLM proposes). */
export function numbersInText(text: string): number[] {
  const values: number[] = [];
  for (const match of text.matchAll(new RegExp(NUMERAL, "g"))) {
    const value = parseNumeral(match[0]);
    if (value !== null) values.push(value);
  }
  return values;
}
