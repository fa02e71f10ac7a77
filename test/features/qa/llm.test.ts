import { afterEach, describe, expect, it } from "vitest";
import { createQaFeature, type QaFeature } from "../../../src/features/qa/index.js";
import { check } from "../../../src/features/qa/llm-answer.js";
import { createOpenAiLlm } from "../../../src/ports/openai-llm.js";
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiAnswer, type FakeOpenAiRequest } from "../../support/fake-openai.js";
import { qaHarness, turnFor, type QaHarness } from "./helpers.js";

export const apiKey = "sk-test-SECRET-0123456789";
let fake: FakeOpenAi | undefined;
let harness: QaHarness | undefined;

afterEach(async () => {
  await fake?.close();
  harness?.cleanup();
  fake = harness = undefined;
});

async function setUp(respond: (request: FakeOpenAiRequest) => FakeOpenAiAnswer | Promise<FakeOpenAiAnswer>, timeoutMs = 2000): Promise<QaFeature> {
  fake = await startFakeOpenAi(respond);
  const llm = createOpenAiLlm({ baseUrl: fake.url, apiKey, model: "fake-model", timeoutMs, maxRetries: 0 });
  harness = qaHarness({ llm, config: { llm: { apiKey, timeoutMs } } });
  return createQaFeature(harness.context);
}

async function ask(feature: QaFeature, question: string): Promise<string> {
  const outcome = await feature.handle(turnFor(feature, harness!.context.texts, question, { mentionsBot: true }));
  return outcome!.replies[0]!.text;
}

describe("qa with an LLM", () => {
  it("labels a checked LLM answer and sends the sources between per-request delimiters", async () => {
    const feature = await setUp(() => "成立社团需要个人会员50个以上，或单位会员30个以上。依据《社会团体登记管理条例》第十条。");
    const text = await ask(feature, "成立社团最少要多少会员？");
    expect(text).toMatch(/^【AI生成，仅供参考】\n成立社团需要个人会员50个以上/);
    expect(text).toContain("来源：《社会团体登记管理条例》第十条第一项 · 成立社团的条件");
    const user = fake!.requests[0]!.messages.find((message) => message.role === "user")!.content;
    const delimiters = [...user.matchAll(/<<<DATA-([0-9a-f]{16})>>>/g)].map((match) => match[1]);
    expect(delimiters.length).toBeGreaterThanOrEqual(2);
    expect(new Set(delimiters).size).toBe(1);
    expect(user).toContain(`<<<END-${delimiters[0]}>>>`);
    expect(user).toContain("个人会员50个以上");
    expect(fake!.requests[0]!.messages[0]!.role).toBe("system");
  });

  it("uses different delimiters for each request", async () => {
    const feature = await setUp(() => "依据《社会团体登记管理条例》第十条，个人会员50个以上。");
    await ask(feature, "成立社团最少要多少会员？");
    await ask(feature, "区级协会要多少活动资金？");
    const nonce = (index: number) => /<<<DATA-([0-9a-f]+)>>>/.exec(fake!.requests[index]!.messages[1]!.content)![1];
    expect(nonce(0)).not.toBe(nonce(1));
  });

  it("falls back to the retrieval answer when the reply cites no retrieved source", async () => {
    const feature = await setUp(() => "需要个人会员50个以上。");
    const text = await ask(feature, "成立社团最少要多少会员？");
    expect(text).not.toContain("【AI生成");
    expect(text).toMatch(/^个人会员50个以上/);
  });

  it("falls back when the reply states a figure the sources lack", async () => {
    const feature = await setUp(() => "依据《社会团体登记管理条例》第十条，需要80个会员。");
    expect(await ask(feature, "成立社团最少要多少会员？")).not.toContain("80");
  });

  it("falls back when the reply cites a law that was not retrieved", async () => {
    const feature = await setUp(() => "依据《慈善法》第十条，个人会员50个以上。");
    expect(await ask(feature, "成立社团最少要多少会员？")).not.toContain("慈善法");
  });

  it("falls back to the retrieval answer when the LLM is slower than llm.timeoutMs", async () => {
    const feature = await setUp(() => new Promise((resolve) => setTimeout(() => resolve("依据《社会团体登记管理条例》第十条，50个。"), 1500)), 200);
    const started = Date.now();
    const text = await ask(feature, "成立社团最少要多少会员？");
    expect(Date.now() - started).toBeLessThan(1200);
    expect(text).toMatch(/^个人会员50个以上/);
  });

  it("falls back when the LLM answers with an HTTP error", async () => {
    const feature = await setUp(() => ({ status: 500, body: { error: { message: "boom" } } }));
    expect(await ask(feature, "成立社团最少要多少会员？")).toMatch(/^个人会员50个以上/);
  });

  it("serves a repeated question from the cache without a second LLM call", async () => {
    const feature = await setUp(() => "依据《社会团体登记管理条例》第十条，个人会员50个以上。");
    const first = await ask(feature, "成立社团最少要多少会员？");
    const second = await ask(feature, "成立社团最少要多少会员？");
    expect(second).toBe(first);
    expect(fake!.requests).toHaveLength(1);
  });

  it("never calls the LLM for out-of-scope or unanswerable questions", async () => {
    const feature = await setUp(() => "依据《社会团体登记管理条例》第十条。");
    await ask(feature, "明天哈尔滨下雪不？");
    await ask(feature, "社会组织可以发行债券吗？");
    expect(fake!.requests).toHaveLength(0);
  });

  it("adds the caution sentence to LLM answers from caution articles", async () => {
    const feature = await setUp(() => "依据《社会团体登记管理条例》第二十八条，3月31日前报业务主管单位，5月31日前报登记机关。");
    expect(await ask(feature, "年检材料什么时候交？")).toContain("以登记机关最新要求为准");
  });
});

describe("check", () => {
  const section = {
    id: "a#1", documentId: "a", title: "成立社团的条件", heading: "会员？", body: "个人会员50个以上。", cite: "《社会团体登记管理条例》第十条",
    caution: false, kind: "article" as const, aliases: [],
  };
  const context = { sections: [section], system: "你是社会组织创新园的问答助手，只回答社会组织登记、治理问题。", secrets: ["canary123"] };

  it("accepts a cited answer with known figures", () => {
    expect(check("依据《社会团体登记管理条例》第十条，个人会员五十个以上。", context)).toEqual({ body: "依据《社会团体登记管理条例》第十条，个人会员五十个以上。", cited: ["a#1"] });
  });

  it("rejects echoes of the prompt, secrets, delimiters and over-long answers", () => {
    expect(check("你是社会组织创新园的问答助手，只回答社会组织登记、治理问题。《社会团体登记管理条例》", context)).toBeUndefined();
    expect(check("canary123《社会团体登记管理条例》第十条", context)).toBeUndefined();
    expect(check("<<<DATA-abc>>>《社会团体登记管理条例》第十条", context)).toBeUndefined();
    expect(check(`《社会团体登记管理条例》第十条${"个人会员50个以上。".repeat(50)}`, context)).toBeUndefined();
  });
});
