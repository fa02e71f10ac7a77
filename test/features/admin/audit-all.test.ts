import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";

describe("audit log of every staff action", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("records approving and exporting reports and reloading the knowledge base", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "新牧社区志愿队");
    await group.user("alice", "小李").says("@小园助手 昨天上午新牧社区夕阳红志愿服务队10个人在新牧社区敬老院包饺子，9点到11点半");
    expect((await group.user("alice", "小李").says("确认"))[0]).toMatch(/已登记：(R\d{8}-\d{3})/);
    const staff = bot.private(bot.staff).user(bot.staff, "园区老王");
    await staff.says("/approve R20260316-001");
    await staff.says("/export 2026-03 csv");
    await staff.says("/kb reload");
    const [log] = await staff.says("/audit");
    expect(log).toMatch(/通过上报/);
    expect(log).toMatch(/导出上报/);
    expect(log).toMatch(/重新加载知识库/);
    expect(log).toMatch(/园区老王/);
  });
});
