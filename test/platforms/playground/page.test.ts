import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { configSchema } from "../../../src/config/schema.js";
import { silentLogger } from "../../../src/core/logging.js";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";
import { serviceAvailable, services } from "../../support/services.js";

describe("playground page in Chromium", async () => {
  const available = await serviceAvailable("chromium");
  let app: App;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    if (!available) return;
    app = await createApp({ config: configSchema.parse({ server: { port: 0 } }), storage: openMemoryStorage(), logger: silentLogger(), llm: null });
    await app.start();
    url = `http://127.0.0.1:${app.address!.port}/`;
    browser = await chromium.launch({
      executablePath: services.chromium.path,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.runIf(available)("lets a person create a group, type /help and see the reply", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url);
    await expect(page.title()).resolves.toContain("本地试用");
    await page.fill("#newChat", "新牧社区志愿队");
    await page.click("#addGroup");
    await page.fill("#text", "/help");
    await page.press("#text", "Enter");
    const reply = page.locator(".msg.bot .bubble").first();
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.textContent()).toContain("/help");
    const mine = await page.locator(".msg.mine .bubble").first().textContent();
    expect(mine).toBe("/help");
    await page.close();
  });

  it.runIf(available)("shows proactive bot messages that arrive later", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.fill("#newChat", "通知测试群");
    await page.click("#addGroup");
    const chatId = await page.evaluate(() => JSON.parse(localStorage.getItem("incubot.chats") ?? "[]").at(-1).id as string);
    await app.outbox.send({ chat: `playground:${chatId}`, text: "【培训提醒】明天9点财务管理培训" });
    await page.locator(".msg.bot .bubble", { hasText: "培训提醒" }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});
