/**
 * Traditional characters (社區、誌願者、參加) become simplified before any rule reads the text,
 * so one set of patterns serves both scripts and reports are stored in simplified characters
 * (REPORTS.md). Taiwan and Hong Kong variants are both folded; simplified text passes unchanged.
 */
import * as OpenCC from "opencc-js/t2cn";

// The converters are pure tables built once; building them per message would cost milliseconds.
const fromTaiwan = OpenCC.Converter({ from: "tw", to: "cn" });
const fromHongKong = OpenCC.Converter({ from: "hk", to: "cn" });

export function toSimplified(text: string): string {
  // Plain ASCII (English reports, numbers) has nothing to convert.
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return fromHongKong(fromTaiwan(text));
}
