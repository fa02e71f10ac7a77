import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { KnowledgeError, parseArticle, type Placeholders, type Section } from "./article.js";
import { splitStatute } from "./statutes.js";

export interface KnowledgeSource {
  /** Article folders (qa.knowledgeDirs). */
  knowledgeDirs: string[];
  /** Official statute folders (qa.statuteDirs). */
  statuteDirs: string[];
  /** `park.*` values for `{{park.*}}` placeholders. */
  park: Record<string, string>;
}

export interface Knowledge {
  sections: Section[];
  articles: number;
  passages: number;
}

/**
 * Reads every article and statute file. Throws a KnowledgeError naming the first broken file,
 * so a typo in front matter is found at start-up or by `/kb reload`, not by a user.
 */
export function loadKnowledge(source: KnowledgeSource): Knowledge {
  const placeholders: Placeholders = Object.fromEntries(Object.entries(source.park).map(([key, value]) => [`park.${key}`, value]));
  const sections: Section[] = [];
  const seen = new Map<string, string>();
  let articles = 0;
  for (const directory of source.knowledgeDirs) {
    for (const file of markdownFiles(directory)) {
      const name = basename(file, ".md");
      const parsed = parseArticle(file, name, readFileSync(file, "utf8"), placeholders);
      const earlier = seen.get(name);
      if (earlier) throw new KnowledgeError(file, `id "${name}" is also used by ${earlier}`);
      seen.set(name, file);
      sections.push(...parsed);
      articles++;
    }
  }
  let passages = 0;
  for (const directory of source.statuteDirs) {
    for (const file of markdownFiles(directory)) {
      const parsed = splitStatute(file, readFileSync(file, "utf8"));
      sections.push(...parsed);
      passages += parsed.length;
    }
  }
  return { sections, articles, passages };
}

/** Markdown files of a folder and its sub-folders, README files excepted, in a stable order. */
function markdownFiles(directory: string): string[] {
  if (!statSync(directory, { throwIfNoEntry: false })?.isDirectory()) throw new KnowledgeError(directory, "folder not found (check qa.knowledgeDirs / qa.statuteDirs)");
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...markdownFiles(path));
    else if (entry.name.endsWith(".md") && !/^readme\.md$/i.test(entry.name)) files.push(path);
  }
  return files;
}
