/**
 * Text normalisation shared by every rule. Volunteers type on phones: full-width digits and
 * punctuation, circled list numbers, emoji and a few very common IME slips. Rules are written
 * against the normalised form (ASCII digits and ASCII , : ; ? ! - ~ ( )).
 */

import { rewriteEnglish } from "./english.js";
import { toSimplified } from "../../../core/simplified.js";

const PHOTO_MARK = /\[(?:图片|照片|photo|image)\]/gi;

/** Number of attached photos, written as [图片] by the chat adapters. */
export function countPhotos(text: string): number {
  return (text.match(PHOTO_MARK) ?? []).length;
}

export function removePhotoMarks(text: string): string {
  return text.replace(PHOTO_MARK, " ");
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/**
 * Frequent pinyin-IME slips: each pair differs by one syllable choice and the wrong form is not
 * a word a volunteer would mean in a report. Kept short on purpose: a slip not listed here
 * simply leaves a field unknown, and the dialog asks for it.
 */
const TYPOS: ReadonlyArray<readonly [RegExp, string]> = [
  [/宕员/g, "党员"],
  [/自愿者/g, "志愿者"],
  [/志原者/g, "志愿者"],
  [/上五(?=\s*\d|\s*[一二两三四五六七八九十]+点)/g, "上午"],
  [/下五(?=\s*\d|\s*[一二两三四五六七八九十]+点)/g, "下午"],
  [/(点半?)\s*道\s*(?=\d|[一二两三四五六七八九十]+点)/g, "$1到"],
  [/活动事/g, "活动室"],
  [/敬老园/g, "敬老院"],
  // Speech recognition hears 队 as 对 and 救护 as 就护 (voice messages typed by the phone).
  [/(志愿|服务|救援|巡逻|环保|救护|应急|义工|先锋)对(?![象于接话方])/g, "$1队"],
  [/就护/g, "救护"],
  [/急就(?!是)/g, "急救"],
];

/** NFKC folding plus list markers and typo repair; keeps line breaks (they separate items). */
export function normalizeText(raw: string): string {
  let text = toSimplified(removePhotoMarks(raw));
  // Circled numbers become "(n)" list markers before NFKC would turn them into bare digits.
  text = text.replace(/[①②③④⑤⑥⑦⑧⑨⑩]/g, (mark) => `\n(${CIRCLED.indexOf(mark) + 1})`);
  text = text.normalize("NFKC");
  text = text.replace(/[–—－〜～]/g, (dash) => (dash === "〜" || dash === "～" ? "~" : "-"));
  text = text.replace(/[“”"「」『』]/g, "");
  text = text.replace(/\u3000|\u00a0|\u2005/g, " ");
  for (const [pattern, replacement] of TYPOS) text = text.replace(pattern, replacement);
  text = rewriteEnglish(text);
  // 2-4pm: the am/pm said once belongs to both ends.
  text = text.replace(/(?<![\d:])(\d{1,2})\s*-\s*(\d{1,2})\s*(am|pm)\b/gi, "$1$3-$2$3");
  // 8.30-11.30 uses dots for clock times; quarter-hour minutes tell it from a date range (6.20-6.25).
  text = text.replace(
    /(?<![\d.])(\d{1,2})\.(00|15|30|45)\s*([-~到至])\s*(\d{1,2})\.(00|15|30|45)(?![\d.])/g,
    "$1:$2$3$4:$5",
  );
  return text;
}

/**
 * Voice-to-text fillers (那个、然后、就是、嗯) are never a value: 就新牧社区那个阳光敬老院啊 names
 * 新牧社区阳光敬老院. Discourse markers become clause breaks (run-ons have no punctuation);
 * determiners inside a phrase disappear. Applied to whole reports, not to short answers.
 */
export function dropFillers(text: string): string {
  return text
    .replace(/(?:^|(?<=[\s,，。]))(?:(?:嗯+|呃+|额|喂|哎呀|哎|那个|就是说|我跟你说啊?|我说一下啊?|然后呢|然后|就是)[\s,，]*)+(?=[\u4e00-\u9fa5\d])/g, ",")
    .replace(/(?<=[\u4e00-\u9fa5\d])(?:然后呢|然后|嗯+|呃+)(?=[\u4e00-\u9fa5\d\s])/g, ",")
    .replace(/(?:然后呢|然后|就是)(?=[\u4e00-\u9fa5\d])/g, "")
    .replace(/(?<=[\u4e00-\u9fa5])(?:那个|这个)(?=[\u4e00-\u9fa5])/g, "")
    .replace(/(?<=[\u4e00-\u9fa5])(?:啊|嘛|呀|呢)(?=[\s,，。]|[\u4e00-\u9fa5\d])/g, ",")
    .replace(/,(?:\s*,)+/g, ",");
}

/** Emoji and pictographs carry no field value; they only break word patterns. */
export function stripEmoji(text: string): string {
  return text.replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu, " ");
}

/** Clause boundaries: punctuation and line breaks. */
export const CLAUSE_BREAK = /[,，。;；!！?？\n]/;

export function splitClauses(text: string): string[] {
  return text
    .split(/[,，。;；!！?？\n]+/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** Comparable form for names and places: no spaces, punctuation or case. */
export function compactForMatch(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");
}
