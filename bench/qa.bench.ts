import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSchema } from "../src/config/schema.js";
import { loadTexts } from "../src/core/i18n.js";
import { projectPath } from "../src/core/paths.js";
import { loadKnowledge } from "../src/features/qa/knowledge.js";
import { QaService } from "../src/features/qa/service.js";

const statutes = projectPath("../shared/corpus/statutes");
/** Both development sets: the second has the long scenario, two-part and English questions. */
const questions = ["qa_dev.jsonl", "qa_dev2.jsonl"]
  .map((name) => projectPath(`../shared/eval/${name}`))
  .filter((file) => existsSync(file))
  .flatMap((file) => readFileSync(file, "utf8").split("\n"))
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question);

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

async function measure(label: string, statuteDirs: string[]) {
  const config = configSchema.parse({ qa: { knowledgeDirs: [projectPath("config/knowledge")], statuteDirs } });
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  const service = new QaService({ config, texts: loadTexts(projectPath("config/locales")) });
  const loadMs = performance.now() - loadStarted;
  const counts = await service.reload();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  for (const question of questions) await service.answerer.answer(question);
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const question of questions) {
      const started = performance.now();
      await service.answerer.answer(question);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  return [
    { name: `${label}: sections + statute passages indexed`, value: indexed(config), unit: "", note: `${counts.articles} articles, ${counts.passages} statute passages` },
    { name: `${label}: index build`, value: loadMs, unit: "ms" },
    { name: `${label}: answer latency p50`, value: percentile(samples, 0.5), unit: "ms", note: `${samples.length} answers` },
    { name: `${label}: answer latency p99`, value: percentile(samples, 0.99), unit: "ms" },
    { name: `${label}: heap growth after loading`, value: heapMiB, unit: "MiB" },
  ];
}

function indexed(config: ReturnType<typeof configSchema.parse>): number {
  return loadKnowledge({ knowledgeDirs: config.qa.knowledgeDirs, statuteDirs: config.qa.statuteDirs, park: config.park }).sections.length;
}

/** p50/p99 answer latency without an LLM: shipped knowledge base, then with ten times the passages. */
export async function run() {
  const shipped = await measure("shipped knowledge base", []);
  const folder = mkdtempSync(join(tmpdir(), "incubot-bench-statutes-"));
  try {
    const files = readdirSync(statutes).filter((file) => file.endsWith(".md") && file !== "README.md");
    for (let copy = 0; copy < 4; copy++) for (const file of files) copyFileSync(join(statutes, file), join(folder, `${copy}-${file}`));
    const larger = await measure("with statutes ×4 copies", [folder]);
    return [...shipped, ...larger, { name: "resident memory at the end", value: process.memoryUsage().rss / 2 ** 20, unit: "MiB" }];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
