import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeError, parseArticle } from "../../../src/features/qa/article.js";
import { loadKnowledge } from "../../../src/features/qa/knowledge.js";
import { splitStatute } from "../../../src/features/qa/statutes.js";
import { fixtureArticles, park, temporaryFolder, writeArticles } from "./helpers.js";

const placeholders = { "park.name": "测试园", "park.phone": "0451-00000000", "park.hours": "工作日" };
const good = fixtureArticles["shetuan-conditions.md"]!;

function problem(text: string, name = "shetuan-conditions"): string {
  try {
    parseArticle(`knowledge/${name}.md`, name, text, placeholders);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error("expected a KnowledgeError");
}

describe("parseArticle", () => {
  it("reads sections with heading, body, 来源 and en lines", () => {
    const sections = parseArticle("a.md", "shetuan-conditions", good, placeholders);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatchObject({
      id: "shetuan-conditions#1",
      documentId: "shetuan-conditions",
      title: "成立社团的条件",
      heading: "成立社团最少要多少会员？",
      cite: "《社会团体登记管理条例》第十条第一项",
      caution: false,
      kind: "article",
    });
    expect(sections[0]!.body).not.toContain("来源");
    expect(sections[0]!.english).toMatch(/^An association needs/);
  });

  it("keeps 问： lines as the section's similar questions, out of the answer body", () => {
    const text = good.replace("en: An association needs", "问：我们拉了40个人能登记协会吗\n问: How many members do we need?\nen: An association needs");
    const [members, funds] = parseArticle("a.md", "shetuan-conditions", text, placeholders);
    expect(members!.questions).toEqual(["我们拉了40个人能登记协会吗", "How many members do we need?"]);
    expect(members!.body).toBe("个人会员50个以上，或者单位会员30个以上；混合组成的总数不少于50个。");
    expect(members!.english).toMatch(/^An association needs/);
    expect(funds!.questions).toEqual([]);
    expect(problem(text.replace("问：我们拉了40个人能登记协会吗", "问："))).toMatch(/section "成立社团最少要多少会员？" has an empty 问： line/);
  });

  it("uses the article's sources when a section has no 来源 line", () => {
    const text = good.replace("来源：《社会团体登记管理条例》第十条第五项\n", "");
    expect(parseArticle("a.md", "shetuan-conditions", text, placeholders)[1]!.cite).toBe("《社会团体登记管理条例》第十条");
  });

  it("fills {{park.*}} placeholders", () => {
    const sections = parseArticle("park.md", "park", fixtureArticles["park.md"]!, placeholders);
    expect(sections[0]!.body).toContain("0451-00000000");
    expect(sections[0]!.title).toBe("怎么联系测试园");
  });

  it("names the file and the problem for broken articles", () => {
    expect(problem("## 只有正文")).toMatch(/knowledge\/shetuan-conditions\.md: missing front matter/);
    expect(problem(good.replace("title: 成立社团的条件", "title: [未闭合"))).toMatch(/shetuan-conditions\.md: front matter is not valid YAML/);
    expect(problem(good.replace(/sources:\n  - law: 社会团体登记管理条例\n    article: 第十条\n/, ""))).toMatch(/front matter sources/);
    expect(problem(good.replace("caution: false", "caution: 也许"))).toMatch(/front matter caution/);
    expect(problem(good, "another-name")).toMatch(/id "shetuan-conditions" must equal the file name "another-name"/);
    expect(problem(good.replace("id: shetuan-conditions", "id: Shetuan_Conditions"), "Shetuan_Conditions")).toMatch(/kebab-case/);
    expect(problem(good.replace(/## [\s\S]*$/, "没有小标题"))).toMatch(/no sections/);
    expect(problem(good.replace("个人会员50个以上", "{{park.secret}}"))).toMatch(/unknown placeholder \{\{park\.secret\}\}/);
    expect(problem(good.replace(/## 区级协会要多少活动资金？\n[^\n]*\n/, "## 区级协会要多少活动资金？\n"))).toMatch(/section "区级协会要多少活动资金？" has no text/);
  });
});

describe("loadKnowledge", () => {
  const folders: Array<{ remove(): void }> = [];
  afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

  it("reads article folders recursively, skipping README files", () => {
    const folder = temporaryFolder();
    folders.push(folder);
    writeArticles(folder.path, { "README.md": "# 说明", "shetuan-conditions.md": good });
    mkdirSync(join(folder.path, "local"));
    writeArticles(join(folder.path, "local"), { "park.md": fixtureArticles["park.md"]! });
    const knowledge = loadKnowledge({ knowledgeDirs: [folder.path], statuteDirs: [], park });
    expect(knowledge.articles).toBe(2);
    expect(knowledge.sections.map((section) => section.documentId)).toEqual(["park", "shetuan-conditions", "shetuan-conditions"]);
  });

  it("rejects two articles with one id and missing folders", () => {
    const folder = temporaryFolder();
    folders.push(folder);
    mkdirSync(join(folder.path, "copy"));
    writeArticles(folder.path, { "shetuan-conditions.md": good });
    writeArticles(join(folder.path, "copy"), { "shetuan-conditions.md": good });
    expect(() => loadKnowledge({ knowledgeDirs: [folder.path], statuteDirs: [], park })).toThrow(/also used by/);
    expect(() => loadKnowledge({ knowledgeDirs: [join(folder.path, "absent")], statuteDirs: [], park })).toThrow(/folder not found/);
  });

  it("loads the project's own knowledge base without errors", () => {
    const knowledge = loadKnowledge({ knowledgeDirs: ["config/knowledge"], statuteDirs: [], park });
    expect(knowledge.articles).toBeGreaterThan(0);
    for (const section of knowledge.sections) {
      expect(section.body.length).toBeLessThanOrEqual(400);
      expect(section.body).not.toMatch(/问[:：]/);
    }
  });
});

describe("splitStatute", () => {
  const statute = `# 中华人民共和国测试法

2020年1月1日 通过

<!-- INFO END -->

## 第一章 总则

第一条 为了测试，制定本法。

第二条 成立社团，应当具备下列条件：

(一)有50个以上的个人会员；

(二)有固定的住所。

## 第二章 附则

第十条 本法自公布之日起施行。
`;

  it("splits 第X条 passages and cites them as 《name》第X条", () => {
    const passages = splitStatute("测试法.md", statute);
    expect(passages.map((passage) => passage.cite)).toEqual(["《测试法》第一条", "《测试法》第二条", "《测试法》第十条"]);
    expect(passages[1]!.body).toBe("成立社团，应当具备下列条件：(一)有50个以上的个人会员；(二)有固定的住所。");
    expect(passages[1]).toMatchObject({ kind: "statute", id: "statute:测试法#第二条", documentId: "statute:测试法" });
  });

  it("names the file when it has no title or no passages", () => {
    expect(() => splitStatute("无题.md", "第一条 内容")).toThrow(/无题\.md: no '# title'/);
    expect(() => splitStatute("空.md", "# 空法\n\n没有条文")).toThrow(/空\.md: no 第X条 passages/);
  });

  const corpus = "../shared/corpus/statutes";
  it.skipIf(!existsSync(corpus))("splits the official texts in ../shared/corpus/statutes", () => {
    const knowledge = loadKnowledge({ knowledgeDirs: [], statuteDirs: [corpus], park });
    expect(knowledge.passages).toBeGreaterThan(400);
    const clause = knowledge.sections.find((section) => section.cite === "《社会团体登记管理条例》第十条");
    expect(clause?.body).toContain("50个以上的个人会员");
  });

  it("writes nothing into the statute folder", () => {
    const folder = temporaryFolder();
    folders.push(folder);
    writeFileSync(join(folder.path, "测试法.md"), statute);
    expect(loadKnowledge({ knowledgeDirs: [], statuteDirs: [folder.path], park }).passages).toBe(3);
  });

  const folders: Array<{ remove(): void }> = [];
  afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));
});
