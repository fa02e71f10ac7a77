import type { z } from "zod";

/** One message of a chat-completion request. */
export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

/**
 * The optional language model. Everything in incubot works without one; features receive
 * `llm: Llm | undefined` and fall back to their rule-based path when it is absent or fails.
 */
export interface Llm {
  readonly model: string;
  /** Free text completion. Rejects on timeout, HTTP error or empty answer. */
  complete(request: { messages: ChatTurn[]; timeoutMs?: number }): Promise<string>;
  /** Structured output checked against a zod schema (use `.nullable()`, never `.optional()`). */
  completeJson<T>(request: {
    messages: ChatTurn[];
    schema: z.ZodType<T>;
    schemaName: string;
    timeoutMs?: number;
  }): Promise<T>;
}
