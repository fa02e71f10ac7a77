import type { Logger } from "pino";
import type { Config } from "../../config/schema.js";
import { loadTexts } from "../../core/i18n.js";
import { projectPath } from "../../core/paths.js";
import type { Clock } from "../../ports/clock.js";
import { WechatAdapter, type WechatPuppet } from "./adapter.js";

export { WechatAdapter, type WechatPuppet } from "./adapter.js";

/**
 * The WeChat adapter as config describes it: the puppet named by WECHATY_PUPPET with its token,
 * or an injected puppet instance. A named puppet keeps its login session in
 * data/wechat.memory-card.json, so a restart may log in again without a new scan.
 */
export function createWechatAdapter(options: { config: Config; logger: Logger; clock: Clock; puppet?: WechatPuppet; print?: (text: string) => void }): WechatAdapter {
  const { config } = options;
  return new WechatAdapter({
    botName: config.bot.name,
    pacing: config.wechat.pacing,
    logger: options.logger,
    clock: options.clock,
    texts: loadTexts(projectPath("config/locales")),
    puppet: config.wechat.puppet ?? undefined,
    puppetToken: config.wechat.puppetToken ?? undefined,
    puppetInstance: options.puppet,
    sessionName: options.puppet ? undefined : "data/wechat",
    print: options.print,
  });
}
