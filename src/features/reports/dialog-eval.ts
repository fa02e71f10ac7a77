/**
 * `eval-dialogs`: plays multi-turn report dialogs (eval/README.md, "dialogs_dev.jsonl") through
 * the whole app — dispatcher, features, playground platform, memory store, a clock moved by
 * hand, no LLM — and compares what was stored with `final_expected`, field by field as the
 * report evaluation does (evaluate.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { createApp } from "../../app.js";
import type { Config } from "../../config/schema.js";
import { artifactsFromEnvironment, keptInMemory, type Artifacts } from "../../core/artifacts.js";
import { silentLogger } from "../../core/logging.js";
import { createManualScheduler } from "../../ports/scheduler.js";
import type { Clock } from "../../ports/clock.js";
import { openMemoryStorage } from "../../ports/storage/index.js";
import { PlaygroundAdapter } from "../../platforms/playground/adapter.js";
import { fieldMatches, type ReportItem } from "./evaluate.js";

export type DialogTurn = { user: string; from?: string; at?: string } | { bot_should: string };

export interface Expectation {
  stored: boolean;
  report?: Record<string, unknown>;
  reports?: Array<Record<string, unknown>>;
}

export interface DialogItem {
  id: string;
  reference_datetime: string;
  tests?: string;
  turns: DialogTurn[];
  final_expected: Expectation | { by_user: Record<string, Expectation> };
  also_accept?: Record<string, unknown[]>;
}

export interface DialogOutcome {
  id: string;
  passed: boolean;
  /** "name: text" lines, the bot's replies included. */
  transcript: string[];
  differences: string[];
}

const TURN_GAP_MS = 40_000;

export interface PlayOptions {
  /** Send [图片] as text, as a bridge that does not turn it into attachments would. */
  photoMarks?: boolean;
  /** Derived data for every app the dialogs start (default: the environment's cache). */
  artifacts?: Artifacts;
}
const SOLO = "volunteer";

export function parseDialogItems(jsonl: string): DialogItem[] {
  return jsonl
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DialogItem);
}

function manualClock(start: Date): Clock & { set(at: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    sleep: async (ms) => {
      current += Math.max(0, ms);
    },
    set: (at) => {
      current = at.getTime();
    },
  };
}

/** Plays one dialog on a fresh app; returns the transcript and the stored reports by reporter name. */
export async function playDialog(item: DialogItem, config: Config, options: PlayOptions = {}): Promise<{ transcript: string[]; stored: Map<string, Array<Record<string, unknown>>> }> {
  let at = new Date(item.reference_datetime);
  const clock = manualClock(at);
  const storage = openMemoryStorage();
  // Only the playground: no chat account is touched, whatever the environment configures.
  const platforms = [new PlaygroundAdapter({ storage, clock, botName: config.bot.name })];
  const app = await createApp({ config, storage, logger: silentLogger(), llm: null, scheduler: createManualScheduler(), clock, platforms, artifacts: options.artifacts });
  await app.start({ listen: false });
  const transcript: string[] = [];
  try {
    const group = item.turns.some((turn) => "user" in turn && turn.from !== undefined);
    const spoken = new Set<string>();
    let first = true;
    for (const turn of item.turns) {
      if (!("user" in turn)) continue;
      if (turn.at && !Number.isNaN(Date.parse(turn.at))) at = new Date(turn.at);
      else if (!first) at = new Date(at.getTime() + TURN_GAP_MS);
      first = false;
      clock.set(at);
      const name = turn.from ?? SOLO;
      const photos = options.photoMarks ? 0 : (turn.user.match(/\[图片\]/g) ?? []).length;
      let text = options.photoMarks ? turn.user : turn.user.replace(/\[图片\]/g, " ").replace(/\s+/g, " ").trim();
      // In a group each person's first message mentions the bot, as the data format says.
      if (group && !spoken.has(name)) text = `@${config.bot.name} ${text}`;
      spoken.add(name);
      const chat = group ? { id: `group-${item.id}`, type: "group" as const, title: item.id } : { id: `dm-${name}`, type: "private" as const };
      const result = await app.playground!.post({ chat, from: { id: name, name }, text, photos: photos || undefined, sent_at: at.toISOString() });
      transcript.push(`${name}: ${turn.user}`);
      const body = result.body as { replies?: Array<{ text: string }>; error?: string };
      for (const reply of body.replies ?? []) transcript.push(`  bot: ${reply.text.replace(/\n/g, "\n       ")}`);
      if (body.error) transcript.push(`  (${result.status}: ${body.error})`);
    }
    const stored = new Map<string, Array<Record<string, unknown>>>();
    const all: Array<Record<string, unknown>> = [];
    for await (const [, report] of app.storage.namespace<Record<string, unknown>>("reports").entries()) all.push(report);
    all.sort((left, right) => String(left.id).localeCompare(String(right.id)));
    for (const report of all) {
      const name = String(report.reporter ?? "").replace(/^playground:/, "");
      stored.set(name, [...(stored.get(name) ?? []), report]);
    }
    return { transcript, stored };
  } finally {
    await app.stop();
  }
}

/** Differences between what one person stored and what was expected (empty: a pass). */
export function compareStored(expectation: Expectation, stored: Array<Record<string, unknown>>, item: DialogItem, who = ""): string[] {
  const prefix = who ? `${who}: ` : "";
  const wanted = expectation.stored ? (expectation.reports ?? (expectation.report ? [expectation.report] : [])) : [];
  if (wanted.length !== stored.length) {
    const differences = [`${prefix}stored ${stored.length} report(s), expected ${wanted.length}`];
    for (const report of stored) differences.push(`${prefix}  stored: ${brief(report)}`);
    return differences;
  }
  const messages = item.turns.flatMap((turn) => ("user" in turn ? [turn.user] : []));
  const fieldsOf = (index: number): ReportItem => ({
    id: item.id,
    reference_datetime: item.reference_datetime,
    messages,
    expected: {},
    missing: [],
    also_accept: Object.fromEntries(
      Object.entries(item.also_accept ?? {}).flatMap(([key, values]) => {
        const scoped = /^reports\[(\d+)\]\.(\w+)$/.exec(key);
        if (!scoped) return [[key, values]];
        return Number(scoped[1]) === index ? [[scoped[2]!, values]] : [];
      }),
    ),
  });
  const mismatches = (expected: Record<string, unknown>, index: number, actual: Record<string, unknown>) =>
    Object.entries(expected).filter(([field, value]) => !fieldMatches(field, value, actual[field] ?? null, fieldsOf(index)));
  // Stored order need not follow the expected order: each expected report takes its best match.
  const free = [...stored];
  const differences: string[] = [];
  wanted.forEach((expected, index) => {
    let best = 0;
    for (const [position, candidate] of free.entries()) if (mismatches(expected, index, candidate).length < mismatches(expected, index, free[best]!).length) best = position;
    const actual = free.splice(best, 1)[0]!;
    for (const [field, value] of mismatches(expected, index, actual)) differences.push(`${prefix}${wanted.length > 1 ? `[${index}] ` : ""}${field}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual[field] ?? null)}`);
  });
  return differences;
}

function brief(report: Record<string, unknown>): string {
  return ["date", "start_time", "end_time", "organization", "location", "volunteers", "volunteer_hours", "title"].map((field) => report[field] ?? "?").join(" | ");
}

export async function evaluateDialog(item: DialogItem, config: Config, options: PlayOptions = {}): Promise<DialogOutcome> {
  const { transcript, stored } = await playDialog(item, config, options);
  const expected = item.final_expected;
  const differences =
    "by_user" in expected
      ? Object.entries(expected.by_user).flatMap(([name, expectation]) => compareStored(expectation, stored.get(name) ?? [], item, name))
      : compareStored(expected, [...stored.values()].flat(), item);
  return { id: item.id, passed: differences.length === 0, transcript, differences };
}

/** Plays every dialog of a file; returns the printed figure and, for each failure, its transcript. */
export async function runEvalDialogs(file: string, options: { config: Config; verbose?: boolean } & PlayOptions): Promise<{ text: string; passed: number; total: number }> {
  if (!existsSync(file)) {
    return { text: `找不到对话评测文件 dialog set not found: ${file}\n(用法 usage: npm run eval:dialogs -- [FILE.jsonl])`, passed: 0, total: 0 };
  }
  const items = parseDialogItems(readFileSync(file, "utf8"));
  const config: Config = { ...options.config, llm: { ...options.config.llm, baseUrl: null, model: null } };
  const outcomes: DialogOutcome[] = [];
  // One app per dialog, all on the same files: the index and classifiers are read once.
  const artifacts = options.artifacts ?? keptInMemory(artifactsFromEnvironment(silentLogger()));
  for (const item of items) outcomes.push(await evaluateDialog(item, config, { ...options, artifacts }));
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  const lines: string[] = [];
  for (const outcome of outcomes.filter((entry) => !entry.passed)) {
    lines.push(`✗ ${outcome.id}`, ...(options.verbose === false ? [] : outcome.transcript.map((line) => `    ${line}`)), ...outcome.differences.map((line) => `    ≠ ${line}`), "");
  }
  const share = items.length === 0 ? 0 : (passed / items.length) * 100;
  lines.push(`dialogs that stored exactly the expected report(s): ${passed}/${items.length} (${share.toFixed(1)}%)  ${file}`);
  return { text: lines.join("\n"), passed, total: items.length };
}
