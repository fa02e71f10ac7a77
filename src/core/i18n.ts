import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { buildAlways, type Artifacts } from "./artifacts.js";

export type Locale = "zh-CN" | "en";
export type Params = Record<string, string | number | undefined>;
/** Looks up a user-facing text by key (`<file>.<path>`) and fills `{name}` placeholders. */
export type Translate = (key: string, params?: Params) => string;

export interface Texts {
  t(locale: Locale, key: string, params?: Params): string;
  has(locale: Locale, key: string): boolean;
  translator(locale: Locale): Translate;
}

/**
 * Loads config/locales/<locale>/<file>.yaml. Keys are `<file>.<nested.path>`, so each feature
 * keeps its own file. A missing English text falls back to Chinese; a missing key shows the key.
 * Parsing the YAML is most of the cost, so the flat tables are kept as an artifact.
 */
export function loadTexts(directory: string, artifacts: Artifacts = buildAlways): Texts {
  const tables = artifacts.get("locale-texts", { folders: [directory] }, () => readTables(directory));
  const lookup = (locale: Locale, key: string) => tables.get(locale)?.get(key) ?? tables.get("zh-CN")?.get(key);
  const texts: Texts = {
    has: (locale, key) => lookup(locale, key) !== undefined,
    t: (locale, key, params = {}) => fill(lookup(locale, key) ?? key, params),
    translator: (locale) => (key, params) => texts.t(locale, key, params),
  };
  return texts;
}

function readTables(directory: string): Map<Locale, Map<string, string>> {
  const tables = new Map<Locale, Map<string, string>>();
  for (const locale of ["zh-CN", "en"] as const) {
    const table = new Map<string, string>();
    const folder = join(directory, locale);
    if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      for (const file of readdirSync(folder).filter((name) => name.endsWith(".yaml")).sort()) {
        const prefix = file.replace(/\.yaml$/, "");
        let content: unknown;
        try {
          content = parse(readFileSync(join(folder, file), "utf8"));
        } catch (error) {
          throw new Error(`locale file ${join(folder, file)} is not valid YAML: ${(error as Error).message}`);
        }
        flatten(prefix, content, table);
      }
    }
    tables.set(locale, table);
  }
  return tables;
}

function flatten(prefix: string, value: unknown, into: Map<string, string>): void {
  if (value === null || value === undefined) return;
  if (typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(`${prefix}.${key}`, inner, into);
    return;
  }
  into.set(prefix, Array.isArray(value) ? value.join("\n") : String(value));
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
