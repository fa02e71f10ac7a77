import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createOpenAiLlm } from "../../../src/ports/openai-llm.js";
import { startFakeOpenAi, type FakeOpenAi } from "../../support/fake-openai.js";

let fake: FakeOpenAi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("createOpenAiLlm (against the fake server)", () => {
  it("completes text and sends model, messages and the key as a bearer token", async () => {
    fake = await startFakeOpenAi((request) => `你好，${request.messages.at(-1)?.content}`);
    const llm = createOpenAiLlm({ baseUrl: fake.url, apiKey: "sk-test", model: "qwen-test", timeoutMs: 2000 });
    await expect(llm.complete({ messages: [{ role: "user", content: "世界" }] })).resolves.toBe("你好，世界");
    expect(llm.model).toBe("qwen-test");
    expect(fake.requests[0]!.path).toBe("/v1/chat/completions");
    expect(fake.requests[0]!.body.model).toBe("qwen-test");
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer sk-test");
  });

  it("parses structured output with a zod schema (response_format json_schema)", async () => {
    fake = await startFakeOpenAi(() => JSON.stringify({ title: "包饺子", people: 12, place: null }));
    const llm = createOpenAiLlm({ baseUrl: fake.url, apiKey: "sk-test", model: "m", timeoutMs: 2000 });
    const schema = z.object({ title: z.string(), people: z.number().nullable(), place: z.string().nullable() });
    await expect(llm.completeJson({ messages: [{ role: "user", content: "报个活动" }], schema, schemaName: "report" })).resolves.toEqual({ title: "包饺子", people: 12, place: null });
    const format = fake.requests[0]!.body.response_format as { type: string; json_schema: { name: string } };
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.name).toBe("report");
  });

  it("rejects an empty answer, an HTTP error and a timeout", async () => {
    let answer: () => Promise<string | { status: number; body: unknown }> = async () => "";
    fake = await startFakeOpenAi(() => answer());
    const llm = createOpenAiLlm({ baseUrl: fake.url, apiKey: "sk-test", model: "m", timeoutMs: 300, maxRetries: 0 });
    await expect(llm.complete({ messages: [{ role: "user", content: "?" }] })).rejects.toThrow(/empty/);
    answer = async () => ({ status: 401, body: { error: { message: "bad key", type: "invalid_request_error" } } });
    await expect(llm.complete({ messages: [{ role: "user", content: "?" }] })).rejects.toThrow();
    answer = () => new Promise((resolve) => setTimeout(() => resolve("late"), 1500));
    const started = Date.now();
    await expect(llm.complete({ messages: [{ role: "user", content: "?" }] })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it("retries a 429 at most maxRetries times", async () => {
    fake = await startFakeOpenAi(() => ({ status: 429, body: { error: { message: "slow down" } } }));
    const llm = createOpenAiLlm({ baseUrl: fake.url, apiKey: "sk-test", model: "m", timeoutMs: 2000, maxRetries: 1 });
    await expect(llm.complete({ messages: [{ role: "user", content: "?" }] })).rejects.toThrow();
    expect(fake.requests).toHaveLength(2);
  });
});
