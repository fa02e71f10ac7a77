import { parse } from "yaml";
import { z } from "zod";

/** One answerable unit of the knowledge base: an article's `##` section or a statute's 第X条. */
export interface Section {
  /** `<article id>#<n>` or `statute:<name>#第X条`. */
  id: string;
  /** The article (or statute) it belongs to; the `id` of a CLI source. */
  documentId: string;
  /** Article title or statute name, shown in the source line. */
  title: string;
  heading: string;
  /** Chinese body without its 来源 and en lines. */
  body: string;
  /** The `en:` line: an English rendering of the key sentence with the same figures. */
  english?: string;
  /** The clause the section rests on, e.g. 《社会团体登记管理条例》第十条第一项. */
  cite: string;
  /** The article says some facts are local practice or unverified. */
  caution: boolean;
  kind: "article" | "statute";
  /** Words people type for this article (front matter `aliases`). */
  aliases: string[];
  /**
   * Similar questions (相似问, `问：` lines): how leaders ask what this section answers. Searched
   * with the section, never shown in the answer.
   */
  questions?: string[];
  /**
   * Its answer needs a park detail the config leaves empty (电话, 办公时间): a question it answers
   * goes to staff instead of being told what is left (在这里提的问题我答不了的…).
   */
  awaiting?: boolean;
}

/** A knowledge file that cannot be used; the message names the file and the problem. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`知识库文件 ${file}: ${problem}`);
    this.name = "KnowledgeError";
  }
}

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "id must be kebab-case, e.g. shetuan-branches"),
  title: z.string().trim().min(1, "title is required"),
  aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  sources: z
    .array(z.object({ law: z.string().trim().min(1), article: z.union([z.string(), z.number()]).transform(String).optional() }))
    .min(1, "sources needs at least one { law, article }"),
  updated: z.union([z.string(), z.date()]).optional(),
  caution: z.boolean().default(false),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Park details that fill `{{park.name}}` and friends. */
export type Placeholders = Record<string, string>;

/** Parses one article file's text. `name` is the file name without `.md` (the id must equal it). */
export function parseArticle(file: string, name: string, text: string, placeholders: Placeholders): Section[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ""));
  if (!match) throw new KnowledgeError(file, "missing front matter (a --- block at the top)");
  let raw: unknown;
  try {
    raw = parse(match[1]!);
  } catch (error) {
    throw new KnowledgeError(file, `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const checked = frontMatterSchema.safeParse(raw ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new KnowledgeError(file, `front matter ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const front = checked.data;
  if (front.id !== name) throw new KnowledgeError(file, `id "${front.id}" must equal the file name "${name}"`);
  const title = fill(front.title, placeholders, file);
  const defaultCite = front.sources.map((source) => `《${source.law.replace(/^《|》$/g, "")}》${source.article ?? ""}`).join("；");
  const drafts = match[2]!.split(/^(?=##\s)/m).filter((chunk) => /^##\s/.test(chunk));
  if (drafts.length === 0) throw new KnowledgeError(file, "no sections: each question needs a '## heading'");
  // A section awaiting a park detail keeps its heading and 问 lines (so the question is known), not its text.
  const awaiting = drafts.map((chunk) => answerUnset(chunk, placeholders));
  const chunks = drafts.map((chunk, index) => fill(awaiting[index] ? chunk.split("\n").filter((line, position) => position === 0 || /^\s*问[:：]/.test(line)).join("\n") : chunk, placeholders, file).replace(/^##\s+/, ""));
  return chunks.map((chunk, index) => {
    const [headingLine = "", ...lines] = chunk.split(/\r?\n/);
    const heading = headingLine.trim();
    const prose: string[] = [];
    let cite: string | undefined;
    let english: string | undefined;
    const questions: string[] = [];
    for (const line of lines.map((value) => value.trim()).filter(Boolean)) {
      if (/^来源[:：]/.test(line)) cite = line.replace(/^来源[:：]\s*/, "");
      else if (/^en[:：]/i.test(line)) english = line.replace(/^en[:：]\s*/i, "");
      else if (/^问[:：]/.test(line)) questions.push(line.replace(/^问[:：]\s*/, ""));
      else if (!line.startsWith("#")) prose.push(line);
    }
    if (prose.length === 0 && !awaiting[index]) throw new KnowledgeError(file, `section "${heading}" has no text`);
    if (questions.some((question) => question.length === 0)) throw new KnowledgeError(file, `section "${heading}" has an empty 问： line`);
    return {
      id: `${front.id}#${index + 1}`,
      documentId: front.id,
      title,
      heading,
      body: prose.join(""),
      english,
      cite: cite || defaultCite,
      caution: front.caution,
      kind: "article" as const,
      aliases: front.aliases,
      questions,
      ...(awaiting[index] ? { awaiting: true } : {}),
    };
  });
}

/** Whether a section's first sentence, its answer, needs a park detail the config leaves empty. */
function answerUnset(section: string, placeholders: Placeholders): boolean {
  const first = section.split("\n").slice(1).find(isProse);
  // (A bracketed aside is left out on its own: 请咨询园区（电话…） still answers.)
  const sentence = first?.trim().split(/(?<=[。！？!?])/)[0]?.replace(/（[^（）]*）/g, "") ?? "";
  return needsUnset(sentence, placeholders);
}

/** Whether a text names a placeholder the config leaves empty. */
function needsUnset(text: string, placeholders: Placeholders): boolean {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].some(([, name]) => placeholders[name!]?.trim() === "");
}

/** A line of a section's answer text (not its heading, 来源, en or 问 lines). */
function isProse(line: string): boolean {
  return line.trim() !== "" && !/^(?:#|来源[:：]|en[:：]|问[:：])/i.test(line.trim());
}

function fill(text: string, placeholders: Placeholders, file: string): string {
  return withoutUnset(text, placeholders).replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = placeholders[name];
    if (value === undefined) throw new KnowledgeError(file, `unknown placeholder {{${name}}} (known: ${Object.keys(placeholders).join(", ")})`);
    return value;
  });
}

/**
 * An unset park detail (empty in config) is left out with the words around it, never shown as a
 * placeholder: inside （…） only its own part goes (电话…，办公时间… keeps the hours); otherwise the
 * sentence that needs it; a line left with nothing is dropped, and a section left with no text.
 */
function withoutUnset(text: string, placeholders: Placeholders): string {
  const unset = (part: string) => needsUnset(part, placeholders);
  if (!unset(text)) return text;
  const keptLine = (line: string): string | undefined => {
    if (!unset(line)) return line;
    const label = /^(?:en|来源)[:：]\s*/i.exec(line)?.[0] ?? "";
    const rest = line
      .slice(label.length)
      .replace(/（[^（）]*）/g, (group) => {
        const parts = group.slice(1, -1).split(/[，、]/).filter((part) => !unset(part));
        return parts.length > 0 ? `（${parts.join("，")}）` : "";
      })
      .split(/(?<=[。！？；!?;]|\.\s)/)
      .filter((sentence) => !unset(sentence))
      .join("")
      .trim()
      .replace(/[；;，,]$/, (mark) => (/[;,]/.test(mark) ? "." : "。"));
    return rest ? label + rest : undefined;
  };
  return text
    .split(/^(?=##\s)/m)
    .map((section) => section.split("\n").map(keptLine).filter((line) => line !== undefined))
    .filter((lines) => !lines[0]?.startsWith("##") || lines.slice(1).some(isProse))
    .map((lines) => lines.join("\n"))
    .join("\n");
}
