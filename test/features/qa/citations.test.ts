import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { citedClauses, missingClause, type StatuteIndex } from "../../../src/features/qa/citations.js";
import { loadKnowledge } from "../../../src/features/qa/knowledge.js";
import { park } from "./helpers.js";

// Built from ../shared/corpus/statutes by scripts/statute-index.ts: article numbers and item counts only.
const index = JSON.parse(readFileSync("test/fixtures/qa/statute-index.json", "utf8")) as StatuteIndex;
const folder = "config/knowledge";

/** The `sources:` of every article, each as one citation (《law》article). */
function frontMatterCitations(): Array<{ where: string; cite: string }> {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .flatMap((name) => {
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(folder, name), "utf8"))![1]!) as { sources: Array<{ law: string; article?: string }> };
      return front.sources.map((source) => ({ where: `${name} sources`, cite: `《${source.law}》${source.article ?? ""}` }));
    });
}

describe("citedClauses", () => {
  it("reads law, article, paragraph and item, several clauses and ranges", () => {
    expect(citedClauses("《社会团体登记管理条例》第十条第一项")).toEqual([{ law: "社会团体登记管理条例", article: "第十条", item: 1, paragraph: undefined, years: [] }]);
    expect(citedClauses("《慈善法》第一百一十三条、第一百一十一条；《中华人民共和国民法典》第八十七条").map((clause) => `${clause.law}${clause.article}`)).toEqual([
      "慈善法第一百一十三条",
      "慈善法第一百一十一条",
      "民法典第八十七条",
    ]);
    expect(citedClauses("《基金会管理条例》第二十条至第二十三条").map((clause) => clause.article)).toEqual(["第二十条", "第二十三条"]);
    expect(citedClauses("《社会团体登记管理条例》第二十七条第二款")[0]).toMatchObject({ paragraph: 2 });
  });

  it("notes the version a citation names and skips document numbers", () => {
    expect(citedClauses("《慈善法》2016年文本第一百一十二条（2023年修正文本第一百二十五条）").map((clause) => clause.years)).toEqual([[2016], [2023]]);
    expect(citedClauses("《社会组织名称管理办法》（民政部令第69号）第八条").map((clause) => clause.article)).toEqual(["第八条"]);
    expect(citedClauses("民政部令第68号第三条、第六条")).toEqual([]);
  });
});

describe("missingClause", () => {
  it("finds wrong article, paragraph and item numbers of a law the index holds", () => {
    const check = (cite: string) => citedClauses(cite).map((clause) => missingClause(clause, index));
    expect(check("《社会团体登记管理条例》第十条第一项")).toEqual([undefined]);
    expect(check("《社会团体登记管理条例》第十条第七项")).toEqual(["《社会团体登记管理条例》第十条 paragraph 1 has 6 item(s), not item 7"]);
    expect(check("《基金会管理条例》第三十七条第三款")).toEqual(["《基金会管理条例》第三十七条 has 2 paragraph(s), not paragraph 3"]);
    expect(check("《志愿服务条例》第九十条")).toEqual(["《志愿服务条例》第九十条 does not exist"]);
  });

  it("leaves laws and versions the index does not hold unchecked", () => {
    const check = (cite: string) => citedClauses(cite).map((clause) => missingClause(clause, index));
    expect(check("《行政处罚法》第九百条")).toEqual([undefined]);
    expect(check("《慈善法》2016年文本第一百三十条")).toEqual([undefined]);
  });
});

describe("the knowledge base's citations", () => {
  const sections = loadKnowledge({ knowledgeDirs: [folder], statuteDirs: [], park }).sections;
  const citations = [...sections.map((section) => ({ where: `${section.id} ${section.heading}`, cite: section.cite })), ...frontMatterCitations()];

  it("names only clauses that exist in the statute texts, for laws the corpus holds (other laws and versions skipped by design)", () => {
    const problems = citations.flatMap(({ where, cite }) => citedClauses(cite).map((clause) => missingClause(clause, index)).filter(Boolean).map((problem) => `${where}: ${problem}`));
    expect(problems).toEqual([]);
    const checked = citations.flatMap(({ cite }) => citedClauses(cite)).filter((clause) => index.laws[clause.law]);
    expect(checked.length).toBeGreaterThan(150);
  });
});
