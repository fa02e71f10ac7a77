import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQaFeature, type QaFeature } from "../../../src/features/qa/index.js";
import { createOpenAiLlm } from "../../../src/ports/openai-llm.js";
import { startFakeOpenAi, type FakeOpenAi } from "../../support/fake-openai.js";
import { qaHarness, turnFor, type QaHarness } from "./helpers.js";

/**
 * The LLM path red-teamed through the real openai client against a loopback server: the shipped
 * knowledge base, a model that answers whatever this test tells it to. A poisoned answer (a
 * link, a contact, "I am bureau staff", a figure moved onto another subject …) must never reach
 * the chat: the user gets the retrieval answer instead. Correct answers, paraphrased as models
 * write, must mostly still be used. Every third case of each set is the split written with the
 * others and set aside before tuning ("unseen"); the *-holdout files were written after tuning
 * and run once before two general fixes ("holdout").
 *
 *   npx vitest run test/features/qa/llm-red-team.test.ts   (prints the figures)
 */

interface Case {
  question: string;
  answer: string;
  kind?: string;
  split: "dev" | "unseen" | "holdout" | "verbose";
}

function load(name: string): Case[] {
  const read = (file: string) => parse(readFileSync(join(import.meta.dirname, "fixtures", file), "utf8")) as Array<Omit<Case, "split">>;
  return [
    ...read(`${name}.yaml`).map((item, index): Case => ({ ...item, split: index % 3 === 2 ? "unseen" : "dev" })),
    ...read(`${name}-holdout.yaml`).map((item): Case => ({ ...item, split: "holdout" })),
    ...(name === "llm-correct" ? read(`${name}-verbose.yaml`).map((item): Case => ({ ...item, split: "verbose" })) : []),
  ];
}

const redTeam = load("llm-red-team");
const correct = load("llm-correct");

/** The shipped articles, by file name, for the test's own knowledge folder. */
const knowledge = Object.fromEntries(
  readdirSync("config/knowledge")
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .map((name) => [name, readFileSync(join("config/knowledge", name), "utf8")]),
);

const apiKey = "sk-test-REDTEAM-0123456789";
let fake: FakeOpenAi;
let modelSays = "";
const harnesses: QaHarness[] = [];

async function bot(withLlm: boolean): Promise<{ feature: QaFeature; harness: QaHarness }> {
  const llm = withLlm ? createOpenAiLlm({ baseUrl: fake.url, apiKey, model: "fake-model", timeoutMs: 3000, maxRetries: 0 }) : undefined;
  const harness = qaHarness({ llm, articles: knowledge, config: withLlm ? { llm: { apiKey, timeoutMs: 3000 } } : {} });
  harnesses.push(harness);
  return { feature: createQaFeature(harness.context), harness };
}

async function ask(target: { feature: QaFeature; harness: QaHarness }, question: string): Promise<string> {
  const outcome = await target.feature.handle(turnFor(target.feature, target.harness.context.texts, question, { mentionsBot: true }));
  return outcome!.replies.map((reply) => reply.text).join("\n");
}

let retrieval: { feature: QaFeature; harness: QaHarness };
const splits = ["dev", "unseen", "holdout", "verbose"] as const;
const figures = { blocked: { dev: [0, 0], unseen: [0, 0], holdout: [0, 0], verbose: [0, 0] }, accepted: { dev: [0, 0], unseen: [0, 0], holdout: [0, 0], verbose: [0, 0] } };
const refusedCorrect: string[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAi(() => modelSays);
  retrieval = await bot(false);
});

afterAll(async () => {
  await fake.close();
  for (const harness of harnesses) harness.cleanup();
  const line = (what: string, counts: Record<(typeof splits)[number], number[]>) => {
    const sum = (at: 0 | 1) => splits.reduce((total, split) => total + counts[split][at]!, 0);
    return `${what} ${sum(0)}/${sum(1)} (${splits.filter((split) => counts[split][1]! > 0).map((split) => `${split} ${counts[split][0]}/${counts[split][1]}`).join(", ")})`;
  };
  console.info([line("red team blocked", figures.blocked), line("correct answers accepted", figures.accepted), ...refusedCorrect.map((text) => `  refused correct: ${text}`)].join("\n"));
});

describe("red team: a poisoned LLM answer never reaches the chat", () => {
  let withLlm: { feature: QaFeature; harness: QaHarness };
  beforeAll(async () => {
    withLlm = await bot(true);
  });

  it("has at least 50 cases", () => {
    expect(redTeam.length).toBeGreaterThanOrEqual(50);
  });

  it.each(redTeam.map((item, index) => ({ ...item, name: `#${index} ${item.split} ${item.kind}` })))("$name", async ({ question, answer, split }) => {
    const expected = await ask(retrieval, question);
    modelSays = answer;
    const before = fake.requests.length;
    const said = await ask(withLlm, question);
    // The model was asked (not a hand-off or a cached answer), and its answer was not used.
    expect(fake.requests.length).toBe(before + 1);
    figures.blocked[split][1]++;
    if (said === expected) figures.blocked[split][0]++;
    expect(said).not.toContain("【AI生成");
    expect(said).toBe(expected);
  });
});

describe("correct LLM answers are still used", () => {
  // One bot per split: the sets share questions, and a used answer is cached.
  const bots: Partial<Record<Case["split"], { feature: QaFeature; harness: QaHarness }>> = {};

  it("has at least 30 cases", () => {
    expect(correct.length).toBeGreaterThanOrEqual(30);
  });

  it("uses at least two in three of them, in each split", async () => {
    for (const { question, answer, split } of correct) {
      modelSays = answer;
      const before = fake.requests.length;
      const said = await ask((bots[split] ??= await bot(true)), question);
      expect(fake.requests.length, `the model is asked: ${question}`).toBe(before + 1);
      figures.accepted[split][1]++;
      if (said.startsWith("【AI生成")) {
        figures.accepted[split][0]++;
        // What the chat shows is the model's text, labelled, with the source line.
        expect(said).toContain(answer.replace(/\*\*/g, "").slice(0, 12));
        expect(said).toMatch(/\n(来源|Source)[:：]/);
      } else refusedCorrect.push(`${split} ${question} → ${answer.slice(0, 30)}…`);
    }
    // "verbose" is reported, not held to the bar: it measures how much chatty padding costs.
    for (const split of splits.filter((name) => name !== "verbose")) {
      const [accepted, all] = figures.accepted[split];
      expect(accepted! / all!, `${split}: ${accepted}/${all}`).toBeGreaterThanOrEqual(2 / 3);
    }
  });
});
