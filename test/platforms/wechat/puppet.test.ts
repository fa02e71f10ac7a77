import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { ConfigError } from "../../../src/core/errors.js";
import { silentLogger } from "../../../src/core/logging.js";
import { createPlatforms } from "../../../src/platforms/index.js";
import { WechatAdapter } from "../../../src/platforms/wechat/adapter.js";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";
import { fakeClock } from "../../support/clock.js";
import { wechatTexts } from "./texts.js";

const sink = { handle: async () => [], rekeyChat: async () => undefined, markInactive: async () => undefined };

function adapter(puppet: string, puppetToken?: string) {
  return new WechatAdapter({
    botName: "小园助手",
    pacing: { perChatIntervalSeconds: 3, overallPerMinute: 40 },
    logger: silentLogger(),
    clock: fakeClock(),
    texts: wechatTexts(),
    puppet,
    puppetToken,
    sessionName: join(mkdtempSync(join(tmpdir(), "incubot-wechat-")), "wechat"),
    print: () => undefined,
  });
}

describe("WeChat puppet from config", () => {
  it("loads the puppet named by WECHATY_PUPPET and hands it WECHATY_PUPPET_SERVICE_TOKEN", async () => {
    const wechat = adapter("wechaty-puppet-mock", "puppet_workpro_0123456789");
    await wechat.start(sink);
    try {
      expect(wechat.bot.puppet.constructor.name).toBe("PuppetMock");
      expect((wechat.bot.puppet as unknown as { options: { token?: string } }).options.token).toBe("puppet_workpro_0123456789");
      expect(wechat.health().state).toBe("starting");
    } finally {
      await wechat.stop();
    }
  });

  it("stops start-up with the variable named when the puppet is not installed", async () => {
    const wechat = adapter("wechaty-puppet-not-installed");
    const error = await wechat.start(sink).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/WECHATY_PUPPET/);
    expect((error as ConfigError).message).toMatch(/npm install wechaty-puppet-not-installed/);
  });

  it("is off unless a puppet is named or given, and then sits next to the playground", async () => {
    const options = { storage: openMemoryStorage(), clock: fakeClock(), logger: silentLogger(), setRole: async () => undefined };
    const off = await createPlatforms({ ...options, config: configSchema.parse({}) });
    expect(off.map((platform) => platform.platform)).toEqual(["playground"]);
    const { PuppetMock } = await import("wechaty-puppet-mock");
    const on = await createPlatforms({ ...options, config: configSchema.parse({}), wechat: { puppet: new PuppetMock() } });
    expect(on.map((platform) => platform.platform)).toEqual(["playground", "wechat"]);
    expect(on[1]!.pacing.perGroup).toEqual([{ limit: 1, windowMs: 3000 }]);
    expect(on[1]!.sender.maxLength).toBe(1800);
  });
});
