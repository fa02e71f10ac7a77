import { afterEach, describe, expect, it } from "vitest";
import { readEdit } from "../../../src/features/reports/resubmit.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const activity = "昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点";

describe("a returned report is told privately and corrected field by field", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  async function reportInGroup(user: string, name: string): Promise<void> {
    await bot.group("g1", "夕阳红群").user(user, name).says(`@小园助手 ${activity}`);
    await bot.group("g1", "夕阳红群").user(user, name).says("确认");
  }

  it("a volunteer who has written to the bot privately is told there, corrects two fields and resubmits; the approval comes privately too", async () => {
    bot = await startTestBot();
    const mine = bot.private("alice", "小李").user("alice", "小李");
    await mine.says("/whoami");
    await reportInGroup("alice", "小李");
    const office = bot.private(bot.staff).user(bot.staff, "园区老张");

    expect((await office.says("/return R20260316-001 照片里只有6个人，请核对人数和地点"))[0]).toBe("已退回 R20260316-001，已私信告诉上报人原因，对方可以逐项改好后重新提交。");
    // Nothing about it in the group; the reason and the way to fix it in the private chat.
    expect((await bot.group("g1").botMessages()).join("\n")).not.toMatch(/退回|核对/);
    expect(await bot.private("alice").lastReply()).toMatch(/^你上报的“.*”（2026-03-15，R20260316-001）被园区退回：照片里只有6个人，请核对人数和地点。\n不用重新填写：直接回复要改的内容/);

    expect(await mine.says("人数改成6")).toEqual(["已改：人数 6，时长（人·小时） 18。还要改别的就继续说；改好了回复“重新提交”。"]);
    expect(await mine.says("地点：新牧社区敬老院")).toEqual(["已改：人数 6，时长（人·小时） 18，地点 新牧社区敬老院。还要改别的就继续说；改好了回复“重新提交”。"]);
    expect(await mine.says("人数 好多个")).toEqual([expect.stringMatching(/^没看懂要改哪一项/)]);
    // A question in between is answered as any question; the correction waits.
    expect((await mine.says("年检材料什么时候交？"))[0]).toMatch(/3月31日|年检/);
    expect(await mine.says("重新提交")).toEqual(["已重新提交 R20260316-001，等园区审核，审核结果会私信告诉你。"]);

    const stored = await bot.app.storage.namespace<Record<string, unknown>>("reports").get("R20260316-001");
    expect(stored).toMatchObject({ status: "submitted", return_reason: null, volunteers: 6, volunteer_hours: 18, location: "新牧社区敬老院", organization: "新牧社区夕阳红志愿服务队" });
    expect((await office.says("/reports"))[0]).toMatch(/R20260316-001 待审核 .* 6人 18小时/);

    await office.says("/approve R20260316-001");
    expect(await bot.private("alice").lastReply()).toMatch(/^你上报的“.*”（2026-03-15，R20260316-001）已通过园区审核/);
    // Once resubmitted, ordinary private messages are not read as corrections any more.
    expect((await mine.says("人数 9"))[0] ?? "").not.toMatch(/已改/);
  });

  it("staff in the office chat hear that a corrected report waits for review again", async () => {
    bot = await startTestBot({ config: { qa: { staffChat: "playground:office" } } });
    await bot.private("alice", "小李").user("alice", "小李").says("/whoami");
    await reportInGroup("alice", "小李");
    await bot.group("office", "工作人员群").user(bot.staff).says("/return R20260316-001 人数不对");
    await bot.private("alice").user("alice", "小李").says("人数 6");
    await bot.private("alice").user("alice", "小李").says("重新提交");
    expect(await bot.group("office").lastReply()).toBe("小李 修改后重新提交了 R20260316-001：人数 6，时长（人·小时） 18。发送 /reports 查看待审核。");
  });

  it("a volunteer known only in the group gets a pointer there, then opens the correction privately with 修改上报", async () => {
    bot = await startTestBot();
    await reportInGroup("bob", "老王");
    const office = bot.private(bot.staff).user(bot.staff);
    expect((await office.says("/return R20260316-001 时间写错了"))[0]).toMatch(/上报人还没私聊过机器人/);
    expect(await bot.group("g1").lastReply()).toBe("@老王 你上报的 R20260316-001 需要修改一下，原因请私聊我查看：私聊发“修改上报 R20260316-001”。");

    const bob = bot.private("bob", "老王").user("bob", "老王");
    expect((await bob.says("修改上报 R20260316-001"))[0]).toMatch(/^R20260316-001 被退回的原因：时间写错了/);
    expect(await bob.says("时间 9点到11点半")).toEqual(["已改：开始 09:00，结束 11:30，时长（人·小时） 20。还要改别的就继续说；改好了回复“重新提交”。"]);
    expect(await bob.says("取消")).toEqual(["好的，R20260316-001 先不改了。需要时发“修改上报 R20260316-001”继续。"]);
    expect((await bot.app.storage.namespace<Record<string, unknown>>("reports").get("R20260316-001"))).toMatchObject({ status: "returned", start_time: "14:00" });

    // Someone else cannot open it.
    expect((await bot.private("carol").user("carol").says("修改上报 R20260316-001"))[0]).toMatch(/没有找到你被退回的上报 R20260316-001/);
  });
});

describe("reading one correction", () => {
  const today = "2026-03-16";
  it.each([
    ["人数 6", { field: "volunteers", value: 6 }],
    ["志愿者人数改为六", { field: "volunteers", value: 6 }],
    ["把人数改成12人", { field: "volunteers", value: 12 }],
    ["服务人数：30", { field: "beneficiaries", value: 30 }],
    ["地点 新牧社区敬老院", { field: "location", value: "新牧社区敬老院" }],
    ["日期 3月15日", { field: "date", value: "2026-03-15" }],
    ["日期改成2026-02-28", { field: "date", value: "2026-02-28" }],
    ["日期 12月30号", { field: "date", value: "2025-12-30" }],
    ["时间 2点到5点", { field: "time", start: "14:00", end: "17:00" }],
    ["时间：上午9:00-11:30", { field: "time", start: "09:00", end: "11:30" }],
    ["结束时间 下午4点半", { field: "end_time", value: "16:30" }],
    ["时长 24", { field: "volunteer_hours", value: 24 }],
    ["类别 助老", { field: "category", value: "助老" }],
  ])("%s", (line, expected) => {
    expect(readEdit(line, today)).toEqual(expected);
  });

  it.each(["类别 好人好事", "人数 很多", "天气不错", "时间 下午"])("%s is not read as a correction", (line) => {
    expect(readEdit(line, today)).toBeUndefined();
  });
});
