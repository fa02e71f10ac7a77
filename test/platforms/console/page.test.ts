import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { listen } from "../../support/http.js";
import { launchChromium } from "../../support/chromium.js";
import { serviceAvailable } from "../../support/services.js";
import { linkIn, storeReport, toldReporter } from "./support.js";

const reporter = { chat: "g1", user: "li", name: "小李" };

describe("staff console in Chromium", async () => {
  const available = await serviceAvailable("chromium");
  let bot: TestBot;
  let browser: Browser;
  let base: string;
  const violations: string[] = [];

  beforeAll(async () => {
    if (!available) return;
    bot = await startTestBot();
    base = await listen(bot);
    // The group exists in the chat directory under its title, as after a first message there.
    await bot.group("g1", "新牧社区志愿队").user("li", "小李").says("大家好");
    await bot.private("li", "小李").user("li", "小李").says("你好");
    browser = await launchChromium();
  });

  afterAll(async () => {
    if (available) expect(violations).toEqual([]);
    await browser?.close();
    await bot?.close();
  });

  /** A staff member's fresh browser, logged in through the link /console gave them. */
  async function loggedIn(width = 1280): Promise<{ page: Page; link: string }> {
    const link = linkIn(await bot.private("staff", "王老师").user("staff", "王老师").says("/console"), base);
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    // Any script or style the CSP blocked would be reported on the console.
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(link);
    await page.waitForURL(`${base}/console`);
    await page.locator("#who", { hasText: "王老师" }).waitFor({ timeout: 10_000 });
    return { page, link };
  }

  it.runIf(available)("logs in with the link, lists a report, and 通过 approves it", async () => {
    const report = await storeReport(bot, { title: "敬老院包饺子", organization: "夕阳红志愿队", date: "2026-03-15", volunteers: 8, volunteer_hours: 16, photos: 3 }, reporter);
    const { page } = await loggedIn();
    const card = page.locator(`[data-report="${report.id}"]`);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain("新牧社区志愿队");
    await card.locator('[data-action="approve"]').click();
    await card.waitFor({ state: "detached", timeout: 10_000 });
    const listed = (await (await fetch(`${base}/api/reports`)).json()) as Array<{ id: string; status: string }>;
    expect(listed.find((item) => item.id === report.id)?.status).toBe("approved");
    await page.context().close();
  });

  it.runIf(available)("退回 sends the reason to the reporter's chat", async () => {
    const report = await storeReport(bot, { title: "社区义诊", organization: "仁心医疗队", date: "2026-03-14" }, reporter);
    const { page } = await loggedIn(390);
    const card = page.locator(`[data-report="${report.id}"]`);
    await card.locator('[data-action="return"]').click();
    await card.locator("input[type=text]").first().fill("请补充服务时长");
    await card.locator('[data-action="confirm-return"]').click();
    await card.waitFor({ state: "detached", timeout: 10_000 });
    expect(await toldReporter(bot, "g1", "li")).toContain("请补充服务时长");
    await page.context().close();
  });

  it.runIf(available)("统计 draws a chart of the month", async () => {
    await storeReport(bot, { title: "河道清理", organization: "绿水环保社", category: "环保", date: "2026-03-10", volunteers: 12, volunteer_hours: 36 }, reporter);
    const { page } = await loggedIn();
    await page.click('[data-page="stats"]');
    const bars = page.locator(".chart svg rect.bar-rect");
    await bars.first().waitFor({ timeout: 10_000 });
    expect(await bars.count()).toBeGreaterThan(1);
    expect(await page.locator(".chart").first().textContent()).toContain("绿水环保社");
    await page.context().close();
  });

  it.runIf(available)("a fresh browser without the cookie sees no report, and a used link does not log in again", async () => {
    await storeReport(bot, { title: "秘密活动", organization: "某志愿队", date: "2026-03-12" }, reporter);
    const { page, link } = await loggedIn();
    await page.context().close();
    const stranger = await browser.newPage({ locale: "zh-CN" });
    await stranger.goto(`${base}/console`);
    await stranger.locator("#main .notice", { hasText: "控制台" }).waitFor({ timeout: 10_000 });
    expect(await stranger.locator("[data-report]").count()).toBe(0);
    await stranger.goto(link);
    await stranger.locator("#main .notice", { hasText: "失效" }).waitFor({ timeout: 10_000 });
    await stranger.goto(`${base}/console`);
    await stranger.locator("#main .notice", { hasText: "控制台" }).waitFor({ timeout: 10_000 });
    expect(await stranger.content()).not.toContain("秘密活动");
    await stranger.close();
  });

  it.runIf(available)("shows HTML a volunteer typed as text and runs none of it", async () => {
    const report = await storeReport(
      bot,
      { title: "<img src=x onerror=alert(1)>", organization: "<script>alert(2)</script>", description: '"><svg onload=alert(3)>', date: "2026-03-13" },
      { chat: "g1", user: "evil", name: "<b onmouseover=alert(4)>坏人</b>" },
    );
    const { page } = await loggedIn();
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    const card = page.locator(`[data-report="${report.id}"]`);
    await card.waitFor({ timeout: 10_000 });
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(text).toContain("<script>alert(2)</script>");
    expect(text).toContain("<b onmouseover=alert(4)>坏人</b>");
    expect(await card.locator("img, script, svg, b").count()).toBe(0);
    await card.hover();
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    await page.context().close();
  });

  it.runIf(available)("通知: previews an announcement, sends it on 确认发送, and 培训's form writes the /training command", async () => {
    const { page } = await loggedIn(390);
    await page.click('[data-page="broadcasts"]');
    await page.fill("textarea", "/broadcast to:all 周六上午园区停电");
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.locator(".output", { hasText: "周六上午园区停电" }).waitFor({ timeout: 10_000 });
    expect((await bot.group("g1").botMessages()).join("\n")).not.toContain("周六上午园区停电");
    await page.getByRole("button", { name: "确认发送" }).click();
    await page.locator(".output", { hasText: "#" }).waitFor({ timeout: 10_000 });
    for (let wait = 0; wait < 50 && !(await bot.group("g1").botMessages()).some((text) => text.includes("停电")); wait++) await page.waitForTimeout(100);
    expect((await bot.group("g1").botMessages()).join("\n")).toContain("周六上午园区停电");

    await page.click('[data-page="trainings"]');
    await page.getByLabel("日期").fill("2026-03-25");
    await page.getByLabel("开始").fill("14:00");
    await page.getByLabel("结束").fill("16:00");
    await page.getByLabel("标题").fill("财务管理培训");
    await page.getByLabel("地点").fill("创新园 三楼");
    await page.getByRole("button", { name: /生成命令/ }).click();
    expect(await page.locator("textarea").inputValue()).toBe("/training add 2026-03-25 14:00-16:00 财务管理培训 @创新园三楼");
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.locator(".output", { hasText: "已发布培训" }).waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
