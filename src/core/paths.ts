import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where package.json, config/ and prompts/ live). */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Resolves a configured path: absolute as is, relative against the project root. */
export function projectPath(path: string): string {
  return isAbsolute(path) ? path : resolve(projectRoot, path);
}
