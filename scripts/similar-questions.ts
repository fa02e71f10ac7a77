/**
 * How well similar questions (问： lines) generalise: five times, a fifth of every section's
 * similar questions is set aside, the rest indexed, and the set-aside ones searched. Prints the
 * share found first (or a section that says the same, as the answerer judges it: 民非 branches
 * are answered in two articles) with and without the other similar questions indexed. Use it to weigh
 * changes to how questions are indexed, instead of the evaluation sets.
 *
 *   npx tsx scripts/similar-questions.ts [knowledge folder]
 */
import { similar } from "../src/features/qa/answerer.js";
import type { Section } from "../src/features/qa/article.js";
import { loadKnowledge } from "../src/features/qa/knowledge.js";
import { KnowledgeIndex } from "../src/features/qa/search.js";

const folder = process.argv[2] ?? "config/knowledge";
const { sections } = loadKnowledge({ knowledgeDirs: [folder], statuteDirs: [], park: { name: "园区", phone: "电话", address: "地址", hours: "时间" } });
const folds = 5;
const bare = new KnowledgeIndex(sections.map((section) => ({ ...section, questions: [] })));
let asked = 0;
let found = 0;
let foundBare = 0;
const hit = (index: KnowledgeIndex, question: string, section: Section) => {
  const top = index.search(question, { limit: 1 })[0]?.section;
  return top !== undefined && (top.id === section.id || similar(top, section));
};
for (let fold = 0; fold < folds; fold++) {
  const kept = (position: number) => position % folds !== fold;
  const index = new KnowledgeIndex(sections.map((section) => ({ ...section, questions: (section.questions ?? []).filter((_, position) => kept(position)) })));
  for (const section of sections) {
    (section.questions ?? []).forEach((question, position) => {
      if (kept(position)) return;
      asked++;
      if (hit(index, question, section)) found++;
      if (hit(bare, question, section)) foundBare++;
    });
  }
}
const share = (part: number) => `${((100 * part) / asked).toFixed(1)}%`;
console.log(`${asked} similar questions in ${sections.length} sections, each searched with its own fold set aside:`);
console.log(`  its section (or one saying the same) found first, other similar questions indexed: ${share(found)}`);
console.log(`  its section (or one saying the same) found first, no similar questions indexed:    ${share(foundBare)}`);
