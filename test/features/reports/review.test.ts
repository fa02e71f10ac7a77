import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type ChatHandle, type TestBot } from "../../support/bot.js";

const report = (team: string, people: number, place = "新牧社区养老院") => `昨天下午${team}在${place}陪老人包饺子，志愿者${people}人，2点到5点`;

async function reportAndConfirm(chat: ChatHandle, user: string, text: string, name = user): Promise<string> {
  await chat.user(user, name).says(`@小园助手 ${text}`);
  const [reply] = await chat.user(user, name).says("确认");
  return /R\d{8}-\d{3}/.exec(reply ?? "")?.[0] ?? `no id in: ${reply}`;
}

async function listen(bot: TestBot): Promise<string> {
  const address = await bot.app.http.listen("127.0.0.1", 0);
  return `http://127.0.0.1:${address.port}`;
}

describe("review by staff", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("lists pending reports, approves one and returns another with the reporter told", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const first = await reportAndConfirm(group, "alice", report("新牧社区夕阳红志愿服务队", 8), "小李");
    const second = await reportAndConfirm(group, "bob", report("哈飞青年志愿者服务队", 5, "文化广场"), "老王");
    expect([first, second]).toEqual(["R20260316-001", "R20260316-002"]);

    const office = bot.private(bot.staff);
    const [pending] = await office.user(bot.staff, "园区老张").says("/reports");
    expect(pending).toMatch(/待审核 2 条/);
    expect(pending).toContain("R20260316-001 待审核 2026-03-15 新牧社区夕阳红志愿服务队");

    expect((await office.user(bot.staff).says("/approve r20260316-001"))[0]).toMatch(/已通过：R20260316-001/);
    // 老王 has never written to the bot privately: the group hears only that there is something to fix, not why.
    expect((await office.user(bot.staff).says("/return R20260316-002 人数与照片不符"))[0]).toMatch(/已退回 R20260316-002。上报人还没私聊过机器人，已在群里提醒/);
    expect(await group.lastReply()).toBe("@老王 你上报的 R20260316-002 需要修改一下，原因请私聊我查看：私聊发“修改上报 R20260316-002”。");
    expect((await group.transcript()).join("\n")).not.toContain("人数与照片不符");

    expect((await office.user(bot.staff).says("审核"))[0]).toMatch(/没有待审核/);
    expect((await office.user(bot.staff).says("/reports all"))[0]).toMatch(/R20260316-001 已通过[\s\S]*R20260316-002 已退回/);
  });

  it("refuses review commands to volunteers and explains missing arguments to staff", async () => {
    bot = await startTestBot();
    expect((await bot.group("g1").user("alice").says("/approve R20260316-001"))[0]).toMatch(/只有园区工作人员/);
    const office = bot.private(bot.staff).user(bot.staff);
    expect((await office.says("/approve R20260316-009"))[0]).toMatch(/没有找到编号为 R20260316-009/);
    await reportAndConfirm(bot.group("g1"), "alice", report("新牧社区夕阳红志愿服务队", 8));
    expect((await office.says("/return R20260316-001"))[0]).toMatch(/请写明原因/);
  });

  it("flags a near-identical report of the same organization and day and asks before storing", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    await reportAndConfirm(group, "alice", report("新牧社区夕阳红志愿服务队", 8));
    await group.user("bob").says(`@小园助手 ${report("新牧社区夕阳红志愿服务队", 8)}`);
    expect((await group.user("bob").says("确认"))[0]).toMatch(/和已登记的 R20260316-001 很像/);
    expect((await group.user("bob").says("取消"))[0]).toMatch(/不再登记/);
    await group.user("bob").says(`@小园助手 ${report("新牧社区夕阳红志愿服务队", 8)}`);
    await group.user("bob").says("确认");
    expect((await group.user("bob").says("仍然登记"))[0]).toMatch(/已登记：R20260316-002/);
    // A different activity of the same team and day is not a duplicate.
    await group.user("carol").says("@小园助手 昨天上午新牧社区夕阳红志愿服务队在何家沟河道捡垃圾，志愿者3人，9点到11点");
    expect((await group.user("carol").says("确认"))[0]).toMatch(/已登记：R20260316-003/);
  });

  it("gives monthly statistics per organization", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    await reportAndConfirm(group, "alice", report("新牧社区夕阳红志愿服务队", 8));
    await reportAndConfirm(group, "bob", "昨天上午新牧社区夕阳红志愿服务队在何家沟河道捡垃圾，志愿者3人，9点到11点，清理垃圾服务居民20人");
    await reportAndConfirm(group, "carol", report("哈飞青年志愿者服务队", 5, "文化广场"));
    await bot.private(bot.staff).user(bot.staff).says("/return R20260316-003 重复");
    await bot.private(bot.staff).user(bot.staff).says("/approve R20260316-001");
    const [stats] = await bot.private(bot.staff).user(bot.staff).says("/stats 2026-03");
    expect(stats).toContain("2026-03 活动统计（已通过和待审核的都计入，已退回的不计）");
    expect(stats).toContain("新牧社区夕阳红志愿服务队：2场（含待审核1场），11人次，30人·小时");
    expect(stats).not.toContain("哈飞青年志愿者服务队");
    expect(stats).toMatch(/合计：2场，11人次，30人·小时/);
    expect(stats).toContain("其中已通过 1 场，待审核 1 场。");
    expect(stats).toMatch(/待审核的上报还没核实/);
    expect((await bot.private(bot.staff).user(bot.staff).says("统计 2026-02"))[0]).toMatch(/2026-02 还没有活动上报/);
  });

  it("says the number served is unknown instead of zero when no report gave it", async () => {
    bot = await startTestBot();
    await reportAndConfirm(bot.group("g1"), "alice", report("新牧社区夕阳红志愿服务队", 8));
    const [stats] = await bot.private(bot.staff).user(bot.staff).says("/stats 2026-03");
    expect(stats).toMatch(/新牧社区夕阳红志愿服务队：1场（含待审核1场），8人次，[\d.]+人·小时，服务人数未填/);
    expect(stats).not.toMatch(/服务0人/);
  });

  it("exports a month as XLSX: real date and time cells, the park's clock, the group's name, a totals row", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "新牧社区志愿队");
    await reportAndConfirm(group, "alice", report("新牧社区夕阳红志愿服务队", 8), "小李");
    await reportAndConfirm(group, "bob", "昨天上午新牧社区夕阳红志愿服务队在何家沟河道捡垃圾，志愿者3人，9点到11点，服务居民20人", "老王");
    const url = await listen(bot);
    const office = bot.private(bot.staff);
    expect((await office.user(bot.staff).says("/export 2026-03 xlsx"))[0]).toMatch(/2026-03 的活动上报共 2 条，已导出为 活动上报-2026-03.xlsx/);
    const entries = await bot.playground.transcripts.after(`playground:${office.id}`, 0);
    const file = entries.find((entry) => entry.file)?.file;
    expect(file?.name).toBe("活动上报-2026-03.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await fetch(`${url}${file!.url}`)).arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 6)).toEqual(["编号", "状态", "组织", "活动名称", "类别", "日期"]);
    const rowAt = (number: number): Record<string, ExcelJS.Cell> => Object.fromEntries(headers.map((header, index) => [String(header), sheet.getRow(number).getCell(index + 1)]));
    const row = rowAt(2);
    const values = Object.fromEntries(Object.entries(row).map(([header, cell]) => [header, cell.value]));
    expect(values).toMatchObject({ 编号: "R20260316-001", 状态: "待审核", 组织: "新牧社区夕阳红志愿服务队", 志愿者人数: 8, "志愿服务时长（人·小时）": 24, 上报人: "小李", 群聊: "新牧社区志愿队" });
    // Dates and times are cells Excel can sort and compute with, not text.
    expect(row["日期"]!.value).toEqual(new Date("2026-03-15T00:00:00Z"));
    expect(row["日期"]!.numFmt).toBe("yyyy-mm-dd");
    expect(row["开始时间"]!.value).toEqual(new Date("1899-12-30T14:00:00Z")); // Excel's time of day 14:00
    expect(row["开始时间"]!.numFmt).toBe("hh:mm");
    // 上报时间 reads as a clock in the park (Beijing) reads it, not UTC.
    const reportedUtc = (await bot.app.storage.namespace<{ created_at: string }>("reports").get("R20260316-001"))!.created_at;
    const beijing = new Date(new Date(reportedUtc).getTime() + 8 * 3600_000);
    expect((row["上报时间"]!.value as Date).toISOString().slice(0, 16)).toBe(beijing.toISOString().slice(0, 16));
    // The last row adds up the columns above it.
    expect(sheet.rowCount).toBe(4);
    const totals = rowAt(4);
    expect(totals["编号"]!.value).toBe("合计（2条）");
    expect(totals["志愿者人数"]!.value).toBe(11);
    expect(totals["志愿服务时长（人·小时）"]!.value).toBe(30);
    expect(totals["服务对象人数"]!.value).toBe(20);
  });
});

describe("GET /api/reports", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("serves JSON with the report fields, filters by month, and exports CSV with a BOM", async () => {
    bot = await startTestBot();
    await reportAndConfirm(bot.group("g1"), "alice", report("新牧社区夕阳红志愿服务队", 8), "小李");
    const url = await listen(bot);
    const list = (await (await fetch(`${url}/api/reports`)).json()) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: "R20260316-001",
      status: "submitted",
      chat: "playground:g1",
      reporter: "playground:alice",
      organization: "新牧社区夕阳红志愿服务队",
      category: "助老",
      date: "2026-03-15",
      start_time: "14:00",
      end_time: "17:00",
      location: "新牧社区养老院",
      volunteers: 8,
      volunteer_hours: 24,
      beneficiaries: null,
      photos: 0,
    });
    expect(typeof list[0]!.title).toBe("string");
    expect(typeof list[0]!.created_at).toBe("string");
    expect(await (await fetch(`${url}/api/reports?month=2026-02`)).json()).toEqual([]);

    const csv = await fetch(`${url}/api/reports?format=csv&month=2026-03`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, totals] = bytes.toString("utf8").slice(1).trim().split("\r\n");
    expect(header).toMatch(/^编号,状态,组织,活动名称,类别,日期,开始时间,结束时间,地点,志愿者人数/);
    expect(row).toMatch(/^R20260316-001,待审核,新牧社区夕阳红志愿服务队,.*,助老,2026-03-15,14:00,17:00,新牧社区养老院,8,24,/);
    // The same as the XLSX: the group's name and the park's clock, then the totals row.
    expect(row).toMatch(/,g1,2026-03-16 \d\d:\d\d,/);
    expect(totals).toMatch(/^合计（1条）,.*,8,24,0,/);

    const xlsx = await fetch(`${url}/api/reports?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect([...Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("answers 401 to a request from elsewhere without the staff token, 200 with it", async () => {
    bot = await startTestBot({ config: { server: { staffToken: "s3cret-token" } } });
    const url = await listen(bot);
    // A request relayed by a proxy is not local even though the proxy connects from loopback.
    const remote = { "x-forwarded-for": "203.0.113.9" };
    expect((await fetch(`${url}/api/reports`, { headers: remote })).status).toBe(401);
    expect((await fetch(`${url}/api/reports`, { headers: { ...remote, authorization: "Bearer wrong-token!" } })).status).toBe(401);
    expect((await fetch(`${url}/api/reports`, { headers: { ...remote, authorization: "Bearer s3cret-token" } })).status).toBe(200);
    expect((await fetch(`${url}/api/reports?format=pdf`)).status).toBe(400);
  });

  it("asks for the token even on loopback when the playground is off", async () => {
    bot = await startTestBot({ config: { server: { staffToken: "s3cret-token" } } });
    const route = bot.app.features.flatMap((feature) => feature.routes ?? []).find((candidate) => candidate.path === "/api/reports")!;
    expect(route).toBeDefined();
    const { createReportsFeature } = await import("../../../src/features/reports/index.js");
    const closed = createReportsFeature({ ...bot.app, config: { ...bot.app.config, server: { ...bot.app.config.server, playground: false } } });
    const local = { method: "GET", path: "/api/reports", params: {}, query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0), local: true, t: (key: string) => key, nonce: "" };
    expect((await closed.routes![0]!.handle(local)).status).toBe(401);
  });
});

describe("privacy", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("tells a first-time reporter once, before storing, what is kept", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    expect((await group.user("alice").says(`@小园助手 ${report("新牧社区夕阳红志愿服务队", 8)}`))[0]).toMatch(/回复“确认”登记[\s\S]*隐私说明.*72小时后删除/);
    expect((await group.user("alice").says("确认"))[0]).not.toMatch(/隐私说明/);
    expect((await group.user("alice").says(`@小园助手 ${report("哈飞青年志愿者服务队", 5, "文化广场")}`))[0]).not.toMatch(/隐私说明/);
    expect((await group.user("bob").says(`@小园助手 ${report("哈飞青年志愿者服务队", 5, "文化广场")}`))[0]).toMatch(/隐私说明/);
  });

  it("shows a person's data with /mydata and anonymises it with /forgetme", async () => {
    bot = await startTestBot();
    await reportAndConfirm(bot.group("g1"), "alice", report("新牧社区夕阳红志愿服务队", 8), "小李");
    await bot.group("g2").user("alice", "小李").says(`@小园助手 昨天我们去敬老院陪老人包饺子了，一共8个人`);
    const me = bot.private("alice").user("alice", "小李");
    const [mine] = await me.says("/mydata");
    expect(mine).toMatch(/账号 playground:alice，昵称 小李；上报 1 条，未完成 1 条/);
    expect(mine).toContain("R20260316-001 2026-03-15");
    expect((await me.says("/forgetme"))[0]).toMatch(/已删除你的个人信息；你的 1 条上报已匿名化/);
    expect((await me.says("/mydata"))[0]).toMatch(/没有保存你的任何上报信息/);
    const stored = await bot.app.storage.namespace<Record<string, unknown>>("reports").get("R20260316-001");
    expect(stored).toMatchObject({ reporter: "anonymous", reporter_name: null, organization: "新牧社区夕阳红志愿服务队", volunteers: 8 });
    expect(JSON.stringify(stored)).not.toContain("小李");
    // The unfinished draft in the other group is gone too.
    expect(await bot.group("g2").user("alice", "小李").says("新牧社区夕阳红志愿服务队")).toEqual([]);
    // Statistics still count the anonymised report.
    expect((await bot.private(bot.staff).user(bot.staff).says("/stats 2026-03"))[0]).toContain("新牧社区夕阳红志愿服务队：1场");
  });

  it("stores only the report fields and the reporter, not the chat text", async () => {
    bot = await startTestBot();
    const text = "昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点，有事打13912345678";
    await reportAndConfirm(bot.group("g1"), "alice", text, "小李");
    const stored = (await bot.app.storage.namespace<Record<string, unknown>>("reports").get("R20260316-001"))!;
    expect(Object.keys(stored).sort()).toEqual(
      ["beneficiaries", "category", "chat", "created_at", "date", "description", "end_time", "id", "location", "organization", "photos", "reporter", "reporter_name", "return_reason", "start_time", "status", "title", "updated_at", "volunteer_hours", "volunteers"].sort(),
    );
    expect(JSON.stringify(stored)).not.toContain("13912345678");
  });
});

describe("review commands as staff type them", () => {
  it("says a report was already approved, and exports by 11月-style month names", async () => {
    const { relativeMonth } = await import("../../../src/features/reports/review.js");
    expect(relativeMonth("11月", "2026-03")).toBe("2025-11");
    expect(relativeMonth("3月", "2026-03")).toBe("2026-03");
    expect(relativeMonth("上月", "2026-01")).toBe("2025-12");
    expect(relativeMonth("本月", "2026-03")).toBe("2026-03");
    expect(relativeMonth("13月", "2026-03")).toBeUndefined();
    const bot = await startTestBot();
    await reportAndConfirm(bot.group("g1"), "alice", report("新牧社区夕阳红志愿服务队", 8));
    const staff = bot.private(bot.staff).user(bot.staff);
    expect((await staff.says("/approve R20260316-001"))[0]).toMatch(/已通过/);
    expect((await staff.says("/approve R20260316-001"))[0]).toMatch(/之前已经通过了/);
    expect((await staff.says("导出 3月 csv"))[0]).toMatch(/2026-03 的活动上报共 1 条/);
    await bot.close();
  });
});
