import { afterEach, describe, expect, it } from "vitest";
import { Tickets } from "../../../src/features/qa/tickets.js";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { listen } from "../../support/http.js";
import { Client, linkIn, storeReport, toldReporter } from "./support.js";

describe("staff console actions go through the chat's own services", () => {
  let bot: TestBot;
  let console_: Client;
  let base: string;
  const reporter = { chat: "g1", user: "li", name: "小李" };
  const start = async () => {
    bot = await startTestBot();
    base = await listen(bot);
    await bot.group("g1", "新牧社区志愿队").user("li", "小李").says("大家好");
    await bot.group("g2", "绿水环保社").user("wu", "老吴").says("大家好");
    // The reporter has a private chat with the bot too, where review notices may go.
    await bot.private("li", "小李").user("li", "小李").says("你好");
    console_ = new Client(base);
    await console_.login(linkIn(await bot.private("staff", "王老师").user("staff", "王老师").says("控制台"), base));
  };
  afterEach(() => bot?.close());

  it("shows the same monthly figures as /stats", async () => {
    await start();
    await storeReport(bot, { organization: "夕阳红志愿队", date: "2026-03-15", volunteers: 8, volunteer_hours: 16, category: "助老" }, reporter);
    await storeReport(bot, { organization: "夕阳红志愿队", date: "2026-03-02", volunteers: 3, volunteer_hours: 6, category: "助老" }, reporter);
    await storeReport(bot, { organization: "绿水环保社", date: "2026-03-09", volunteers: 5, volunteer_hours: 15, category: "环保" }, reporter);
    const [chat] = await bot.private("staff").user("staff").says("/stats 2026-03");
    const page = (await console_.request("/console/api/stats?month=2026-03")).body;
    const sunset = page.organizations.find((row: { organization: string }) => row.organization === "夕阳红志愿队");
    // The chat line may say more between the figures (how many still wait for review); the figures are the same.
    const [, activities, volunteers, hours] = /夕阳红志愿队：(\d+)场[^，]*，(\d+)人次，([\d.]+)人·小时/.exec(chat!)!;
    expect([Number(activities), Number(volunteers), Number(hours)]).toEqual([sunset.activities, sunset.volunteers, sunset.volunteerHours]);
    expect(page.total).toMatchObject({ activities: 3, volunteers: 16, volunteerHours: 37 });
    expect(page.categories.map((row: { category: string }) => row.category).sort()).toEqual(["助老", "环保"]);
    // A download without the session cookie is refused.
    expect((await fetch(`${base}/console/api/export?month=2026-03&format=csv`)).status).toBe(401);
    const csv = await console_.request("/console/api/export?month=2026-03&format=csv");
    expect(String(csv.body)).toContain("绿水环保社");
    expect((await console_.request("/console/api/export?month=2026-13")).status).toBe(400);
  });

  it("edits a field before approving, and the audit log says who changed what", async () => {
    await start();
    const report = await storeReport(bot, { title: "敬老院包饺子", organization: "夕阳红", date: "2026-03-15", volunteers: 8 }, reporter);
    const edited = await console_.request(`/console/api/reports/${report.id}/edit`, { method: "POST", body: { field: "volunteers", value: "10" } });
    expect(edited.body.report.volunteers).toBe(10);
    expect((await console_.request(`/console/api/reports/${report.id}/edit`, { method: "POST", body: { field: "volunteers", value: "很多" } })).status).toBe(400);
    expect((await console_.request(`/console/api/reports/${report.id}/edit`, { method: "POST", body: { field: "status", value: "approved" } })).status).toBe(400);
    await console_.request(`/console/api/reports/${report.id}/approve`, { method: "POST" });
    const audit = (await console_.request("/console/api/audit")).body as Array<{ action: string; detail: string; name: string }>;
    expect(audit.find((entry) => entry.action === "console.edit")).toMatchObject({ name: "王老师", detail: `${report.id} volunteers: 8 → 10` });
    expect(audit.find((entry) => entry.action === "console.approve")?.detail).toBe(`/approve ${report.id}`);
  });

  it("returns a report with the reason told in the reporter's group, and needs a reason", async () => {
    await start();
    const report = await storeReport(bot, { title: "社区义诊", date: "2026-03-14" }, reporter);
    expect((await console_.request(`/console/api/reports/${report.id}/return`, { method: "POST", body: { reason: " " } })).status).toBe(400);
    await console_.request(`/console/api/reports/${report.id}/return`, { method: "POST", body: { reason: "请补充服务时长" } });
    expect(await toldReporter(bot, "g1", "li")).toContain("请补充服务时长");
  });

  it("previews a broadcast, sends it on 确认, and lists per-group delivery and receipts", async () => {
    await start();
    const preview = (await console_.request("/console/api/command", { method: "POST", body: { text: "/broadcast to:all 周五下午园区停电" } })).body;
    expect(preview).toMatchObject({ ok: true, waiting: "broadcast" });
    expect(preview.text).toContain("周五下午园区停电");
    expect(await bot.group("g2").botMessages()).not.toContainEqual(expect.stringContaining("停电"));
    await console_.request("/console/api/command", { method: "POST", body: { text: "确认" } });
    for (let wait = 0; wait < 50 && !(await bot.group("g2").botMessages()).some((text) => text.includes("停电")); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await bot.group("g2").botMessages()).join("\n")).toContain("周五下午园区停电");
    await bot.group("g2", "绿水环保社").user("wu", "老吴").says("收到");
    const [job] = (await console_.request("/console/api/broadcasts")).body;
    expect(job.groups.find((group: { title: string }) => group.title === "绿水环保社")).toMatchObject({ state: "sent", confirmed: true, confirmedBy: ["老吴"] });
    expect(job.groups.find((group: { title: string }) => group.title === "新牧社区志愿队")).toMatchObject({ confirmed: false });
  });

  it("adds a training with reminders through /training add and lists it", async () => {
    await start();
    const added = (await console_.request("/console/api/command", { method: "POST", body: { text: "/training add 2026-03-20 14:00-16:00 财务管理培训 @创新园三楼 to:all remind:1d,1h cap:30" } })).body;
    expect(added.text).toMatch(/已发布培训 #1/);
    const [training] = (await console_.request("/console/api/trainings")).body;
    expect(training).toMatchObject({ title: "财务管理培训", place: "创新园三楼", reminders: ["1d", "1h"], capacity: 30 });
  });

  it("answers a hand-off question, and the asker gets it in their chat", async () => {
    await start();
    const ticket = await new Tickets(bot.app.storage).open({ question: "换届要提前多久报告？", asker: { key: "playground:zhao", name: "赵会长" }, chat: "playground:g2", chatTitle: "绿水环保社", messageId: "m1", reason: "unknown", createdAt: bot.clock.now().toISOString() });
    expect((await console_.request("/console/api/tickets")).body.map((item: { id: string }) => item.id)).toContain(ticket.id);
    await console_.request(`/console/api/tickets/${ticket.id}/reply`, { method: "POST", body: { text: "请在届满前两个月报告。" } });
    expect((await bot.group("g2").botMessages()).join("\n")).toContain("请在届满前两个月报告。");
    expect((await console_.request("/console/api/tickets")).body).toEqual([]);
  });

  it("runs no command beyond review, trainings, broadcasts and replies", async () => {
    await start();
    const refused = (await console_.request("/console/api/command", { method: "POST", body: { text: "/unbind" } })).body;
    expect(refused.ok).toBe(false);
    const sneaky = await console_.request("/console/api/reports/R1%20R2/approve", { method: "POST" });
    expect(sneaky.status).toBe(400);
  });

  it("lists the newest 200 reports and says how many there are", async () => {
    await start();
    for (let day = 0; day < 205; day++) await storeReport(bot, { title: `活动${day}`, date: "2026-03-01" }, reporter);
    const listed = (await console_.request("/console/api/reports")).body;
    expect(listed.total).toBe(205);
    expect(listed.reports).toHaveLength(200);
    expect(listed.reports[0].title).toBe("活动204");
  });
});
