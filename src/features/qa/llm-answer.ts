import { createHash, randomBytes } from "node:crypto";
import type { Llm } from "../../ports/llm.js";
import type { KeyValue } from "../../ports/storage/index.js";
import type { Section } from "./article.js";
import { maxBodyLength } from "./composer.js";
import { copiedCite, ground, prepare, preparePassages, sentencesOf, withoutWordOne } from "./grounding.js";
import { loadGuardRules, screen, type GuardRules, type Refusal } from "./llm-guard.js";
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
  /** Checked answers by question, sources, knowledge version and rules (a repeated question costs no call). */
  cache: KeyValue<CachedAnswer>;
  /** How long a cached answer is served; 0 turns the cache off. */
  cacheMs: number;
  /** At most this many answers are kept; the oldest go first. */
  maxCacheEntries?: number;
  /** Changes whenever the knowledge base does (e.g. a hash of every section); part of the cache key. */
  knowledgeVersion?: () => string;
  /** prompts/qa-system.md: `{{canary}}` and `{{language}}` are filled per request. */
  systemPrompt: string;
  /** prompts/qa-user.md: `{{open}}`, `{{close}}`, `{{sources}}`, `{{question}}`. */
  userPrompt: string;
  timeoutMs: number;
  /** The checks' data (config/qa-llm-guard.yaml when not given). */
  rules?: GuardRules;
  onError?: (error: unknown) => void;
  /** An answer the checks refused (logged, never shown). */
  onRejected?: (refusal: Refusal) => void;
  now?: () => number;
}

/** A cached answer and when it was stored (the store's own expiry is not trusted alone). */
export interface CachedAnswer {
  written: Written;
  storedAt: number;
}

/** Bumped when the checks' code changes, so answers passed by older checks are not served. */
const checksVersion = 2;

/** Shapes of things an answer must never carry: keys, user ids, commands. */
const secretShaped = /\bsk-[\w-]{6,}|\b(telegram|wechat|playground):[\w-]+|\bwxid_\w+|api[\s_-]?key|密钥|系统提示|(^|[\s，。：:])[/／][a-z]{2,}/i;

const phone = /(?<!\d)(?:\+?86[\s-]?)?(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8})(?!\d)/g;

export function createLlmWriter(options: LlmWriterOptions): LlmWriter {
  const rules = options.rules ?? loadGuardRules();
  const now = options.now ?? Date.now;
  const maxEntries = options.maxCacheEntries ?? 500;
  const caching = options.cacheMs > 0 && maxEntries > 0;

  /** Oldest entries out until the cache holds at most maxEntries. */
  async function prune(): Promise<void> {
    const stored: Array<[string, number]> = [];
    for await (const [key, value] of options.cache.entries()) stored.push([key, value.storedAt ?? 0]);
    if (stored.length <= maxEntries) return;
    stored.sort((a, b) => a[1] - b[1]);
    for (const [key] of stored.slice(0, stored.length - maxEntries)) await options.cache.delete(key);
  }

  return {
    async write({ question, sections, english }) {
      const key = createHash("sha256")
        .update(
          JSON.stringify([
            checksVersion,
            rules.version,
            options.knowledgeVersion?.() ?? "",
            options.llm.model,
            normalize(question).replace(/\s+/g, ""),
            sections.map((section) => [section.id, section.body]),
            english,
          ]),
        )
        .digest("hex");
      if (caching) {
        const cached = await options.cache.get(key);
        // Checked again on the way out: an answer stored by older or looser checks is not served.
        const again = cached && now() - cached.storedAt <= options.cacheMs ? review(cached.written.body, { sections, system: options.systemPrompt, secrets: [], rules }).written : undefined;
        if (again) return again;
        if (cached) await options.cache.delete(key);
      }
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
      const { written, refusal } = review(reply, { sections, system, secrets: [nonce, canary], rules });
      if (refusal) options.onRejected?.(refusal);
      if (written && caching) {
        await options.cache.set(key, { written, storedAt: now() }, options.cacheMs);
        await prune();
      }
      return written;
    },
  };
}

export interface CheckContext {
  sections: Section[];
  /** The system prompt sent (its lines must not come back). */
  system: string;
  /** Per-request values that must not come back (delimiter nonce, canary). */
  secrets: string[];
  rules?: GuardRules;
}

/** The checked answer, or undefined (see review). */
export function check(reply: string, context: CheckContext): Written | undefined {
  return review(reply, context).written;
}

/**
 * The reply is used only if it fits a chat reply, echoes nothing of the prompt, carries nothing
 * the guard file forbids (links, markup, contacts, claims about who the bot is …), cites a
 * retrieved source and no other, states no figure the sources lack, and every sentence is
 * grounded in the retrieved passages (grounding.ts).
 */
export function review(reply: string, context: CheckContext): { written?: Written; refusal?: Refusal } {
  const rules = context.rules ?? defaultRules();
  const refuse = (reason: string, detail = "") => ({ refusal: { reason, detail } });
  const body = reply
    .replace(/【AI生成[^】]*】/g, "")
    .replace(/\[\d+\]/g, "")
    // Bold is harmless, and chats show the asterisks.
    .replace(/\*\*([^*\n]+)\*\*/g, "$1")
    .trim();
  if (!body) return refuse("empty");
  if (body.length > maxBodyLength) return refuse("length", String(body.length));
  if (context.secrets.some((secret) => body.includes(secret)) || /<<<|>>>/.test(body) || secretShaped.test(body)) return refuse("secret");
  const flat = normalize(body).replace(/\s+/g, "");
  const promptLines = context.system.split(/\r?\n/).map((line) => normalize(line).replace(/\s+/g, "")).filter((line) => line.length >= 12);
  if (promptLines.some((line) => flat.includes(line.slice(0, 24)))) return refuse("prompt");
  const known = context.sections.map((section) => `${section.cite} ${section.title} ${section.heading} ${section.body} ${section.english ?? ""}`).join("\n");
  const screened = screen(body, known, rules);
  if (screened) return { refusal: screened };
  const names = [...body.matchAll(/《([^》]+)》/g)].map((match) => match[1]!);
  const unknown = names.find((name) => !known.includes(name));
  if (unknown) return refuse("other-law", unknown);
  const numbers = [...body.normalize("NFKC").matchAll(/〔\d{4}〕\d+号/g)].map((match) => match[0]);
  const passages = preparePassages(context.sections, rules);
  // A source without a law name (黑龙江日报报道) is cited by copying its line.
  const copied = sentencesOf(prepare(body, rules)).flatMap((sentence) => copiedCite(sentence, passages) ?? []);
  const cited = context.sections.filter(
    (section) =>
      names.some((name) => section.cite.includes(name) || section.title.includes(name)) ||
      numbers.some((number) => section.cite.normalize("NFKC").includes(number)) ||
      body.includes(section.title) ||
      copied.some((cite) => prepare(section.cite, rules).includes(cite)),
  );
  if (cited.length === 0) return refuse("uncited");
  // List markers (1. 2. -) are layout, not figures or claims.
  const claims = body.replace(/^[ \t]*(?:\d{1,2}[.、)）]|[-*•·])[ \t]*/gm, "");
  const allowed = new Set(figures(withoutWordOne(known, rules)));
  const invented = figures(withoutWordOne(claims, rules)).find((figure) => !allowed.has(figure));
  if (invented) return refuse("figure", invented);
  const ungrounded = ground(claims, passages, rules);
  if (ungrounded) return { refusal: ungrounded };
  return { written: { body, cited: cited.map((section) => section.id) } };
}

let shipped: GuardRules | undefined;

/** The shipped rules, read once (for callers of check that pass none). */
function defaultRules(): GuardRules {
  shipped ??= loadGuardRules();
  return shipped;
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
