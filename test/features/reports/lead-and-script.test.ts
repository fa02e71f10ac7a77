import { afterEach, describe, expect, it } from "vitest";
import { extractReports } from "../../../src/features/reports/extract/index.js";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { storedReports } from "./stored.js";

// The virtual clock of the test bot starts on Monday 2026-03-16 10:00 (Asia/Shanghai).
const reference = new Date("2026-03-16T18:00:00+08:00");

describe("the wish to report is not the activity", () => {
  it.each([
    "报个活动：昨天上午新牧社区夕阳红志愿服务队10个人在敬老院包饺子，9点到11点半",
    "你好 我来报一下今天的：上午新牧社区夕阳红志愿服务队10个人在敬老院包饺子，9点到11点半",
    "上报活动 昨天上午新牧社区夕阳红志愿服务队10个人在敬老院包饺子 9点到11点半",
    "報個活動：昨天上午新牧社區夕陽紅誌願服務隊10個人在敬老院包餃子，9點到11點半",
  ])("%s → a title about the dumplings", (message) => {
    const [report] = extractReports([message], reference).reports;
    expect(report?.title).toMatch(/饺子/);
    expect(report?.title).not.toMatch(/报|報/);
    expect(report?.volunteers).toBe(10);
  });

  it("keeps a bare wish to report as not yet a report", () => {
    expect(extractReports(["我来报个活动"], reference).is_report).toBe(false);
  });
});

describe("a report typed in traditional characters, through the chat", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("starts the report from 報個活動 and stores it in simplified characters", async () => {
    bot = await startTestBot();
    const me = bot.private("laowang").user("laowang", "老王");
    const [summary] = await me.says("報個活動 昨天上午新牧社區夕陽紅誌願服務隊10個人在敬老院包餃子，9點到11點半");
    expect(summary).toContain("新牧社区夕阳红志愿服务队");
    expect(summary).toContain("2026-03-15 09:00-11:30");
    expect((await me.says("確認"))[0]).toMatch(/已登记|R2026/);
    const [stored] = await storedReports(bot);
    expect(stored).toMatchObject({ organization: "新牧社区夕阳红志愿服务队", volunteers: 10, volunteer_hours: 25 });
  });

  it("reads a command word typed in traditional characters (幫助 = 帮助)", async () => {
    bot = await startTestBot();
    const [help] = await bot.private("leader").user("leader").says("幫助");
    expect(help).toMatch(/\/report/);
  });

  it("answers a question typed in traditional characters like a simplified one", async () => {
    bot = await startTestBot();
    const [answer] = await bot.private("leader").user("leader").says("成立社團最少要多少會員？");
    expect(answer).toMatch(/50个/);
  });
});
