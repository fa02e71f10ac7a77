import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake server received. */
export interface FakeOpenAiRequest {
  method: string;
  /** e.g. /v1/chat/completions */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (model, messages, response_format …). */
  body: { model?: string; messages?: Array<{ role: string; content: string }>; [key: string]: unknown };
  /** body.messages, for convenience. */
  messages: Array<{ role: string; content: string }>;
}

/**
 * What the script answers: a string becomes the assistant message content of a normal chat
 * completion (for structured output, return the JSON text); `{ status, body }` is sent as is
 * (e.g. `{ status: 429, body: { error: { message: "slow down" } } }`). Return a promise that
 * settles late to simulate a slow model.
 */
export type FakeOpenAiAnswer = string | { status: number; body: unknown };

export interface FakeOpenAi {
  /** Base URL to give the client, ending in /v1 (e.g. http://127.0.0.1:41234/v1). */
  url: string;
  /** Every request so far, in order. */
  requests: FakeOpenAiRequest[];
  close(): Promise<void>;
}

/**
 * A loopback OpenAI-compatible server speaking POST /v1/chat/completions, for tests:
 *
 * ```ts
 * const fake = await startFakeOpenAi((request) => `echo: ${request.messages.at(-1)?.content}`);
 * const llm = createOpenAiLlm({ baseUrl: fake.url, apiKey: "test", model: "fake", timeoutMs: 2000 });
 * …
 * expect(fake.requests).toHaveLength(1);
 * await fake.close();
 * ```
 */
export async function startFakeOpenAi(respond: (request: FakeOpenAiRequest) => FakeOpenAiAnswer | Promise<FakeOpenAiAnswer>): Promise<FakeOpenAi> {
  const requests: FakeOpenAiRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const send = (status: number, body: unknown) => {
        if (outgoing.destroyed) return;
        outgoing.writeHead(status, { "content-type": "application/json" });
        outgoing.end(JSON.stringify(body));
      };
      let body: FakeOpenAiRequest["body"] = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeOpenAiRequest["body"]) : {};
      } catch {
        return send(400, { error: { message: "body is not JSON", type: "invalid_request_error" } });
      }
      const path = (incoming.url ?? "/").split("?")[0]!;
      if (incoming.method !== "POST" || !path.endsWith("/chat/completions")) return send(404, { error: { message: `no route ${incoming.method} ${path}` } });
      const request: FakeOpenAiRequest = { method: incoming.method, path, headers: incoming.headers, body, messages: body.messages ?? [] };
      requests.push(request);
      let answer: FakeOpenAiAnswer;
      try {
        answer = await respond(request);
      } catch (error) {
        return send(500, { error: { message: (error as Error).message, type: "server_error" } });
      }
      if (typeof answer !== "string") return send(answer.status, answer.body);
      send(200, {
        id: `chatcmpl-fake-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? "fake",
        choices: [{ index: 0, message: { role: "assistant", content: answer, refusal: null }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
