/** The page's texts: the `page` section of config/locales/<locale>/console.yaml, flattened. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Locale } from "../../core/i18n.js";
import { projectPath } from "../../core/paths.js";

function flatten(prefix: string, value: unknown, into: Record<string, string>): Record<string, string> {
  if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) flatten(prefix ? `${prefix}.${key}` : key, inner, into);
  else if (value !== null && value !== undefined) into[prefix] = String(value);
  return into;
}

/** Read once; English falls back to Chinese key by key, as the bot's own texts do. */
export function loadPageTexts(): Record<Locale, Record<string, string>> {
  const read = (locale: Locale) => flatten("", (parse(readFileSync(projectPath(`config/locales/${locale}/console.yaml`), "utf8")) as { page?: unknown }).page, {});
  const chinese = read("zh-CN");
  return { "zh-CN": chinese, en: { ...chinese, ...read("en") } };
}
