import { afterEach, describe, expect, it } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram.js";
import { startWechatBot, type WechatTestBot } from "../../support/wechat.js";

const noTeam = "昨天我们去敬老院陪老人包饺子了，一共8个人";

describe("a short report dialog on each chat platform", () => {
  let telegram: TelegramHarness | undefined;
  let wechat: WechatTestBot | undefined;
  afterEach(async () => {
    await telegram?.close();
    await wechat?.close();
    telegram = wechat = undefined;
  });

  it("collects a report in a Telegram group", async () => {
    telegram = await startTelegramHarness();
    const group = telegram.group(-1001, "夕阳红志愿队");
    const alice = group.user(42, "小李");
    expect((await alice.says(`@${telegram.bot.username} ${noTeam}`)).join("\n")).toMatch(/哪个组织/);
    // Her next messages need no mention; other members' chatter is ignored.
    expect(await group.user(43, "老王").says("辛苦了")).toEqual([]);
    expect((await alice.says("新牧社区夕阳红志愿服务队")).join("\n")).toMatch(/多久|几点/);
    expect((await alice.says("9点到11点")).join("\n")).toContain("8人，共16小时");
    expect((await alice.says("确认")).join("\n")).toMatch(/已登记：R\d{8}-001/);
    const reports = [];
    for await (const [, report] of telegram.app.storage.namespace<Record<string, unknown>>("reports").entries()) reports.push(report);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ chat: "telegram:-1001", reporter: "telegram:42", organization: "新牧社区夕阳红志愿服务队", volunteer_hours: 16 });
  });

  it("collects a report in a WeChat room, with a photo sent afterwards", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("志愿者群", ["alice", "bob"]);
    const alice = room.member("alice", "小李");
    expect((await alice.says(`@小园助手 ${noTeam}`)).join("\n")).toMatch(/哪个组织/);
    expect((await alice.says("新牧社区夕阳红志愿服务队，9点到11点")).join("\n")).toContain("8人，共16小时");
    expect((await alice.sendsImage()).join("\n")).toMatch(/收到1张照片/);
    expect(await room.member("bob").says("今天天气真好")).toEqual([]);
    expect((await alice.says("确认")).join("\n")).toMatch(/已登记：R\d{8}-001/);
    const reports = [];
    for await (const [, report] of wechat.app.storage.namespace<Record<string, unknown>>("reports").entries()) reports.push(report);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reporter: wechat.person("alice").key, photos: 1, volunteers: 8 });
  });
});
