/**
 * Reading clause citations such as 《社会团体登记管理条例》第十条第一项 or
 * 《慈善法》第一百一十三条、第一百一十一条, so that tests (and tools) can check each clause
 * against an index of the official texts.
 */

/** One clause a citation names: the law as written between 《》, and the article, paragraph, item. */
export interface CitedClause {
  law: string;
  /** 第X条 as written. */
  article: string;
  /** 第X款 as a number, when named. */
  paragraph?: number;
  /** 第X项 as a number, when named. */
  item?: number;
  /** Years named just before the clause (2016年文本…): the version the citation means. */
  years: number[];
}

/** Article numbers of a law in the official text: items per paragraph, by 第X条. */
export interface StatuteIndex {
  laws: Record<string, { year?: number; articles: Record<string, number[]> }>;
}

const numeral = "[零〇一二两三四五六七八九十百千]+";
const clausePattern = new RegExp(`第(${numeral})条(?:之${numeral})?(?:第(${numeral})款)?(?:第(${numeral})项)?(?:至第(${numeral})条)?`, "g");
const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一百一十二 → 112 (the numerals statutes use for articles, paragraphs and items). */
export function chineseNumber(text: string): number {
  let total = 0;
  let current = 0;
  for (const character of text) {
    if (character in digits) current = digits[character]!;
    else {
      total += (current || 1) * units[character]!;
      current = 0;
    }
  }
  return total + current;
}

/** The law a statute title or citation names, without 《》 and the 中华人民共和国 prefix. */
export function lawName(title: string): string {
  return title.replace(/^《|》$/g, "").replace(/^中华人民共和国/, "").trim();
}

/**
 * The clauses a citation line names, law by law. Parts are separated by ；; within a part every
 * 第X条 belongs to the last 《law》 before it. A range 第二十九条至第三十二条 yields both ends.
 */
export function citedClauses(cite: string): CitedClause[] {
  const clauses: CitedClause[] = [];
  for (const part of cite.split(/[；;]/)) {
    let named: RegExpMatchArray | undefined;
    let from = 0;
    const names = [...part.matchAll(/《([^》]+)》/g)];
    for (const match of part.matchAll(clausePattern)) {
      const at = match.index!;
      const name = names.filter((candidate) => candidate.index! < at).pop();
      if (!name) continue;
      if (name !== named) {
        named = name;
        from = name.index! + name[0].length;
      }
      const law = lawName(name[1]!);
      // A 第68号 or a (2016年) between the law and the clause: note the years, skip document numbers.
      const before = part.slice(from, at);
      from = at + match[0].length;
      if (/号$/.test(before)) continue;
      const years = [...before.matchAll(/(\d{4})年/g)].map((year) => Number(year[1]));
      const base = { law, paragraph: match[2] ? chineseNumber(match[2]) : undefined, item: match[3] ? chineseNumber(match[3]) : undefined, years };
      clauses.push({ ...base, article: `第${match[1]}条` });
      if (match[4]) clauses.push({ law, article: `第${match[4]}条`, years });
    }
  }
  return clauses;
}

/**
 * Why a clause is not in the index, or undefined when it is there (or cannot be checked: a law or
 * a version the index does not hold).
 */
export function missingClause(clause: CitedClause, index: StatuteIndex): string | undefined {
  const law = index.laws[clause.law];
  if (!law) return undefined;
  if (law.year !== undefined && clause.years.length > 0 && !clause.years.includes(law.year)) return undefined;
  const paragraphs = law.articles[clause.article];
  const name = `《${clause.law}》${clause.article}`;
  if (!paragraphs) return `${name} does not exist`;
  const paragraph = clause.paragraph ?? 1;
  if (paragraph > paragraphs.length) return `${name} has ${paragraphs.length} paragraph(s), not paragraph ${clause.paragraph}`;
  if (clause.item !== undefined && clause.item > paragraphs[paragraph - 1]!) return `${name} paragraph ${paragraph} has ${paragraphs[paragraph - 1]} item(s), not item ${clause.item}`;
  return undefined;
}
