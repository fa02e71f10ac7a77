import type { Translate } from "../../core/i18n.js";
import type { Reply } from "../../core/message.js";
import type { PacingRules } from "../../core/pacing.js";

/** WeChat's pacing settings (config.wechat.pacing). */
export interface WechatPacing {
  perChatIntervalSeconds: number;
  overallPerMinute: number;
}

/**
 * One message per `perChatIntervalSeconds` in any chat, group or private, and
 * `overallPerMinute` in all: personal accounts that post fast get restricted.
 */
export function wechatPacingRules(pacing: WechatPacing): PacingRules {
  const perChat = [{ limit: 1, windowMs: Math.round(pacing.perChatIntervalSeconds * 1000) }];
  const perMinute = Math.max(1, Math.floor(pacing.overallPerMinute));
  return {
    // The per-minute budget is spread evenly: a burst of 40 at once looks like a spam bot.
    overall: [
      { limit: perMinute, windowMs: 60_000 },
      { limit: 1, windowMs: Math.floor(60_000 / perMinute) },
    ],
    perGroup: perChat,
    perPrivate: perChat,
  };
}

/** The text WeChat gets: the reply, then one "回复“…”" line per button (WeChat has no buttons). */
export function renderWechatText(reply: Pick<Reply, "text" | "buttons">, t: Translate): string {
  const lines = (reply.buttons ?? []).map((button) =>
    button.data.trim() === button.text.trim() ? t("wechat.buttonSame", { data: button.data }) : t("wechat.button", { data: button.data, text: button.text }),
  );
  return [reply.text, ...lines].filter((line) => line !== "").join("\n");
}
