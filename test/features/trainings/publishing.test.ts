import { afterEach, describe, expect, it } from "vitest";
import { shorten } from "../../../src/features/admin/index.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

describe("publishing a training and who sees it", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("publishing posts the training to its target groups at once, with a sign-up button; other groups hear nothing", async () => {
    bot = await startTestBot();
    await bot.group("g1", "夕阳红群").user(bot.staff).says("/bind 新牧社区夕阳红志愿服务队 tag:社区");
    await bot.group("g2", "青年群").user(bot.staff).says("/bind 哈飞青年志愿者服务队 tag:青年");
    const office = bot.private(bot.staff).user(bot.staff, "园区老王");
    const [added] = await office.says("/training add 3月20日 14:00-16:00 财务规范培训 @创新园二楼 to:社区 remind:1d,30m");
    expect(added).toMatch(/面向 1 个群，培训通知已发到这些群/);
    expect(added).toContain("· 提前1天：3月19日（周四）14:00");
    expect(added).toContain("· 提前30分钟：3月20日（周五）13:30");
    expect(await bot.group("g1").botMessages()).toContain("📚 培训通知 #1：财务规范培训\n时间：3月20日（周五）14:00-16:00\n地点：创新园二楼\n想参加请发送“报名 1”，或点下面的按钮。");
    const entry = (await bot.playground.transcripts.after("playground:g1", 0)).find((message) => message.text.startsWith("📚"));
    expect(entry?.buttons).toEqual([{ text: "我要报名", data: "/signup 1" }]);
    expect((await bot.group("g2").botMessages()).join("\n")).not.toContain("财务规范培训");
  });

  it("in a private chat a volunteer sees trainings for their own groups and open ones, not another group's", async () => {
    bot = await startTestBot();
    await bot.group("g1", "夕阳红群").user(bot.staff).says("/bind 新牧社区夕阳红志愿服务队 tag:社区");
    await bot.group("g2", "青年群").user(bot.staff).says("/bind 哈飞青年志愿者服务队 tag:青年");
    const office = bot.private(bot.staff).user(bot.staff);
    await office.says("/training add 3月20日 14:00-16:00 社区培训 @创新园 to:社区");
    await office.says("/training add 3月21日 09:00-11:00 青年培训 @创新园 to:青年");
    await office.says("/training add 3月22日 09:00-11:00 全园开放课 @创新园 to:all");
    // alice writes in the community group, so she belongs there.
    await bot.group("g1", "夕阳红群").user("alice", "小李").says("大家好");
    const [list] = await bot.private("alice", "小李").user("alice", "小李").says("培训");
    expect(list).toContain("社区培训");
    expect(list).toContain("全园开放课");
    expect(list).not.toContain("青年培训");
    // Staff see everything.
    expect((await office.says("培训"))[0]).toContain("青年培训");
  });
});

describe("the audit log says when a detail was shortened", () => {
  it("cuts long details with …, leaves short ones whole", () => {
    expect(shorten("/bind 某协会", 80)).toBe("/bind 某协会");
    const long = "通知 to:all ".concat("周六上午园区停电，请各组织调整活动安排。".repeat(6));
    const cut = shorten(long, 80);
    expect([...cut]).toHaveLength(80);
    expect(cut.endsWith("…")).toBe(true);
  });
});
