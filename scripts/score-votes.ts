// Scores the verdict on meetings told in figures: the answer's first line must start with the
// verdict the set's `outcome` names (passed / failed / no_quorum / quorum_ok).
// npx tsx scripts/score-votes.ts test/fixtures/qa/votes-holdout.jsonl [--show]
import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config/load.js";
import { loadTexts } from "../src/core/i18n.js";
import { projectPath } from "../src/core/paths.js";
import { QaService } from "../src/features/qa/service.js";

const openings: Record<string, string[]> = {
  passed: ["算通过", "Passed"],
  failed: ["没通过", "Not passed"],
  no_quorum: ["会开不成", "The meeting could not sit"],
  quorum_ok: ["人数够", "Enough came"],
};
const [file, flag] = process.argv.slice(2);
const service = new QaService({ config: loadConfig({ env: {} }), texts: loadTexts(projectPath("config/locales")) });
await service.reload();
let right = 0;
let total = 0;
for (const line of readFileSync(file!, "utf8").split("\n").filter(Boolean)) {
  const item = JSON.parse(line) as { id: string; question: string; outcome: string };
  const first = (await service.answerer.answer(item.question)).text.split("\n")[0]!.replace(/^1\. /, "");
  const ok = (openings[item.outcome] ?? []).some((opening) => first.startsWith(opening));
  total++;
  if (ok) right++;
  else if (flag === "--show") console.log(item.id, item.outcome, "|", first.slice(0, 60));
}
console.log(`${file}: verdict right ${right}/${total}`);
