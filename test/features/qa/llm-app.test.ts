import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../../support/fake-openai.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

/**
 * The whole bot as deployed with LLM_BASE_URL (config llm.baseUrl) pointing at a loopback
 * OpenAI-compatible server that poisons its answers to the membership question: the LLM client
 * is the one the app builds from config, the chat is the playground.
 */

const question = "成立社团最少要多少会员？";
const poisoned = (parse(readFileSync("test/features/qa/fixtures/llm-red-team.yaml", "utf8")) as Array<{ question: string; answer: string }>).filter((item) => item.question === question);
const correct = "根据《社会团体登记管理条例》第十条，成立社会团体需要有50个以上的个人会员，或者30个以上的单位会员。";

let fake: FakeOpenAi;
let modelSays = "";
let withLlm: TestBot;
let without: TestBot;

beforeAll(async () => {
  fake = await startFakeOpenAi(() => modelSays);
  withLlm = await startTestBot({ llm: undefined, config: { llm: { baseUrl: fake.url, model: "fake-model", apiKey: "sk-test-app", timeoutMs: 3000 }, qa: { cacheHours: 0 } } });
  without = await startTestBot();
});

afterAll(async () => {
  await withLlm.close();
  await without.close();
  await fake.close();
});

describe("the deployed bot with a poisoning LLM", () => {
  it(`answers ${poisoned.length} poisoned replies with the retrieval answer`, async () => {
    expect(poisoned.length).toBeGreaterThanOrEqual(30);
    const [expected] = await without.private("u1", "王会长").user("u1", "王会长").says(question);
    for (const item of poisoned) {
      modelSays = item.answer;
      const before = fake.requests.length;
      const replies = await withLlm.private("u1", "王会长").user("u1", "王会长").says(question);
      expect(fake.requests.length, item.answer).toBe(before + 1);
      expect(replies, item.answer).toEqual([expected]);
    }
  });

  it("uses a correct answer, labelled, with the source line", async () => {
    modelSays = correct;
    const [reply] = await withLlm.private("u2", "李秘书长").user("u2", "李秘书长").says(question);
    expect(reply).toMatch(/^【AI生成，仅供参考】\n根据《社会团体登记管理条例》第十条/);
    expect(reply).toMatch(/\n来源：/);
  });
});
