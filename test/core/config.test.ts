import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";

const defaults = ["config/default.yaml"];

describe("configuration", () => {
  it("starts from config/default.yaml with the playground on SQLite", () => {
    const config = loadConfig({ env: {}, files: defaults });
    expect(config.server).toMatchObject({ host: "127.0.0.1", port: 3000, playground: true });
    expect(config.storage.url).toBe("sqlite://data/incubot.sqlite");
    expect(config.timeZone).toBe("Asia/Shanghai");
    expect(config.telegram.token).toBeNull();
    expect(config.instances.leaseSeconds).toBe(30);
  });

  it("takes the instance lease from INSTANCE_LEASE_SECONDS", () => {
    expect(loadConfig({ env: { INSTANCE_LEASE_SECONDS: "2.5" }, files: defaults }).instances.leaseSeconds).toBe(2.5);
  });

  it("takes the environment variables of DESIGN.md", () => {
    const config = loadConfig({
      env: { PORT: "8080", HOST: "0.0.0.0", DATA_URL: "redis://127.0.0.1:6379", STAFF: "telegram:1, wechat:wxid_a", TZ_NAME: "Asia/Harbin", TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: "http://127.0.0.1:9000", LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "qwen" },
      files: defaults,
    });
    expect(config.server.port).toBe(8080);
    expect(config.server.host).toBe("0.0.0.0");
    expect(config.storage.url).toBe("redis://127.0.0.1:6379");
    expect(config.staff).toEqual(["telegram:1", "wechat:wxid_a"]);
    expect(config.timeZone).toBe("Asia/Harbin");
    expect(config.telegram).toMatchObject({ token: "123:abc", apiRoot: "http://127.0.0.1:9000" });
    expect(config.llm).toMatchObject({ baseUrl: "http://127.0.0.1:11434/v1", model: "qwen" });
  });

  it.each([
    [{ PORT: "eighty" }, /PORT \(server\.port\)/],
    [{ DATA_URL: "mongodb://x" }, /DATA_URL \(storage\.url\)/],
    [{ TZ_NAME: "Mars/Base" }, /TZ_NAME \(timeZone\).*time zone/],
    [{ TELEGRAM_API_ROOT: "http://127.0.0.1:9000/" }, /TELEGRAM_API_ROOT.*slash/],
    [{ STAFF: "alice" }, /STAFF \(staff\.0\)/],
    [{ LLM_BASE_URL: "not a url" }, /LLM_BASE_URL/],
    [{ INSTANCE_LEASE_SECONDS: "0.1" }, /INSTANCE_LEASE_SECONDS \(instances\.leaseSeconds\).*at least 0\.5/],
    [{ INSTANCE_LEASE_SECONDS: "7200" }, /INSTANCE_LEASE_SECONDS \(instances\.leaseSeconds\).*at most 3600/],
    [{ INSTANCE_LEASE_SECONDS: "soon" }, /INSTANCE_LEASE_SECONDS \(instances\.leaseSeconds\)/],
  ])("stops on a bad environment value and names the variable: %o", (env, message) => {
    expect(() => loadConfig({ env, files: defaults })).toThrow(message);
  });

  it("names the YAML key of a bad file value", () => {
    const folder = mkdtempSync(join(tmpdir(), "incubot-config-"));
    const file = join(folder, "site.yaml");
    writeFileSync(file, "reports:\n  draftExpiryHours: -3\n");
    expect(() => loadConfig({ env: {}, files: [...defaults, file] })).toThrow(/reports\.draftExpiryHours/);
  });

  it("stops when INCUBOT_CONFIG names a missing file", () => {
    expect(() => loadConfig({ env: { INCUBOT_CONFIG: "/nonexistent/site.yaml" } })).toThrow(/INCUBOT_CONFIG/);
  });
});
