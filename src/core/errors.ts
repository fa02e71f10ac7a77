/**
 * A problem the user can fix: it carries a locale key and becomes a polite reply.
 * Anything else that a feature throws is logged and answered with a short apology.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "UserError";
  }
}

/** A wrong configuration value: start-up stops with the key and the reason. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`配置错误 / invalid configuration: ${key}: ${reason}`);
    this.name = "ConfigError";
  }
}

/** A platform refused or failed to deliver a message. */
export class DeliveryError extends Error {
  constructor(
    /** rate-limited: wait and retry; blocked: the bot left the chat; rejected: this message can never go (retrying is useless); failed: may work later. */
    readonly kind: "rate-limited" | "blocked" | "rejected" | "failed",
    message: string,
    /** Seconds to wait before trying again (from a 429's retry_after). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
