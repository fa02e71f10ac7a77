import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
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

  /** Posts as another member of the group, the way a second phone would. */
  async function othersSay(chatId: string, count: number, first = 1): Promise<void> {
    for (let index = first; index < first + count; index++) {
      const body = { chat: { id: chatId, type: "group", title: "新牧社区志愿队" }, from: { id: "u-老王", name: "老王" }, text: `第${index}条：今天的活动大家辛苦了，照片我晚点发群里` };
      await fetch(`${url}api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    }
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    // Set SCREENSHOTS=/some/folder to keep pictures of the page for a person to look at.
    if (!process.env.SCREENSHOTS) return;
    mkdirSync(process.env.SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(process.env.SCREENSHOTS, name) });
  }

  it.runIf(available)("on a phone, after 16 messages the input box is on screen, nothing is doubled, and the role survives a reload", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url);
    // A staff member picks the role and opens a group.
    await page.selectOption("#role", "staff");
    await page.fill("#newChat", "新牧社区志愿队");
    await page.click("#addGroup");
    const chatId = await page.evaluate(() => JSON.parse(localStorage.getItem("incubot.chats") ?? "[]").at(-1).id as string);

    // 老王 writes 14 messages, the staff member asks /help: 16 messages in the group.
    await othersSay(chatId, 14);
    await page.fill("#text", "/help");
    await page.press("#text", "Enter");
    await page.locator(".msg.bot .bubble").first().waitFor({ timeout: 10_000 });
    await page.locator(".msg .bubble", { hasText: "第14条" }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.querySelectorAll("#log .msg").length)).toBe(16);
    await screenshot(page, "playground-phone-390.png");

    const fits = await page.evaluate(() => {
      const input = document.getElementById("text")!.getBoundingClientRect();
      const log = document.getElementById("log")!;
      const chats = document.getElementById("chats")!.getBoundingClientRect();
      return {
        pageHeight: document.documentElement.scrollHeight,
        inputBottom: input.bottom,
        chatsBottom: chats.bottom,
        scrollsInside: log.scrollHeight > log.clientHeight,
        atNewest: log.scrollHeight - log.scrollTop - log.clientHeight < 5,
      };
    });
    expect(fits.pageHeight).toBeLessThanOrEqual(844);
    expect(fits.inputBottom).toBeLessThanOrEqual(844);
    expect(fits.chatsBottom).toBeLessThan(844 / 3); // the chat list is near the top, not pushed away by the settings
    expect(fits.scrollsInside).toBe(true);
    expect(fits.atNewest).toBe(true);

    // On a slow network refreshes overlap (the timer, a send, another timer): each message is still drawn once.
    await page.route("**/api/chats/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than the page's 1 s refresh timer
      await route.continue().catch(() => undefined); // the page may have moved on (reload) meanwhile
    });
    await othersSay(chatId, 1, 15);
    await page.evaluate(() => Promise.all([(window as any).poll(), (window as any).poll(), (window as any).poll()]));
    await page.waitForTimeout(4000); // let the page's own timer refresh, overlapping, too
    expect(await page.locator(".msg .bubble", { hasText: "第15条" }).count()).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll("#log .msg").length)).toBe(17);
    await page.unrouteAll({ behavior: "wait" });

    // After a reload the person is still staff, their /help is still on their side, and the chat opens at the newest message.
    await page.reload();
    await page.locator(".msg .bubble", { hasText: "第14条" }).waitFor({ timeout: 10_000 });
    await expect(page.inputValue("#role")).resolves.toBe("staff");
    await expect(page.locator(".msg.mine .bubble").first().textContent()).resolves.toBe("/help");
    const afterReload = await page.evaluate(() => {
      const log = document.getElementById("log")!;
      return { count: log.querySelectorAll(".msg").length, atNewest: log.scrollHeight - log.scrollTop - log.clientHeight < 5 };
    });
    expect(afterReload).toEqual({ count: 17, atNewest: true });
    await page.close();

    const desktop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await desktop.goto(url);
    await desktop.evaluate((id) => localStorage.setItem("incubot.chats", JSON.stringify([{ id, type: "group", title: "新牧社区志愿队" }])), chatId);
    await desktop.reload();
    await desktop.locator(".msg .bubble", { hasText: "第14条" }).waitFor({ timeout: 10_000 });
    expect(await desktop.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800);
    await screenshot(desktop, "playground-desktop-1280.png");
    await desktop.close();
  }, 120_000);
});
