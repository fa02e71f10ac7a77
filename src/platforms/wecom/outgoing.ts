import { DeliveryError } from "../../core/errors.js";
import type { Translate } from "../../core/i18n.js";
import type { Reply } from "../../core/message.js";
import type { PacingRules } from "../../core/pacing.js";
import { wechatPacingRules } from "../wechat/outgoing.js";

/** WeCom's pacing settings (config.wecom.pacing). */
export interface WecomPacing {
  perChatPerMinute: number;
  overallPerMinute: number;
}

/**
 * Longest text of one message. A stream reply may carry 20480 bytes (SDK docs); no limit is
 * published for a proactive markdown message, so parts stay under the 4096 bytes of WeCom's
 * group-robot markdown: 1300 Chinese characters are about 3900 bytes in UTF-8.
 */
export const maxTextLength = 1300;
export const maxStreamBytes = 20_480;

/**
 * `perChatPerMinute` in any chat and `overallPerMinute` in all, each spread over the minute: the
 * same shape as WeChat's (one message per interval in a chat), so one rule serves both.
 */
export function wecomPacingRules(pacing: WecomPacing): PacingRules {
  return wechatPacingRules({ perChatIntervalSeconds: 60 / Math.max(1, pacing.perChatPerMinute), overallPerMinute: pacing.overallPerMinute });
}

/**
 * The markdown WeCom gets: `@name` before the text when the reply mentions someone, and one
 * "回复“…”" line per button (WeCom has no buttons on these messages). In a group the bot hears only
 * @-mentions, so there the line says to write `@<bot> …`.
 */
export function renderWecomText(reply: Pick<Reply, "text" | "buttons" | "mention">, t: Translate, group?: { bot: string }): string {
  const texts = group ? "wecom" : "wechat";
  const lines = (reply.buttons ?? []).map((button) =>
    t(button.data.trim() === button.text.trim() ? `${texts}.buttonSame` : `${texts}.button`, { data: button.data, text: button.text, bot: group?.bot }),
  );
  const text = [reply.text, ...lines].filter((line) => line !== "").join("\n");
  return reply.mention ? `@${reply.mention.name} ${text}` : text;
}

/** An ack frame WeCom answered with a non-zero errcode (the SDK rejects with the frame itself). */
export interface WecomAck {
  errcode?: number;
  errmsg?: string;
}

/** WeCom's general "api freq out of limit" (its server APIs'; not verified for the long connection). */
const rateLimited = 45009;

/**
 * What the outbox should make of a failed send: WeCom's rate limit → wait and retry; the
 * connection is down or the ack did not come → failed (retried later); any other errcode → failed
 * with WeCom's own words. None is taken as "the bot left the chat": no errcode for that is known.
 */
export function toDeliveryError(error: unknown, what: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (isAck(error)) {
    const text = `WeCom ${what}: errcode ${error.errcode} ${error.errmsg ?? ""}`.trim();
    if (error.errcode === rateLimited) return new DeliveryError("rate-limited", text, 60);
    return new DeliveryError("failed", text);
  }
  return new DeliveryError("failed", `WeCom ${what}: ${(error as Error)?.message ?? String(error)}`);
}

/**
 * A req_id that WeCom no longer takes (expired, or its stream already closed): send anew instead.
 * The codes are the ones other WeCom adapters handle ("invalid req_id", "stream message update
 * expired"); WeCom's pages we could read do not list them.
 */
export function replyWindowClosed(error: unknown): boolean {
  if (!isAck(error)) return false;
  return error.errcode === 846605 || error.errcode === 846608 || /invalid req_id|expired/i.test(error.errmsg ?? "");
}

function isAck(error: unknown): error is WecomAck & { errcode: number } {
  return typeof error === "object" && error !== null && !(error instanceof Error) && typeof (error as WecomAck).errcode === "number";
}

/** UTF-8 length: WeCom's limits are in bytes. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
