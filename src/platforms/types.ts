import type { HttpRoute } from "../core/http.js";
import type { IncomingMessage, Platform, Reply } from "../core/message.js";
import type { Sender } from "../core/outbox.js";
import type { PacingRules } from "../core/pacing.js";

/** What the core offers a platform adapter. */
export interface MessageSink {
  /** Handles one neutral message; resolves with the replies sent in answer to it. */
  handle(message: IncomingMessage): Promise<Reply[]>;
  /** A chat changed its id (Telegram group → supergroup): move its data. */
  rekeyChat(from: string, to: string): Promise<void>;
  /** The platform says the bot is gone from this chat. */
  markInactive(chat: string): Promise<void>;
  /** The commands features answer, described in `locale` (for a platform's command menu). */
  commands?(locale: "zh-CN" | "en"): PlatformCommand[];
}

export interface PlatformCommand {
  name: string;
  description: string;
  chats: "group" | "private" | "any";
  staffOnly: boolean;
}

export interface PlatformHealth {
  platform: Platform;
  state: "starting" | "running" | "waiting-for-login" | "logged-out" | "stopped" | "error";
  detail?: string;
  /** WeChat: the login QR code payload while waiting for a scan. */
  qrCode?: string;
}

export type { HttpRoute } from "../core/http.js";

/** A chat platform: turns its SDK's events into neutral messages and delivers replies. */
export interface PlatformAdapter {
  platform: Platform;
  sender: Sender;
  pacing: PacingRules;
  routes?: HttpRoute[];
  start(sink: MessageSink): Promise<void>;
  stop(): Promise<void>;
  health(): PlatformHealth;
}
