import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { storedReports } from "./stored.js";

// Each message during a draft is one kind of turn; only answers, corrections and confirmations
// touch the draft. The virtual clock starts on Monday 2026-03-16 10:00 (Asia/Shanghai).
const needsPeople = "昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人下棋 2点到4点";
const complete = "昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人下棋 2点到4点 6个人";

describe("report dialog: turns that must not change the draft", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("answers small talk with date and time words without touching the draft", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(needsPeople);
    const [chat] = await me.says("早上好，昨晚没睡好");
    expect(chat).toMatch(/几位志愿者/);
    expect(chat).not.toMatch(/已修改|已记下/);
    expect((await me.says("等会啊 我下午3点还得去接孩子"))[0]).toMatch(/几位志愿者/);
    const [summary] = await me.says("6个人");
    expect(summary).toContain("2026-03-15 14:00-16:00");
    expect(summary).toContain("6人，共12小时");
  });

  it("stays silent on a group member's small talk not addressed to the bot, and keeps the draft", async () => {
    bot = await startTestBot();
    const alice = bot.group("g1").user("alice", "小李");
    await alice.says(`@小园助手 ${needsPeople}`);
    expect(await alice.says("明天还得上班 唉")).toEqual([]);
    expect((await alice.says("6个人"))[0]).toContain("2026-03-15 14:00-16:00");
  });

  it("answers side questions from the report conventions and keeps the draft", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says("昨天上午平新社区青年志愿服务队在平新社区广场做防诈骗宣传 9点到11点 我带了4个队员");
    const [self] = await me.says("我自己算不算人数？");
    expect(self).toMatch(/本人也是志愿者.*5人/);
    expect(self).toMatch(/回复“确认”登记/);
    const [hours] = await me.says("时长怎么算？");
    expect(hours).toContain("每人2小时 × 5人 = 10小时");
    await me.says("明白了 确认");
    expect(await storedReports(bot)).toMatchObject([{ volunteers: 5, volunteer_hours: 10 }]);
  });
});

describe("report dialog: confirmations", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  for (const words of ["对，就是昨天的", "嗯嗯对的", "没问题", "OK", "明天还得上班 赶紧确认吧"]) {
    it(`stores the report when the person confirms with “${words}”`, async () => {
      bot = await startTestBot();
      const me = bot.private("alice").user("alice");
      await me.says(complete);
      expect((await me.says(words))[0]).toMatch(/已登记：R20260316-001/);
      expect(await storedReports(bot)).toMatchObject([{ date: "2026-03-15", volunteers: 6, volunteer_hours: 12 }]);
    });
  }

  it("asks for the missing field on 确认, then stores after the answer and a confirmation", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(needsPeople);
    const [still] = await me.says("确认");
    expect(still).toMatch(/还差一项[\s\S]*几位志愿者/);
    expect(await storedReports(bot)).toEqual([]);
    expect((await me.says("7个"))[0]).toContain("7人，共14小时");
    await me.says("确认");
    expect(await storedReports(bot)).toMatchObject([{ volunteers: 7, volunteer_hours: 14 }]);
  });
});

describe("report dialog: durations, places and starting", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("keeps hours each told before the head count and never asks for the time again", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    expect((await me.says("昨天我们平房区义工联合会在平房公园捡垃圾 干了两个小时"))[0]).toMatch(/几位志愿者/);
    const [summary] = await me.says("12个人");
    expect(summary).toContain("12人，共24小时");
    expect(summary).not.toMatch(/几点到几点|多久/);
  });

  it("starts a report on 你好 我来报个活动 and asks for the description", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    expect((await me.says("你好 我来报个活动"))[0]).toMatch(/请把活动情况发给我/);
    const [summary] = await me.says(complete);
    expect(summary).toMatch(/「陪老人下棋」/);
    expect(summary).not.toMatch(/报个活动/);
  });

  it("starts a report from an English account of work done that the rules miss, but not from a question", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    expect((await me.says("Hello, we did some volunteer work yesterday morning: clearing snow around 友协街道."))[0]).toMatch(/收到|organization|组织/);
    const other = bot.private("bob").user("bob");
    expect((await other.says("Next weekend we're taking volunteers to clean the riverbank. Do we need insurance?"))[0] ?? "").not.toMatch(/收到，帮你登记/);
  });

  it("does not ask again for a place the first message named", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    expect((await me.says("昨天下午我们去敬老院陪老人下棋了 2点到4点"))[0]).toMatch(/哪个组织/);
    expect((await me.says("平新社区银发先锋志愿队"))[0]).toMatch(/几位志愿者/);
    expect((await me.says("5个人"))[0]).toContain("地点：敬老院");
  });
});

describe("report dialog: cancelling, corrections and two reports", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("stores nothing on 算了不报了 or 取消", async () => {
    bot = await startTestBot();
    const alice = bot.private("alice").user("alice");
    await alice.says(needsPeople);
    expect((await alice.says("算了不报了 人数我得问问队长"))[0]).toMatch(/已取消/);
    const bob = bot.private("bob").user("bob");
    await bob.says(complete);
    expect((await bob.says("取消"))[0]).toMatch(/已取消/);
    expect(await storedReports(bot)).toEqual([]);
  });

  it("applies corrections in later messages and recomputes person-hours", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    expect((await me.says("刚才说错了，是周六"))[0]).toContain("2026-03-14 14:00-16:00");
    expect((await me.says("人数改成10个"))[0]).toContain("10人，共20小时");
    expect((await me.says("不对，地点是新牧社区活动室"))[0]).toContain("地点：新牧社区活动室");
    const [place] = await me.says("地点不对，就写阳光敬老院");
    expect(place).toContain("地点：阳光敬老院");
    expect(place).not.toContain("就写");
    await me.says("对的");
    expect(await storedReports(bot)).toMatchObject([{ date: "2026-03-14", volunteers: 10, volunteer_hours: 20, location: "阳光敬老院" }]);
  });

  it("stores two reports in a row by the same person", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    await me.says("确认");
    const [second] = await me.says("再报一个 今天上午还是我们新牧社区夕阳红志愿服务队 在新牧社区主干道清雪 8点到9点 4个人");
    expect(second).toContain("组织：新牧社区夕阳红志愿服务队");
    expect(second).toContain("4人，共4小时");
    await me.says("确认");
    expect(await storedReports(bot)).toMatchObject([{ volunteers: 6 }, { volunteers: 4, date: "2026-03-16" }]);
  });

  it("amends a stored report not yet approved instead of storing a second one", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    await me.says("确认");
    const [amended] = await me.says("刚才人数报错了 应该是9个人");
    expect(amended).toMatch(/已修改已登记的 R20260316-001/);
    expect(amended).toContain("9人，共18小时");
    expect(await storedReports(bot)).toMatchObject([{ id: "R20260316-001", volunteers: 9, volunteer_hours: 18, status: "submitted" }]);
  });

  it("sends a correction of an approved report to staff and leaves the report as approved", async () => {
    bot = await startTestBot();
    const me = bot.private("alice").user("alice");
    await me.says(complete);
    await me.says("确认");
    await bot.private(bot.staff).user(bot.staff).says("/approve R20260316-001");
    expect((await me.says("人数改成9个"))[0]).toMatch(/已经审核通过.*联系园区工作人员/);
    expect(await storedReports(bot)).toMatchObject([{ volunteers: 6, status: "approved" }]);
  });
});

describe("report dialog: groups", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("fills each person's draft only from their own messages", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const wang = group.user("wang", "老王");
    const zhang = group.user("zhang", "小张");
    expect((await wang.says(`@小园助手 ${needsPeople}`))[0]).toMatch(/几位志愿者/);
    expect((await zhang.says("@小园助手 昨天上午保国街道青年志愿者协会在保国公园捡垃圾 9点到11点 3个人"))[0]).toMatch(/^@小张 收到/);
    expect((await wang.says("4个人"))[0]).toContain("4人，共8小时");
    await zhang.says("确认");
    await wang.says("确认");
    const stored = await storedReports(bot);
    expect(stored.find((report) => report.reporter === "playground:wang")).toMatchObject({ volunteers: 4, location: "新牧社区养老院" });
    expect(stored.find((report) => report.reporter === "playground:zhang")).toMatchObject({ volunteers: 3, location: "保国公园" });
  });
});

describe("report dialog: corrections in a group after storing", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("amends the stored report from the reporter's next words, but not from another member's", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const wang = group.user("wang", "老王");
    await wang.says(`@小园助手 ${complete}`);
    await wang.says("确认");
    expect(await group.user("li", "小李").says("人数改成20个")).toEqual([]);
    expect((await wang.says("刚才人数说错了 是7个"))[0]).toMatch(/^@老王 已修改已登记的 R20260316-001[\s\S]*7人，共14小时/);
    expect(await storedReports(bot)).toMatchObject([{ volunteers: 7, volunteer_hours: 14 }]);
  });
});

describe("report dialog: drafts of an older version", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("drops an old draft politely and reads the message as new", async () => {
    bot = await startTestBot();
    await bot.app.storage.namespace("report-drafts").set("playground:dm-alice|playground:alice", { v: 1, reports: [], reference: "2026-03-16T02:00:00.000Z", asking: { kind: "confirm" } });
    const [reply] = await bot.private("alice").user("alice").says(complete);
    expect(reply).toMatch(/上报功能刚升级/);
    expect(reply).toContain("6人，共12小时");
  });
});
