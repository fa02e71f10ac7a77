import type { Logger } from "pino";
import type { Config } from "../../config/schema.js";
import { ChatDirectory } from "../../core/chats.js";
import { ConfigError } from "../../core/errors.js";
import { loadTexts } from "../../core/i18n.js";
import { projectPath } from "../../core/paths.js";
import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";
import { WecomAdapter, type WecomAdapterOptions } from "./adapter.js";
import { WebhookSender } from "./webhook.js";

export { WecomAdapter } from "./adapter.js";

/**
 * The WeCom smart bot as config describes it: WECOM_BOT_ID and WECOM_BOT_SECRET from the bot's
 * API-mode page in the admin console, WECOM_WS_URL only to point at another endpoint (tests).
 */
export function createWecomAdapter(options: { config: Config; logger: Logger; clock: Clock; storage: Storage } & Partial<Pick<WecomAdapterOptions, "reconnectBaseMs" | "heartbeatMs" | "connectWaitMs">>): WecomAdapter {
  const { config } = options;
  const { botId, secret, wsUrl, botName, pacing, replyWindowSeconds, webhooks, webhookUrl } = config.wecom;
  if (!botId) throw new ConfigError("WECOM_BOT_ID (wecom.botId)", "WECOM_BOT_SECRET is set but the smart bot's Bot ID is missing");
  if (!secret) throw new ConfigError("WECOM_BOT_SECRET (wecom.secret)", "WECOM_BOT_ID is set but the smart bot's Secret is missing");
  return new WecomAdapter({
    botId,
    secret,
    wsUrl: wsUrl ?? undefined,
    botNames: [botName ?? "", config.bot.name],
    welcome: { park: config.park.name, bot: botName ?? config.bot.name },
    pacing,
    replyWindowSeconds,
    logger: options.logger,
    clock: options.clock,
    texts: loadTexts(projectPath("config/locales")),
    reconnectBaseMs: options.reconnectBaseMs,
    heartbeatMs: options.heartbeatMs,
    connectWaitMs: options.connectWaitMs,
    ...(webhooks.length > 0 ? { webhooks: new WebhookSender(webhooks, webhookUrl), chats: new ChatDirectory(options.storage) } : {}),
  });
}
