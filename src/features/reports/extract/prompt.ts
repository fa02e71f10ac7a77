/**
 * LLM prompts live in prompts/<name>.md at the repository root, one file each, so they can be
 * reviewed and edited without touching code. Found from this file's own location, so the
 * working directory of the process does not matter.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest directory above `start` that holds package.json. */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let directory = start;
  for (;;) {
    if (existsSync(join(directory, "package.json"))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${start}`);
    directory = parent;
  }
}

/** Text of prompts/<name>.md; names are plain words so a name can never leave the folder. */
export function loadPrompt(name: string, root: string = findRepoRoot()): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`invalid prompt name: ${name}`);
  return readFileSync(join(root, "prompts", `${name}.md`), "utf8");
}
