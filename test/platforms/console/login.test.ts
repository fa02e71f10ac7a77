import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load.js";
import { ConsoleSessions } from "../../../src/features/console/sessions.js";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";
import { fakeClock } from "../../support/clock.js";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { listen } from "../../support/http.js";
import { Client, linkIn, storeReport } from "./support.js";

describe("staff console login", () => {
  let bot: TestBot;
  let base: string;
  const start = async () => {
    bot = await startTestBot();
    base = await listen(bot);
  };
  afterEach(() => bot?.close());

  it("gives staff a one-time link in a private chat that logs in once", async () => {
    await start();
    const replies = await bot.private("staff", "王老师").user("staff", "王老师").says("控制台");
    expect(replies.join("\n")).toMatch(/10分钟/);
    const link = linkIn(replies, base);
    const browser = new Client(base);
    expect(await browser.login(link)).toBe(200);
    expect((await browser.request("/console/api/session")).body.name).toBe("王老师");
    // The same link a second time, from another browser: refused.
    const other = new Client(base);
    expect(await other.login(link)).toBe(401);
    expect((await other.request("/console/api/reports")).status).toBe(401);
    const audit = (await browser.request("/console/api/audit")).body as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["console.link", "console.login"]));
  });

  it("refuses a link older than ten minutes", async () => {
    await start();
    const link = linkIn(await bot.private("staff").user("staff").says("/console"), base);
    bot.clock.advance(10 * 60_000 + 1);
    expect(await new Client(base).login(link)).toBe(401);
  });

  it("ends the session after eight hours", async () => {
    await start();
    const browser = new Client(base);
    await browser.login(linkIn(await bot.private("staff").user("staff").says("/console"), base));
    bot.clock.advance(8 * 3600_000 + 1);
    expect((await browser.request("/console/api/reports")).status).toBe(401);
  });

  it("gives a volunteer a polite refusal and no link", async () => {
    await start();
    const replies = await bot.private("li").user("li", "小李").says("控制台");
    expect(replies.join("\n")).toMatch(/只有园区工作人员可以使用/);
    expect(replies.join("\n")).not.toMatch(/console\/login/);
  });

  it("sends no link in a group, asking for a private chat", async () => {
    await start();
    const replies = await bot.group("g1", "新牧社区志愿队").user("staff", "王老师").says("/console");
    expect(replies.join("\n")).toMatch(/私聊/);
    expect(replies.join("\n")).not.toMatch(/console\/login/);
  });

  it("refuses a POST without the CSRF token even with a valid session", async () => {
    await start();
    const report = await storeReport(bot, { title: "敬老院包饺子", organization: "夕阳红志愿队" }, { chat: "g1", user: "li", name: "小李" });
    const browser = new Client(base);
    await browser.login(linkIn(await bot.private("staff").user("staff").says("/console"), base));
    const forged = await browser.request(`/console/api/reports/${report.id}/approve`, { method: "POST", csrf: false });
    expect(forged.status).toBe(403);
    const stored = (await browser.request("/console/api/reports?status=submitted")).body.reports as Array<{ id: string }>;
    expect(stored.map((item) => item.id)).toContain(report.id);
    const approved = await browser.request(`/console/api/reports/${report.id}/approve`, { method: "POST" });
    expect(approved.status).toBe(200);
    expect(approved.body.text).toContain(report.id);
  });

  it("stops a staff member whose role was taken away", async () => {
    await start();
    await bot.app.roles.setRole("playground:li", "staff");
    const browser = new Client(base);
    expect(await browser.login(linkIn(await bot.private("li").user("li", "小李").says("控制台"), base))).toBe(200);
    await bot.app.roles.setRole("playground:li", "volunteer");
    expect((await browser.request("/console/api/reports")).status).toBe(401);
  });

  it("lets exactly one of two instances spend a link used twice at once, and stores no token in clear", async () => {
    const storage = openMemoryStorage();
    const clock = fakeClock();
    const [first, second] = [new ConsoleSessions(storage, clock), new ConsoleSessions(storage, clock)];
    const token = await first.issueLink({ user: "telegram:1", name: "王老师" });
    const results = await Promise.all([first.redeemLink(token), second.redeemLink(token)]);
    expect(results.filter(Boolean)).toEqual([{ user: "telegram:1", name: "王老师" }]);
    const stored: string[] = [];
    for await (const [key, value] of storage.namespace("console-links").entries()) stored.push(key, JSON.stringify(value));
    expect(stored.join(" ")).not.toContain(token);
  });

  it("serves the page with helmet's CSP, no inline script, and no https upgrade on a plain-http address", async () => {
    await start();
    const response = await fetch(`${base}/console`);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/upgrade-insecure-requests/);
    expect(response.headers.get("content-type")).toMatch(/text\/html; charset=utf-8/i);
    const html = await response.text();
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
  });

  it("logs out: the session cookie no longer opens the API, and the log says so", async () => {
    await start();
    const browser = new Client(base);
    await browser.login(linkIn(await bot.private("staff").user("staff").says("/console"), base));
    const stolen = browser.copy();
    expect((await browser.request("/console/api/logout", { method: "POST" })).status).toBe(200);
    expect((await stolen.request("/console/api/reports")).status).toBe(401);
    const again = new Client(base);
    await again.login(linkIn(await bot.private("staff").user("staff").says("/console"), base));
    const audit = (await again.request("/console/api/audit")).body as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toContain("console.logout");
  });

  it("builds the link from PUBLIC_URL", async () => {
    expect(loadConfig({ env: { PUBLIC_URL: "https://bot.example.org/" } }).server.publicUrl).toBe("https://bot.example.org/");
    bot = await startTestBot({ config: { server: { publicUrl: "https://bot.example.org/" } } });
    const replies = await bot.private("staff").user("staff").says("/console");
    expect(replies.join("\n")).toMatch(/https:\/\/bot\.example\.org\/console\/login\?t=[A-Za-z0-9_-]{40,}/);
  });
});
