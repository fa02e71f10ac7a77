import { createHash } from "node:crypto";
import { webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { sendJson } from "../http.js";
import type { HttpRoute } from "../types.js";

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
    async handle(request, response, _params, body) {
      if (!options.ready()) return sendJson(response, 503, { error: "机器人尚未启动 bot not started" });
      const header = request.headers["x-telegram-bot-api-secret-token"];
      const update = parse(body);
      let refused = false;
      try {
        await callback(
          update as unknown as Update,
          (json: string) => void response.writeHead(200, { "content-type": "application/json" }).end(json),
          Array.isArray(header) ? header[0] : header,
          () => {
            refused = true;
            response.writeHead(401, { "content-type": "text/plain" }).end("secret token is wrong");
          },
        );
      } catch (error) {
        if (refused || response.headersSent) return;
        const malformed = error instanceof SyntaxError;
        if (!malformed) options.logger.error({ err: error }, "telegram webhook update failed");
        return sendJson(response, malformed ? 400 : 500, { error: malformed ? "invalid JSON" : "update failed" });
      }
      if (!response.headersSent) response.writeHead(200).end();
    },
  };
}

/** A rejected promise for a bad body, so grammY still checks the secret first (401 before 400). */
function parse(body: Buffer): Promise<unknown> {
  const parsed = new Promise<unknown>((resolve) => resolve(JSON.parse(body.toString("utf8"))));
  parsed.catch(() => undefined);
  return parsed;
}
