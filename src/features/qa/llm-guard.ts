import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { projectPath } from "../../core/paths.js";

/** Where the shipped rules live (config/qa-llm-guard.yaml explains each list). */
export const defaultGuardFile = "config/qa-llm-guard.yaml";

const categorySchema = z.object({
  patterns: z.array(z.string().min(1)).min(1),
  /** Matched before NFKC too (zero-width characters vanish in NFKC). */
  raw: z.boolean().default(false),
  /** Matched also with spaces removed and 。 read as a dot. */
  squeezed: z.boolean().default(false),
});

const guardSchema = z.object({
  never: z.record(z.string(), categorySchema),
  unlessQuoted: z.record(z.string(), categorySchema),
  places: z.array(z.string().min(1)),
  negation: z.object({ cues: z.array(z.string().min(1)), compounds: z.array(z.string().min(1)), replies: z.array(z.string().min(1)) }),
  wordsWithOne: z.array(z.string().includes("一")),
  filler: z.array(z.string().min(1)),
  fillerEnglish: z.array(z.string().min(1)),
  freePhrases: z.array(z.string().min(1)),
  units: z.array(z.string().min(1)),
  unitClasses: z.record(z.string(), z.array(z.string().min(1))),
  directions: z.object({
    up: z.object({ trailing: z.array(z.string().min(1)), leading: z.array(z.string().min(1)) }),
    down: z.object({ trailing: z.array(z.string().min(1)), leading: z.array(z.string().min(1)) }),
  }),
  thresholds: z.object({
    sentence: z.number().min(0).max(1),
    clause: z.number().min(0).max(1),
    clauseMinimum: z.number().int().positive(),
    sentenceMinimum: z.number().int().positive(),
    polarity: z.number().min(0).max(1),
    figureWindow: z.number().int().positive(),
    englishWindow: z.number().int().positive(),
    figureForeign: z.number().int().positive(),
  }),
});

type GuardData = z.infer<typeof guardSchema>;

interface Category {
  name: string;
  patterns: RegExp[];
  raw: boolean;
  squeezed: boolean;
}

/** The rules with their patterns compiled; `version` changes whenever the data does. */
export interface GuardRules extends Omit<GuardData, "never" | "unlessQuoted"> {
  never: Category[];
  unlessQuoted: Category[];
  version: string;
}

/** Why an answer was refused: a category of the guard file, or a grounding check. */
export interface Refusal {
  reason: string;
  /** The offending text, for the log (never shown to users). */
  detail: string;
}

/** Parses and compiles guard rules; a bad pattern throws naming its category. */
export function parseGuardRules(text: string, file = defaultGuardFile): GuardRules {
  const checked = guardSchema.safeParse(parse(text));
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const compile = (group: string, categories: GuardData["never"]): Category[] =>
    Object.entries(categories).map(([name, category]) => ({
      name,
      raw: category.raw,
      squeezed: category.squeezed,
      patterns: category.patterns.map((source) => {
        try {
          return new RegExp(source, "imu");
        } catch (error) {
          throw new Error(`${file}: ${group}.${name}: bad pattern ${source}: ${(error as Error).message}`);
        }
      }),
    }));
  const data = checked.data;
  return {
    ...data,
    never: compile("never", data.never),
    unlessQuoted: compile("unlessQuoted", data.unlessQuoted),
    version: createHash("sha256").update(text).digest("hex").slice(0, 16),
  };
}

/** Reads the guard file (relative paths against the project root). */
export function loadGuardRules(file = defaultGuardFile): GuardRules {
  return parseGuardRules(readFileSync(projectPath(file), "utf8"), file);
}

/** Spaces out and 。 as a dot: how a link hidden as `w w w。x。com` is read. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "").replace(/[。｡]/g, ".");
}

/**
 * The first thing in `answer` that may never reach a chat (links, images, markup, contacts,
 * claims about who the bot is, harmful advice …), or undefined. `passages` is the text of the
 * retrieved sections: an `unlessQuoted` phrase found there word for word is allowed.
 */
export function screen(answer: string, passages: string, rules: GuardRules): Refusal | undefined {
  const normalized = answer.normalize("NFKC");
  const squeezed = squeeze(normalized);
  const quoted = passages.normalize("NFKC").toLowerCase();
  for (const category of rules.never) {
    const forms = [normalized, ...(category.raw ? [answer] : []), ...(category.squeezed ? [squeezed] : [])];
    for (const pattern of category.patterns) {
      for (const form of forms) {
        const match = pattern.exec(form);
        if (match) return { reason: category.name, detail: match[0] };
      }
    }
  }
  for (const category of rules.unlessQuoted) {
    for (const pattern of category.patterns) {
      const global = new RegExp(pattern.source, `${pattern.flags}g`);
      for (const match of normalized.matchAll(global)) {
        if (!quoted.includes(match[0].toLowerCase())) return { reason: category.name, detail: match[0] };
      }
    }
  }
  return undefined;
}
