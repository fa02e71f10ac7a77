/**
 * How well similar questions (问： lines) generalise: five times, a fifth of every section's
 * similar questions is set aside, the rest indexed, and the set-aside ones searched. Prints the
 * share found first with and without the other similar questions indexed. Use it to weigh
 * changes to how questions are indexed, instead of the evaluation sets.
 *
 *   npx tsx scripts/similar-questions.ts [knowledge folder]
 */
import { loadKnowledge } from "../src/features/qa/knowledge.js";
import { KnowledgeIndex } from "../src/features/qa/search.js";

const folder = process.argv[2] ?? "config/knowledge";
const { sections } = loadKnowledge({ knowledgeDirs: [folder], statuteDirs: [], park: { name: "园区", phone: "电话", address: "地址", hours: "时间" } });
const folds = 5;
const bare = new KnowledgeIndex(sections.map((section) => ({ ...section, questions: [] })));
let asked = 0;
let found = 0;
let foundBare = 0;
for (let fold = 0; fold < folds; fold++) {
  const kept = (position: number) => position % folds !== fold;
  const index = new KnowledgeIndex(sections.map((section) => ({ ...section, questions: (section.questions ?? []).filter((_, position) => kept(position)) })));
  for (const section of sections) {
    (section.questions ?? []).forEach((question, position) => {
      if (kept(position)) return;
      asked++;
      if (index.search(question, { limit: 1 })[0]?.section.id === section.id) found++;
      if (bare.search(question, { limit: 1 })[0]?.section.id === section.id) foundBare++;
    });
  }
}
const share = (part: number) => `${((100 * part) / asked).toFixed(1)}%`;
console.log(`${asked} similar questions in ${sections.length} sections, each searched with its own fold set aside:`);
console.log(`  found first, other similar questions indexed: ${share(found)}`);
console.log(`  found first, no similar questions indexed:    ${share(foundBare)}`);
