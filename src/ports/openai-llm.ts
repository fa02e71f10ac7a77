import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { z } from "zod";
import type { ChatTurn, Llm } from "./llm.js";

export interface OpenAiLlmOptions {
  /** An OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1 or http://127.0.0.1:11434/v1. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Per request; a chat answer that takes longer falls back to retrieval anyway. */
  timeoutMs: number;
  /** Retries of 429/5xx/network errors; kept small so a user is never left waiting. */
  maxRetries?: number;
}

/**
 * The LLM port over the openai package: chat completions for text, `chat.completions.parse`
 * with a zod response format for structured output. Works with any OpenAI-compatible server.
 */
export function createOpenAiLlm(options: OpenAiLlmOptions): Llm {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, timeout: options.timeoutMs, maxRetries: options.maxRetries ?? 1 });
  const requestOptions = (timeoutMs?: number) => ({ timeout: timeoutMs ?? options.timeoutMs });
  return {
    model: options.model,
    async complete({ messages, timeoutMs }) {
      const completion = await client.chat.completions.create({ model: options.model, messages: toMessages(messages), temperature: 0.2 }, requestOptions(timeoutMs));
      const content = completion.choices[0]?.message?.content?.trim();
      if (!content) throw new Error(`LLM ${options.model} returned an empty answer`);
      return content;
    },
    async completeJson<T>({ messages, schema, schemaName, timeoutMs }: { messages: ChatTurn[]; schema: z.ZodType<T>; schemaName: string; timeoutMs?: number }) {
      // zodResponseFormat wants a zod object type; the port keeps the looser z.ZodType<T> contract.
      const format = zodResponseFormat(schema as unknown as z.ZodObject, schemaName);
      const completion = await client.chat.completions.parse({ model: options.model, messages: toMessages(messages), response_format: format, temperature: 0 }, requestOptions(timeoutMs));
      const message = completion.choices[0]?.message;
      if (message?.refusal) throw new Error(`LLM ${options.model} refused: ${message.refusal}`);
      if (message?.parsed === null || message?.parsed === undefined) throw new Error(`LLM ${options.model} returned no ${schemaName}`);
      return schema.parse(message.parsed);
    },
  };
}

function toMessages(messages: ChatTurn[]): OpenAI.Chat.Completions.ChatCompletionMessageParam[] {
  return messages.map((message) => ({ role: message.role, content: message.content }));
}
