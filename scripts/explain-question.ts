// Why a question got the answer it did: per part, its focus words and the top sections with score, coverage and whether each explains the focus.
// npx tsx scripts/explain-question.ts FILE.jsonl [ID…]
import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config/load.js";
import { loadTexts } from "../src/core/i18n.js";
import { projectPath } from "../src/core/paths.js";
import { QaService } from "../src/features/qa/service.js";
import { focusPhrases } from "../src/features/qa/focus.js";
import { splitQuestion, stripPreamble } from "../src/features/qa/parts.js";
const config = loadConfig({ env: {} });
const texts = loadTexts(projectPath("config/locales"));
const service = new QaService({ config, texts });
const index = (service as any).index;
const ids = process.argv.slice(3);
const minScore = config.qa.minScore * index.scoreScale;
console.log("minScore", minScore.toFixed(2), "minCoverage", config.qa.minCoverage);
for (const line of readFileSync(process.argv[2]!, "utf8").split("\n").filter(Boolean)) {
  const item = JSON.parse(line);
  if (ids.length && !ids.includes(item.id)) continue;
  const q = stripPreamble(item.question);
  const intent = (service as any).answerer.options.intent?.classify(q);
  console.log(`\n${item.id} ${q}  [${item.must_include}] exp ${item.topic} intent=${intent?.label}:${intent?.probability.toFixed(2)}`);
  for (const part of splitQuestion(q)) {
    const focus = focusPhrases(part);
    console.log(`  part: ${part}  focus=${JSON.stringify(focus)}`);
    for (const hit of index.search(part, { limit: 5 })) {
      console.log(`    ${hit.score.toFixed(2)} cov=${hit.coverage.toFixed(2)} expl=${index.explains(part, hit.section, focus)} ${hit.section.id} | ${hit.section.heading.slice(0, 40)}`);
    }
  }
}
