import { GrammyError, HttpError } from "grammy";
import { DeliveryError } from "../../core/errors.js";

const gone = /bot was kicked|bot was blocked|chat not found|bot is not a member|user is deactivated|group chat was deleted|chat was deactivated/i;

/**
 * What the outbox should make of a failed Bot API call: 429 → wait `retry_after` and try again;
 * 403 or a chat that is gone → the bot is no longer there; 400 → rejected, not retried;
 * anything else → failed.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof GrammyError) {
    const text = `telegram ${error.method}: ${error.error_code} ${error.description}`;
    if (error.error_code === 429) return new DeliveryError("rate-limited", text, error.parameters.retry_after ?? 1);
    if (error.error_code === 403 || gone.test(error.description)) return new DeliveryError("blocked", text);
    // A 400 (bad entity, message too long …) fails the same way every time.
    if (error.error_code === 400 && !error.parameters.migrate_to_chat_id) return new DeliveryError("rejected", text);
    return new DeliveryError("failed", text);
  }
  if (error instanceof HttpError) return new DeliveryError("failed", `telegram network error: ${error.message}`);
  return new DeliveryError("failed", (error as Error)?.message ?? String(error));
}

/** The new id when Telegram says the group became a supergroup (400 with migrate_to_chat_id). */
export function migratedTo(error: unknown): number | undefined {
  return error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
}

/** Short text for logs and health: the API's own description when there is one. */
export function describe(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code ?? "?"} ${error.description ?? error.message}`;
  return (error as Error)?.message ?? String(error);
}
