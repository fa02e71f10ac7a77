import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { answer, type Feature } from "../../../src/core/feature.js";
import { silentLogger } from "../../../src/core/logging.js";
import { createHelpFeature } from "../../../src/features/help/index.js";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";
import { createPlatforms } from "../../../src/platforms/index.js";
import { TelegramAdapter } from "../../../src/platforms/telegram/adapter.js";
import { webhookSecret } from "../../../src/platforms/telegram/webhook.js";
import { fakeClock } from "../../support/clock.js";
import { startTelegramHarness, telegramToken, webhookSecretForTests, type TelegramHarness } from "../../support/telegram.js";

const hello = { message: { message_id: 1, date: 1773626400, chat: { id: 42, type: "private" as const, first_name: "小李" }, from: { id: 42, is_bot: false, first_name: "小李" }, text: "/help" } };

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("telegram webhook mode", () => {
  let tg: TelegramHarness;
  afterEach(async () => tg?.close());

  it("registers the webhook with its secret and handles only updates that carry it", async () => {
    tg = await startTelegramHarness({ mode: "webhook" });
    expect(tg.calls("setWebhook")[0]!.body).toMatchObject({ url: "http://127.0.0.1/telegram/webhook", secret_token: webhookSecretForTests });
    expect(tg.calls("getUpdates")).toEqual([]);
    expect(await tg.postWebhook(hello, "wrong-secret")).toBe(401);
    expect(await tg.postWebhook(hello, undefined)).toBe(401);
    expect(tg.botMessages(42)).toEqual([]);
    expect(await tg.postWebhook(hello, webhookSecretForTests)).toBe(200);
    expect(tg.botMessages(42)).toHaveLength(1);
    expect(tg.adapter.health().state).toBe("running");
  });

  it("answers a group mention through the webhook like through polling", async () => {
    tg = await startTelegramHarness({ mode: "webhook" });
    expect(await tg.group(-1001).user(42).says("@TestNameBot 你好")).toHaveLength(1);
    expect(await tg.group(-1001).user(42).says("大家好")).toEqual([]);
  });

  it("derives a stable secret from the token when none is configured", () => {
    const derived = webhookSecret(null, telegramToken);
    expect(derived).toMatch(/^[A-Za-z0-9_-]{20,256}$/);
    expect(webhookSecret(null, telegramToken)).toBe(derived);
    expect(webhookSecret(null, "999:other")).not.toBe(derived);
    expect(webhookSecret("mine", telegramToken)).toBe("mine");
  });

  it("has no webhook route in long-polling mode", async () => {
    tg = await startTelegramHarness({ playground: true });
    const response = await fetch(`http://127.0.0.1:${tg.app.address!.port}/telegram/webhook`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
  });
});

describe("telegram chat lifecycle", () => {
  let tg: TelegramHarness;
  afterEach(async () => tg?.close());

  it("moves a group's record and feature data when it becomes a supergroup", async () => {
    const moved: string[] = [];
    const mover: Feature = { name: "mover", handle: async () => undefined, rekeyChat: async (from, to) => void moved.push(`${from}>${to}`) };
    tg = await startTelegramHarness({ features: (context) => [createHelpFeature(context), mover] });
    const group = tg.group(-4001, "园区工作群");
    await group.user(42).says("大家好");
    await tg.app.chats.update(group.key, { organization: "阳光志愿队", tags: ["志愿队"] });
    await group.migrateTo(-1004001);
    expect(await tg.app.chats.get(group.key)).toBeUndefined();
    expect(await tg.app.chats.get("telegram:-1004001")).toMatchObject({ key: "telegram:-1004001", title: "园区工作群", organization: "阳光志愿队", tags: ["志愿队"], active: true });
    expect(moved).toEqual(["telegram:-4001>telegram:-1004001"]);
    expect(await tg.group(-1004001).user(42).says("/help")).toHaveLength(1);
  });

  it("marks a group inactive when the bot is removed", async () => {
    tg = await startTelegramHarness();
    const group = tg.group(-1001);
    await group.user(42).says("大家好");
    await group.botRemoved();
    expect((await tg.app.chats.get(group.key))!.active).toBe(false);
    expect(await tg.app.chats.groupsTagged(["all"])).toEqual([]);
  });

  it("reports an error in health when polling is refused (409: another instance polls)", async () => {
    tg = await startTelegramHarness();
    await until(() => tg.calls("getUpdates").length > 0);
    tg.inject({ method: "getUpdates", errorCode: 409, description: "Conflict: terminated by other getUpdates request" });
    await tg.deliver(hello, 42);
    await until(() => tg.adapter.health().state === "error");
    expect(tg.adapter.health().detail).toMatch(/409 Conflict/);
  });
});

describe("telegram start-up", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("is registered when a token is configured, and not otherwise", async () => {
    const base = { storage: openMemoryStorage(), clock: fakeClock(), logger: silentLogger(), setRole: async () => undefined };
    const without = await createPlatforms({ ...base, config: configSchema.parse({ server: { playground: false } }) });
    expect(without).toEqual([]);
    const withToken = await createPlatforms({ ...base, config: configSchema.parse({ server: { playground: false }, telegram: { token: telegramToken } }) });
    expect(withToken.map((platform) => platform.platform)).toEqual(["telegram"]);
    expect(withToken[0]!.sender.maxLength).toBe(4096);
  });

  it("keeps the rest of the bot up with an error in health when the token is refused", async () => {
    server = createServer((_request, response) => response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" })));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const apiRoot = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const adapter = new TelegramAdapter({ config: configSchema.parse({ telegram: { token: telegramToken, apiRoot } }), logger: silentLogger(), clock: fakeClock() });
    await adapter.start({ handle: async () => [], rekeyChat: async () => undefined, markInactive: async () => undefined });
    expect(adapter.health()).toMatchObject({ state: "error", detail: expect.stringMatching(/401 Unauthorized/) });
    await adapter.stop();
    expect(adapter.health().state).toBe("stopped");
  });

  it("refuses to be built without a token, naming the variable", () => {
    expect(() => new TelegramAdapter({ config: configSchema.parse({}), logger: silentLogger(), clock: fakeClock() })).toThrow(/TELEGRAM_BOT_TOKEN/);
  });
});
