import type { Section } from "./article.js";
import { KnowledgeError } from "./article.js";

const clauseStart = /^(第[零〇一二两三四五六七八九十百千]+条)(?:之[一二三四五六七八九十]+)?\s*/;

/**
 * Splits an official text (Markdown as in corpus/statutes: `# 名称`, `## 第一章`, paragraphs
 * starting 第X条) into one passage per article, cited as 《名称》第X条.
 */
export function splitStatute(file: string, text: string): Section[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const titleLine = lines.find((line) => /^#\s+\S/.test(line));
  if (!titleLine) throw new KnowledgeError(file, "no '# title' line naming the statute");
  const name = titleLine.replace(/^#\s+/, "").trim().replace(/^中华人民共和国/, "");
  const sections: Section[] = [];
  let current: { number: string; parts: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    sections.push({
      id: `statute:${name}#${current.number}`,
      documentId: `statute:${name}`,
      title: `《${name}》`,
      heading: `《${name}》${current.number}`,
      body: current.parts.join(""),
      cite: `《${name}》${current.number}`,
      caution: false,
      kind: "statute",
      aliases: [],
    });
    current = undefined;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith("#")) {
      flush();
      continue;
    }
    const start = clauseStart.exec(line);
    if (start) {
      flush();
      current = { number: start[1]!, parts: [line.slice(start[0].length)] };
    } else if (current && line && !line.startsWith("<!--")) {
      current.parts.push(line);
    }
  }
  flush();
  if (sections.length === 0) throw new KnowledgeError(file, "no 第X条 passages found");
  return sections;
}
