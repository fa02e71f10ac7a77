import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load.js";
import { silentLogger } from "../../../src/core/logging.js";
import { createPlatforms } from "../../../src/platforms/index.js";
import { systemClock } from "../../../src/ports/clock.js";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";

const defaults = ["config/default.yaml"];

describe("WeCom configuration", () => {
  it("takes WECOM_BOT_ID, WECOM_BOT_SECRET, WECOM_WS_URL and wecom: user keys in STAFF", () => {
    const config = loadConfig({ env: { WECOM_BOT_ID: "aibot1", WECOM_BOT_SECRET: "s3cret", WECOM_WS_URL: "ws://127.0.0.1:9001", STAFF: "wecom:zhangsan" }, files: defaults });
    expect(config.wecom).toMatchObject({ botId: "aibot1", secret: "s3cret", wsUrl: "ws://127.0.0.1:9001", pacing: { perChatPerMinute: 20, overallPerMinute: 60 } });
    expect(config.staff).toEqual(["wecom:zhangsan"]);
  });

  it("is off without credentials", async () => {
    const config = loadConfig({ env: {}, files: defaults });
    const platforms = await createPlatforms({ config, storage: openMemoryStorage(), clock: systemClock, logger: silentLogger(), setRole: async () => undefined });
    expect(platforms.map((platform) => platform.platform)).toEqual(["playground"]);
  });

  it("stops on a WECOM_WS_URL that is not a WebSocket URL, naming it", () => {
    expect(() => loadConfig({ env: { WECOM_WS_URL: "http://127.0.0.1:9001" }, files: defaults })).toThrow(/WECOM_WS_URL \(wecom\.wsUrl\)/);
  });

  it.each([
    [{ WECOM_BOT_ID: "aibot1" }, /WECOM_BOT_SECRET \(wecom\.secret\)/],
    [{ WECOM_BOT_SECRET: "s3cret" }, /WECOM_BOT_ID \(wecom\.botId\)/],
  ])("names the missing half of the credentials: %o", async (env, message) => {
    const config = loadConfig({ env, files: defaults });
    await expect(createPlatforms({ config, storage: openMemoryStorage(), clock: systemClock, logger: silentLogger(), setRole: async () => undefined })).rejects.toThrow(message);
  });
});
