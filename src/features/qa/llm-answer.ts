import { createHash, randomBytes } from "node:crypto";
import type { Llm } from "../../ports/llm.js";
import type { KeyValue } from "../../ports/storage/index.js";
import type { Section } from "./article.js";
import { maxBodyLength } from "./composer.js";
import { figures, normalize } from "./text.js";

export interface Written {
  body: string;
  /** Ids of the sections the reply cites. */
  cited: string[];
}

/** Writes an answer with the LLM from retrieved sections; undefined means "use the composed answer". */
export interface LlmWriter {
  write(request: { question: string; sections: Section[]; english: boolean }): Promise<Written | undefined>;
}

export interface LlmWriterOptions {
  llm: Llm;
  /** Answers already written, by question and sources (a repeated question costs no call). */
  cache: KeyValue<Written>;
  cacheMs: number;
  /** prompts/qa-system.md: `{{canary}}` and `{{language}}` are filled per request. */
  systemPrompt: string;
  /** prompts/qa-user.md: `{{open}}`, `{{close}}`, `{{sources}}`, `{{question}}`. */
  userPrompt: string;
  timeoutMs: number;
  onError?: (error: unknown) => void;
}

/** Shapes of things an answer must never carry: keys, user ids, commands. */
const secretShaped = /\bsk-[\w-]{6,}|\b(telegram|wechat|playground):[\w-]+|\bwxid_\w+|api[\s_-]?key|密钥|系统提示|(^|[\s，。：:])[/／][a-z]{2,}/i;

const phone = /(?<!\d)(?:\+?86[\s-]?)?(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8})(?!\d)/g;

export function createLlmWriter(options: LlmWriterOptions): LlmWriter {
  return {
    async write({ question, sections, english }) {
      const key = createHash("sha256")
        .update(JSON.stringify([options.llm.model, normalize(question).replace(/\s+/g, ""), sections.map((section) => [section.id, section.body]), english]))
        .digest("hex");
      const cached = await options.cache.get(key);
      if (cached) return cached;
      const nonce = randomBytes(8).toString("hex");
      const canary = randomBytes(8).toString("hex");
      const system = fill(options.systemPrompt, { canary, language: english ? "English" : "简体中文" });
      const user = fill(options.userPrompt, {
        open: `<<<DATA-${nonce}>>>`,
        close: `<<<END-${nonce}>>>`,
        sources: sections.map((section, index) => `[${index + 1}] 出处：${section.cite} · ${section.title}\n问：${section.heading}\n答：${clean(section.body)}`).join("\n\n"),
        question: clean(question),
      });
      let reply: string;
      try {
        reply = await withTimeout(options.llm.complete({ messages: [{ role: "system", content: system }, { role: "user", content: user }], timeoutMs: options.timeoutMs }), options.timeoutMs);
      } catch (error) {
        options.onError?.(error);
        return undefined;
      }
      const written = check(reply, { sections, system, secrets: [nonce, canary] });
      if (written) await options.cache.set(key, written, options.cacheMs);
      return written;
    },
  };
}

/**
 * The reply is used only if it cites a retrieved source, names no other source, states no
 * figure the sources lack, fits a chat reply and echoes nothing of the prompt.
 */
export function check(reply: string, context: { sections: Section[]; system: string; secrets: string[] }): Written | undefined {
  const body = reply
    .replace(/【AI生成[^】]*】/g, "")
    .replace(/\[\d+\]/g, "")
    .trim();
  if (!body || body.length > maxBodyLength) return undefined;
  if (context.secrets.some((secret) => body.includes(secret)) || /<<<|>>>/.test(body) || secretShaped.test(body)) return undefined;
  const flat = normalize(body).replace(/\s+/g, "");
  const promptLines = context.system.split(/\r?\n/).map((line) => normalize(line).replace(/\s+/g, "")).filter((line) => line.length >= 12);
  if (promptLines.some((line) => flat.includes(line.slice(0, 24)))) return undefined;
  const known = context.sections.map((section) => `${section.cite} ${section.title} ${section.heading} ${section.body} ${section.english ?? ""}`).join("\n");
  const names = [...body.matchAll(/《([^》]+)》/g)].map((match) => match[1]!);
  if (names.some((name) => !known.includes(name))) return undefined;
  const cited = context.sections.filter((section) => names.some((name) => section.cite.includes(name) || section.title.includes(name)) || body.includes(section.title));
  if (cited.length === 0) return undefined;
  const allowed = new Set(figures(known));
  if (figures(body).some((figure) => !allowed.has(figure))) return undefined;
  return { body, cited: cited.map((section) => section.id) };
}

/** Phone numbers out, and nothing that could pass for our delimiters. */
function clean(text: string): string {
  return text.replace(phone, "[电话已隐去]").replace(/<<<|>>>/g, "");
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`LLM did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
