import type { Logger } from "pino";
import { DeliveryError } from "../../core/errors.js";
import type { PlatformHealth } from "../types.js";

/** The SDK client's connection events, as this watcher listens to them. */
export interface ConnectionEvents {
  on(event: "authenticated", listener: () => void): unknown;
  on(event: "disconnected", listener: (reason: string) => void): unknown;
  on(event: "reconnecting", listener: (attempt: number) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

const secretKeys = "WECOM_BOT_SECRET (wecom.secret) / WECOM_BOT_ID (wecom.botId)";

/**
 * The long connection as /healthz and senders see it: starting → running; a drop goes back to
 * starting with the reason while the SDK reconnects; a refused secret or a take-over by another
 * connection is an error that names what to check.
 */
export class ConnectionWatch {
  private state: PlatformHealth["state"] = "stopped";
  private detail?: string;
  private authenticated = false;
  private stopping = false;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly logger: Logger) {}

  listen(client: ConnectionEvents): void {
    client.on("authenticated", () => {
      if (this.state === "error") this.logger.info({ platform: "wecom" }, "WeCom connection restored");
      this.authenticated = true;
      this.set("running");
      for (const wake of [...this.waiters]) wake();
    });
    client.on("disconnected", (reason) => {
      this.authenticated = false;
      if (this.stopping) return;
      if (this.state === "running") this.logger.warn({ platform: "wecom", reason }, "WeCom connection lost, reconnecting");
      // The SDK does not reconnect then: another process took the bot over.
      if (/new connection/i.test(reason)) return this.fail(`another connection took over this bot (two instances with the same WECOM_BOT_ID?): ${reason}`);
      if (this.state !== "error") this.set("starting", `connection lost (${reason}), reconnecting`);
    });
    client.on("reconnecting", (attempt) => {
      if (this.state !== "error") this.set("starting", `reconnecting, attempt ${attempt}`);
    });
    client.on("error", (error) => this.onError(error));
  }

  health(): PlatformHealth {
    return { platform: "wecom", state: this.state, ...(this.detail ? { detail: this.detail } : {}) };
  }

  starting(): void {
    this.stopping = false;
    this.set("starting");
  }

  stopped(): void {
    this.stopping = true;
    this.authenticated = false;
    this.set("stopped");
    // Sends waiting for a reconnect give up now rather than hold the shutdown.
    for (const wake of [...this.waiters]) wake();
  }

  /** A send during a reconnect waits for the connection instead of failing at once. */
  async connected(waitMs: number): Promise<void> {
    if (this.authenticated) return;
    if (this.stopping) throw new DeliveryError("failed", "WeCom adapter is stopped");
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      timer.unref();
      this.waiters.add(done);
    });
    if (!this.authenticated) throw new DeliveryError("failed", "WeCom is not connected");
  }

  private onError(error: Error): void {
    // The SDK's WSAuthFailureError: it stopped retrying a refused secret.
    if ((error as { code?: string }).code === "WS_AUTH_FAILURE_EXHAUSTED") return this.fail(`WeCom refused the bot id or secret too often and the bot gave up: check ${secretKeys}`);
    if (/^Authentication failed/.test(error.message)) return this.fail(`WeCom refused the bot id or secret (${error.message.replace(/^Authentication failed:\s*/, "")}): check ${secretKeys}`);
    // Network errors come with a close and a reconnect; the health detail says so.
    this.logger.warn({ platform: "wecom", err: error.message }, "WeCom connection error");
    if (this.state !== "running") this.detail = `cannot reach WeCom: ${error.message}`;
  }

  private set(state: PlatformHealth["state"], detail?: string): void {
    this.state = state;
    this.detail = detail;
  }

  private fail(detail: string): void {
    if (this.state !== "error" || this.detail !== detail) this.logger.error({ platform: "wecom", detail }, "WeCom platform error");
    this.set("error", detail);
  }
}
