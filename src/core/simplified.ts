/**
 * Traditional characters (社區、誌願者、參加) become simplified before any rule reads the text,
 * so one set of patterns serves both scripts and reports are stored in simplified characters
 * (REPORTS.md). Taiwan and Hong Kong variants are both folded; simplified text passes unchanged.
 * The dispatcher applies it to every incoming message, so commands (報個活動), questions and
 * reports typed on a Hong Kong or Taiwan keyboard are read like any other.
 */
import { createRequire } from "node:module";
import type * as OpenCCModule from "opencc-js/t2cn";

type Convert = (text: string) => string;

// The converters are pure tables, built once on first use (about 0.2 s): processes that never
// read a report, and start-up, do not pay for them, nor for loading the library (about 30 ms).
let converters: { fromTaiwan: Convert; fromHongKong: Convert } | undefined;

export function toSimplified(text: string): string {
  // Plain ASCII (English reports, numbers) has nothing to convert.
  if (!/[^\x00-\x7f]/.test(text)) return text;
  converters ??= buildConverters();
  return converters.fromHongKong(converters.fromTaiwan(text));
}

function buildConverters(): { fromTaiwan: Convert; fromHongKong: Convert } {
  const OpenCC = createRequire(import.meta.url)("opencc-js/t2cn") as typeof OpenCCModule;
  return { fromTaiwan: OpenCC.Converter({ from: "tw", to: "cn" }), fromHongKong: OpenCC.Converter({ from: "hk", to: "cn" }) };
}
