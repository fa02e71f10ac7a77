import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Config } from "../../config/schema.js";
import { loadTexts, type Texts } from "../../core/i18n.js";
import { projectPath } from "../../core/paths.js";
import { scoreQa, type QaItem, type QaResult } from "./evaluation.js";
import { QaService } from "./service.js";

export interface QaCliOptions {
  config: Config;
  /** Locale texts; default: config/locales under the working directory. */
  texts?: Texts;
}

/**
 * `ask --jsonl`: one `{"id","question"}` per input line → one
 * `{"id","answer","sources":[{"id","title","cite"}],"handoff"}` per output line. Same answerer as
 * the chat, without LLM, storage or network.
 */
export async function runAskJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: QaCliOptions): Promise<void> {
  const service = createService(options);
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let request: { id?: unknown; question?: unknown };
    try {
      request = JSON.parse(line) as typeof request;
    } catch (error) {
      write(output, { id: null, answer: "", sources: [], handoff: true, error: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    const question = typeof request.question === "string" ? request.question : "";
    const answer = await service.answerer.answer(question);
    write(output, { id: request.id ?? null, answer: answer.text, sources: answer.sources, handoff: answer.handoff });
  }
}

/**
 * Scores QA evaluation files (eval/README.md), one report each. A file that is not there is
 * named in the report instead of stopping the others.
 */
export async function runEvalQa(files: string | string[], options: QaCliOptions): Promise<string> {
  const service = createService(options);
  const reports: string[] = [];
  for (const file of typeof files === "string" ? [files] : files) {
    if (!existsSync(file)) {
      reports.push(`${file}: not found (give the path of a qa_*.jsonl file: npm run eval:qa -- FILE)`);
      continue;
    }
    const items = readFileSync(file, "utf8")
      .split(/\r?\n/)
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as QaItem);
    const results: QaResult[] = [];
    for (const item of items) {
      const answer = await service.answerer.answer(item.question);
      results.push({ item, answer: answer.text, handoff: answer.handoff, sources: answer.sources });
    }
    reports.push(`${file}: ${items.length} questions\n${scoreQa(results, service.sections())}`);
  }
  return reports.join("\n\n");
}

function createService(options: QaCliOptions): QaService {
  return new QaService({ config: options.config, texts: options.texts ?? loadTexts(projectPath("config/locales")) });
}

function write(output: NodeJS.WritableStream, value: unknown): void {
  output.write(`${JSON.stringify(value)}\n`);
}
