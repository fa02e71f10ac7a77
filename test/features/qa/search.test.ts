import { describe, expect, it } from "vitest";
import type { Section } from "../../../src/features/qa/article.js";
import { KnowledgeIndex } from "../../../src/features/qa/search.js";

function section(id: string, heading: string, body: string, extra: Partial<Section> = {}): Section {
  return { id, documentId: id.split("#")[0]!, title: "标题", heading, body, cite: "《条例》第一条", caution: false, kind: "article", aliases: [], ...extra };
}

const sections = [
  section("shetuan#1", "成立社团最少要多少会员？", "个人会员50个以上，或者单位会员30个以上。", { english: "An association needs at least 50 individual members.", aliases: ["协会", "社团"] }),
  section("shetuan#2", "区级协会要多少活动资金？", "地方性社团活动资金3万元以上。", { english: "A local association needs activity funds of 30,000 yuan.", aliases: ["协会", "社团"] }),
  section("minfei#1", "民非能设分支机构吗？", "民办非企业单位不得设立分支机构。", { aliases: ["民非"] }),
  section("inspection#1", "年检材料什么时候交？", "每年3月31日前报送业务主管单位，5月31日前报送登记机关。", { english: "Submit by 31 March and 31 May." }),
  section("legal#1", "一个人能当两个社团的法定代表人吗？", "社团的法定代表人不得同时担任其他社团的法定代表人。"),
  section("credit#1", "什么情况会被列入活动异常名录？", "未按规定报送年度工作报告的，列入活动异常名录。"),
  section("audit#1", "换届前要审计吗？", "社团换届或者更换法定代表人之前，应当进行财务审计。"),
  section("fees#1", "会费标准谁来定？", "会费标准由会员大会表决通过。"),
];

const index = new KnowledgeIndex(sections);
const top = (question: string) => index.search(question, { limit: 3 })[0]?.section.id;

describe("KnowledgeIndex", () => {
  it("ranks the section whose heading matches first (BM25, heading weighted)", () => {
    expect(top("成立社团最少要多少会员")).toBe("shetuan#1");
    expect(top("活动资金要多少")).toBe("shetuan#2");
  });

  it("expands abbreviations and synonyms (社会服务机构 → 民非, 分会 → 分支机构, 法人 → 法定代表人)", () => {
    expect(top("社会服务机构可以开分会吗")).toBe("minfei#1");
    expect(top("我是协会的法人，能再兼一个吗")).toBe("legal#1");
  });

  it("treats 年报 / 年度检查 as 年检", () => {
    expect(top("年度检查的材料几号前交")).toBe("inspection#1");
  });

  it("finds the right section despite typos (登计, 明录, 审记)", () => {
    expect(top("什么情况会进异常明录")).toBe("credit#1");
    expect(top("换届之前要做审记吗")).toBe("audit#1");
  });

  it("matches English questions through en: lines and the English→Chinese table", () => {
    expect(top("What activity funds does a local association need?")).toBe("shetuan#2");
    expect(top("When is the annual inspection deadline?")).toBe("inspection#1");
  });

  it("reports how much of the question a hit covers", () => {
    const [good] = index.search("会费标准谁来定");
    expect(good!.coverage).toBeGreaterThan(0.6);
    const [poor] = index.search("推荐下平房区好吃的锅包肉馆子");
    expect(poor?.coverage ?? 0).toBeLessThan(0.3);
  });

  it("covers nothing of a question made of words it has never seen (fuzzy guesses aside)", () => {
    for (const hit of index.search("比特币行情")) expect(hit.coverage).toBe(0);
  });

  it("scales score thresholds with the size of the knowledge base", () => {
    expect(index.scoreScale).toBeLessThan(1);
    expect(new KnowledgeIndex(Array.from({ length: 700 }, (_, n) => section(`s#${n}`, "标题", "内容"))).scoreScale).toBeCloseTo(1);
  });
});

describe("the kind of thing a question asks for", () => {
  const conditions = section("minfei#2", "办个民非需要满足什么条件？", "办民非要经业务主管单位审查同意，有规范的名称、从业人员、合法财产和必要的场所。");
  const materials = section("minfei#4", "民非登记的材料", "登记申请书、业务主管单位批准文件、场所使用权证明、验资报告、章程草案。");

  it("reads 哪些材料 and 条件有哪些, and skips words that name no kind (什么时候)", async () => {
    const { askedThings } = await import("../../../src/features/qa/search.js");
    expect(askedThings("办个民非需要哪些材料")).toEqual(["材料"]);
    expect(askedThings("成立社团的条件有哪些")).toEqual(["条件"]);
    expect(askedThings("年报什么时候交")).toEqual([]);
  });

  it("user: 办个民非需要哪些材料 → the materials section, not its neighbour on conditions", () => {
    expect(new KnowledgeIndex([conditions, materials]).search("办个民非需要哪些材料")[0]?.section.id).toBe("minfei#4");
  });
});

describe("a question asking where", () => {
  const park = [
    section("park#1", "创新园由哪家机构运营？", "创新园由一家社会工作服务中心运营，为平房区的社会组织服务。"),
    section("park#2", "创新园是做什么的？", "创新园是平房区的社会组织孵化基地，位于新牧社区，提供免费办公场地。"),
    section("filing#1", "社区社会组织在平房区找谁备案？", "社区社会组织在平房区向街道或社区备案，具体以街道通知为准。"),
  ];

  it("user: 平房区社会组织创新园在哪个社区 → the section that locates the park, not the one naming 社区 most", () => {
    const index = new KnowledgeIndex(park);
    expect(index.search("平房区社会组织创新园在哪个社区")[0]?.section.id).toBe("park#2");
  });

  it("user: 社区社会组织在哪备案 → asks no place: the filing section still comes first", () => {
    const index = new KnowledgeIndex(park);
    expect(index.search("社区社会组织在哪备案")[0]?.section.id).toBe("filing#1");
  });
});
