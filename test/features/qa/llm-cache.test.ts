import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/features/qa/article.js";
import { createLlmWriter, type CachedAnswer, type LlmWriter, type LlmWriterOptions } from "../../../src/features/qa/llm-answer.js";
import { loadGuardRules, type GuardRules } from "../../../src/features/qa/llm-guard.js";
import { createOpenAiLlm } from "../../../src/ports/openai-llm.js";
import { openMemoryStorage, type KeyValue } from "../../../src/ports/storage/index.js";
import { startFakeOpenAi, type FakeOpenAi } from "../../support/fake-openai.js";
import { fixtureArticles, park } from "./helpers.js";

/**
 * The LLM answer cache: only answers that passed the checks are kept, by question, sources,
 * knowledge version and rules; an entry is checked again before it is served, and the cache is
 * bounded in age and size. One bad answer must never be served twice.
 */

const sections = parseArticle("shetuan-conditions.md", "shetuan-conditions", fixtureArticles["shetuan-conditions.md"]!, Object.fromEntries(Object.entries(park).map(([key, value]) => [`park.${key}`, value])));
const membership = [sections[0]!];
const good = "依据《社会团体登记管理条例》第十条，个人会员要50个以上，或者单位会员30个以上。";
const poisoned = "依据《社会团体登记管理条例》第十条，个人会员要50个以上。详见 https://shetuan.example.cn";

let fake: FakeOpenAi;
let modelSays = good;
let cache: KeyValue<CachedAnswer>;
let clock = 0;
let knowledgeVersion = "kb-1";

beforeEach(async () => {
  modelSays = good;
  clock = 1_000_000;
  knowledgeVersion = "kb-1";
  cache = openMemoryStorage().namespace<CachedAnswer>("qa-llm-cache");
  fake = await startFakeOpenAi(() => modelSays);
});

afterEach(async () => {
  await fake.close();
});

function writer(options: Partial<LlmWriterOptions> = {}): LlmWriter {
  return createLlmWriter({
    llm: createOpenAiLlm({ baseUrl: fake.url, apiKey: "sk-test-cache", model: "fake-model", timeoutMs: 2000, maxRetries: 0 }),
    cache,
    cacheMs: 3_600_000,
    systemPrompt: readFileSync("prompts/qa-system.md", "utf8"),
    userPrompt: readFileSync("prompts/qa-user.md", "utf8"),
    timeoutMs: 2000,
    knowledgeVersion: () => knowledgeVersion,
    now: () => clock,
    ...options,
  });
}

const ask = (target: LlmWriter, question = "成立社团最少要多少会员？") => target.write({ question, sections: membership, english: false });

async function stored(): Promise<number> {
  let count = 0;
  for await (const _ of cache.entries()) count++;
  return count;
}

describe("the LLM answer cache", () => {
  it("serves a checked answer again without asking the model", async () => {
    const bot = writer();
    expect((await ask(bot))?.body).toBe(good);
    expect((await ask(bot))?.body).toBe(good);
    expect(fake.requests).toHaveLength(1);
  });

  it("keeps no refused answer: the same question asks the model again, and never gets the poison", async () => {
    modelSays = poisoned;
    const bot = writer();
    expect(await ask(bot)).toBeUndefined();
    expect(await stored()).toBe(0);
    modelSays = good;
    expect((await ask(bot))?.body).toBe(good);
    expect(fake.requests).toHaveLength(2);
  });

  it("asks again when the knowledge base changes", async () => {
    const bot = writer();
    await ask(bot);
    knowledgeVersion = "kb-2";
    await ask(bot);
    expect(fake.requests).toHaveLength(2);
  });

  it("checks a stored answer again and drops it when today's checks refuse it", async () => {
    const strict = loadGuardRules();
    // Yesterday's looser checks, under the same rules version, let the poisoned answer in.
    const loose: GuardRules = { ...strict, never: [], unlessQuoted: [], thresholds: { ...strict.thresholds, sentence: 0, clause: 0 } };
    modelSays = poisoned;
    expect((await ask(writer({ rules: loose })))?.body).toBe(poisoned);
    modelSays = good;
    expect((await ask(writer({ rules: strict })))?.body).toBe(good);
    expect(fake.requests).toHaveLength(2);
  });

  it("does not serve an answer older than cacheMs", async () => {
    const bot = writer({ cacheMs: 60_000 });
    await ask(bot);
    clock += 60_001;
    await ask(bot);
    expect(fake.requests).toHaveLength(2);
  });

  it("keeps at most maxCacheEntries answers, dropping the oldest", async () => {
    const bot = writer({ maxCacheEntries: 2 });
    for (const question of ["成立社团最少要多少会员？", "社团要多少个会员？", "协会最少几个会员？"]) {
      clock += 1000;
      await ask(bot, question);
    }
    expect(await stored()).toBe(2);
    await ask(bot, "协会最少几个会员？");
    expect(fake.requests).toHaveLength(3);
    await ask(bot, "成立社团最少要多少会员？");
    expect(fake.requests).toHaveLength(4);
  });

  it("caches nothing when cacheMs is 0", async () => {
    const bot = writer({ cacheMs: 0 });
    await ask(bot);
    await ask(bot);
    expect(fake.requests).toHaveLength(2);
    expect(await stored()).toBe(0);
  });
});
