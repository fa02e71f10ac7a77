/**
 * Builds test/fixtures/qa/statute-index.json from a folder of official statute texts (Markdown as
 * in ../shared/corpus/statutes): for each law, its version year and, per 第X条, the number of
 * items in each paragraph. Facts about the texts, not their sentences, so the fixture can be
 * committed and the citation test runs from a clone of the repository alone.
 *
 *   npx tsx scripts/statute-index.ts [statute folder] [output file]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lawName, type StatuteIndex } from "../src/features/qa/citations.js";

const folder = process.argv[2] ?? "../shared/corpus/statutes";
const output = process.argv[3] ?? "test/fixtures/qa/statute-index.json";
const articleStart = /^(第[零〇一二两三四五六七八九十百千]+条)(?:之[一二三四五六七八九十]+)?[\s\u3000]/;
const itemStart = /^[（(][一二三四五六七八九十]+[)）]/;

const index: StatuteIndex = { laws: {} };
for (const file of readdirSync(folder).filter((name) => name.endsWith(".md") && !/^readme\.md$/i.test(name)).sort()) {
  const lines = readFileSync(join(folder, file), "utf8").split(/\r?\n/).map((line) => line.trim());
  const title = lines.find((line) => /^#\s+\S/.test(line));
  if (!title) continue;
  const year = /\((\d{4})-\d{2}-\d{2}\)/.exec(file)?.[1];
  const articles: Record<string, number[]> = {};
  let current: number[] | undefined;
  for (const line of lines) {
    if (!line || line.startsWith("<!--")) continue;
    if (line.startsWith("#")) {
      current = undefined;
      continue;
    }
    const start = articleStart.exec(line);
    if (start) articles[start[1]!] = current = [0];
    else if (current && itemStart.test(line)) current[current.length - 1]!++;
    else if (current) current.push(0);
  }
  index.laws[lawName(title.replace(/^#\s+/, ""))] = { ...(year ? { year: Number(year) } : {}), articles };
}
writeFileSync(output, `${JSON.stringify(index)}\n`);
console.log(`${output}: ${Object.entries(index.laws).map(([law, { articles }]) => `${law} ${Object.keys(articles).length}`).join(", ")}`);
