/**
 * Builds config/qa/homophones.json, what the homophone corrector (src/features/qa/homophones.ts)
 * reads: the pinyin readings (tones ignored) of the 3,755 most common characters, which typing
 * offers first, and the knowledge base's terms of three characters or more (aliases its articles
 * use) with their readings. Run after changing aliases:
 *
 *   npx tsx scripts/homophones.ts
 */
import { writeFileSync } from "node:fs";
import { pinyin } from "pinyin-pro";
import { homophoneTerms } from "../src/features/qa/homophones.js";
import { loadKnowledge } from "../src/features/qa/knowledge.js";

const output = process.argv[2] ?? "config/qa/homophones.json";
// Every detail set (to a figure, which makes no term), so no section is left awaiting one.
const park = { name: "园区", phone: "0", address: "0", hours: "0" };
const { sections } = loadKnowledge({ knowledgeDirs: ["config/knowledge"], statuteDirs: [], park });

// The 3,755 most common characters (GB2312 level 1): typing offers these first.
const decoder = new TextDecoder("gbk");
const common: string[] = [];
for (let high = 0xb0; high <= 0xd7; high++) {
  for (let low = 0xa1; low <= 0xfe; low++) {
    const character = decoder.decode(new Uint8Array([high, low]));
    if (/^[\u4e00-\u9fff]$/.test(character)) common.push(character);
  }
}
const readings = (character: string) => pinyin(character, { toneType: "none", multiple: true, type: "array" });
const terms = homophoneTerms(sections);

// Each common character's readings; each term's reading in context (会 in 基金会 is hui, not kuai).
const table = {
  readings: Object.fromEntries(common.map((character) => [character, readings(character).slice(0, 3).join(" ")])),
  terms: terms.map((term) => [term, pinyin(term, { toneType: "none", type: "array" }).join(" ")]),
};
writeFileSync(output, `${JSON.stringify(table)}\n`);
console.log(`${common.length} characters, ${terms.length} terms → ${output}`);
