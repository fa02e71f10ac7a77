import { createHash } from "node:crypto";
import { webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { httpError, type HttpResponse, type HttpRoute } from "../../core/http.js";

export const webhookPath = "/telegram/webhook";

/**
 * The secret Telegram must send in X-Telegram-Bot-Api-Secret-Token. Without a configured one it is
 * derived from the token, so every instance behind a load balancer agrees on it and the webhook
 * is never open to anyone who guesses the URL.
 */
export function webhookSecret(configured: string | null, token: string): string {
  return configured ?? createHash("sha256").update(`incubot-telegram-webhook:${token}`).digest("base64url");
}

/**
 * POST /telegram/webhook. The HTTP server has already read the body, so grammY's "callback"
 * adapter is fed the parsed update; grammY compares the secret and answers 401 itself.
 */
export function webhookRoute(options: { bot: Bot; secret: string; ready: () => boolean; logger: Logger }): HttpRoute {
  const callback = webhookCallback(options.bot, "callback", {
    secretToken: options.secret,
    // A slow answer (LLM) must not make Telegram resend: answer 200, keep working.
    onTimeout: "return",
    timeoutMilliseconds: 50_000,
  });
  return {
    method: "POST",
    path: webhookPath,
    async handle(request) {
      if (!options.ready()) return httpError(request, 503, "notStarted");
      const header = request.headers["x-telegram-bot-api-secret-token"];
      let answer: HttpResponse | undefined;
      try {
        await callback(
          parse(request.body) as unknown as Update,
          (json: string) => void (answer ??= { status: 200, body: json, headers: { "content-type": "application/json" } }),
          Array.isArray(header) ? header[0] : header,
          () => void (answer = { status: 401, body: "secret token is wrong", headers: { "content-type": "text/plain" } }),
        );
      } catch (error) {
        if (answer) return answer;
        const malformed = error instanceof SyntaxError;
        if (!malformed) options.logger.error({ err: error }, "telegram webhook update failed");
        return httpError(request, malformed ? 400 : 500, malformed ? "badWebhookJson" : "webhookFailed");
      }
      return answer ?? { status: 200 };
    },
  };
}

/** A rejected promise for a bad body, so grammY still checks the secret first (401 before 400). */
function parse(body: Buffer): Promise<unknown> {
  const parsed = new Promise<unknown>((resolve) => resolve(JSON.parse(body.toString("utf8"))));
  parsed.catch(() => undefined);
  return parsed;
}
