import type { Logger } from "pino";
import type { Config } from "../config/schema.js";
import type { Clock } from "../ports/clock.js";
import type { Storage } from "../ports/storage/index.js";
import { PlaygroundAdapter } from "./playground/adapter.js";
import type { PlatformAdapter } from "./types.js";
import type { WechatPuppet } from "./wechat/adapter.js";

export interface PlatformOptions {
  config: Config;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  setRole: (user: string, role: "leader" | "volunteer") => Promise<void>;
  /** Tests: a wechaty puppet instance (wechaty-puppet-mock) turns WeChat on like WECHATY_PUPPET; `print` receives the login QR code. */
  wechat?: { puppet?: WechatPuppet; print?: (text: string) => void };
  /** Tests: short reconnect back-off and heartbeat for the WeCom SDK. */
  wecom?: { reconnectBaseMs?: number; heartbeatMs?: number; connectWaitMs?: number };
}

/** The platforms the config turns on. The playground is there unless switched off. */
export async function createPlatforms(options: PlatformOptions): Promise<PlatformAdapter[]> {
  const { config } = options;
  const platforms: PlatformAdapter[] = [];
  // Loaded only when asked for: wechaty is large.
  const wechat = config.wechat.puppet || options.wechat?.puppet ? (await import("./wechat/index.js")).createWechatAdapter({ ...options, ...options.wechat }) : undefined;
  if (config.server.playground) {
    const status = wechat ? () => ({ wechat: wechat.status() }) : undefined;
    platforms.push(new PlaygroundAdapter({ storage: options.storage, clock: options.clock, botName: config.bot.name, setRole: options.setRole, status, perSecond: config.playground.perSecond ?? undefined }));
  }
  if (config.telegram.token) platforms.push(new (await import("./telegram/adapter.js")).TelegramAdapter({ config, logger: options.logger, clock: options.clock, storage: options.storage }));
  if (wechat) platforms.push(wechat);
  // Either WeCom credential turns it on; the factory names the one that is missing.
  if (config.wecom.botId || config.wecom.secret) platforms.push((await import("./wecom/index.js")).createWecomAdapter({ ...options, ...options.wecom }));
  return platforms;
}
