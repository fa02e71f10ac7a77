import { Converter } from "opencc-js/t2cn";

type Convert = (text: string) => string;

/**
 * Built on first use and kept for the process: loading the dictionaries takes a few hundred
 * milliseconds, and the converter holds no state of its own (a cache, not a service).
 */
let convert: Convert | undefined;

/** Characters that only occur in traditional writing (a cheap test before converting). */
const traditional = /[會區團協記請麼機構證資與贈財務審計從幾個誰這裡嗎還們別開關費標條為報員選舉屆長齡歲過負責變銷稅規劃網絡臺灣體務處罰應當選擇門問題辦項論時間該給單書動態點實際說話東發現經營備案慈愛護衛錢數]/;

/**
 * Traditional characters to simplified (社區社會組織怎麼備案 → 社区社会组织怎么备案), for
 * questions typed on a Hong Kong or Taiwan keyboard. Text without a traditional-only character
 * is returned as it is, so the usual question costs nothing.
 */
export function toSimplified(text: string): string {
  if (!traditional.test(text)) return text;
  convert ??= Converter({ from: "hk", to: "cn" }) as Convert;
  return convert(text);
}
