import { afterEach, describe, expect, it } from "vitest";
import type { BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const broadcasts = (bot: TestBot) => bot.app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature;

async function bindGroups(bot: TestBot, groups: Array<[string, string, string]>): Promise<void> {
  for (const [id, title, binding] of groups) await bot.group(id, title).user(bot.staff).says(`/bind ${binding}`);
}

describe("broadcast in the playground", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("previews with the number of groups, sends on 确认, reports, and collects 收到", async () => {
    bot = await startTestBot();
    await bindGroups(bot, [
      ["g1", "书法协会群", "书法协会 tag:文化"],
      ["g2", "舞蹈队群", "舞蹈队 tag:文化"],
      ["g3", "青年群", "青年志愿队 tag:青年"],
    ]);
    const office = bot.group("office", "工作人员群");
    const [preview] = await office.user(bot.staff, "园区老王").says("通知 to:文化 周六上午创新园停电，活动请改期。");
    expect(preview).toBe("将发送到 2 个群（文化）：\n——————\n周六上午创新园停电，活动请改期。\n——————\n回复“确认”发送，回复“取消”放弃。");
    // Others' chatter in the same group is not taken as the answer.
    expect(await office.user("alice", "小李").says("确认")).toEqual([]);
    expect(await office.user(bot.staff, "园区老王").says("确认")).toEqual(["开始发送通知 #1，共 2 个群。发送进度和送达报告会发到这里。"]);
    await broadcasts(bot).idle();
    for (const group of ["g1", "g2"]) expect(await bot.group(group).botMessages()).toContain("📢 园区通知\n周六上午创新园停电，活动请改期。\n（收到请回复“收到”）");
    expect((await bot.group("g3").botMessages()).some((text) => text.includes("园区通知"))).toBe(false);
    expect(await office.lastReply()).toBe("通知 #1 发送完成：2/2 个群已送达。");
    const entry = (await bot.playground.transcripts.after("playground:g1", 0)).find((message) => message.text.startsWith("📢"));
    expect(entry?.buttons).toEqual([{ text: "收到", data: "收到 1" }]);

    // A member answers 收到: recorded and thanked in a few words, once; saying it again stays silent.
    expect(await bot.group("g1").user("alice", "小李").says("收到")).toEqual(["@小李 已记下你收到了通知 #1，谢谢！"]);
    expect(await bot.group("g1").user("alice", "小李").says("收到了")).toEqual([]);
    const [status] = await office.user(bot.staff).says("/broadcast status 1");
    expect(status).toBe("通知 #1：已送达 2/2 个群，1 个群有人回复收到，未送达 0 个。\n尚无人回复“收到”的群（1 个）：\n舞蹈队群");
    // The button sends "收到 1", and gets the same short answer instead of a bare echo.
    expect(await bot.group("g2").user("bob", "老张").says("收到 1")).toEqual(["@老张 已记下你收到了通知 #1，谢谢！"]);
    expect((await office.user(bot.staff).says("/broadcast status 1"))[0]).toMatch(/2 个群有人回复收到.*\n已送达的 2 个群都有人回复了“收到”。/);
  });

  it("drops the draft on 取消 and sends nothing", async () => {
    bot = await startTestBot();
    await bindGroups(bot, [["g1", "书法协会群", "书法协会 tag:文化"]]);
    const office = bot.group("office");
    await office.user(bot.staff).says("/broadcast to:all 测试");
    expect(await office.user(bot.staff).says("随便说说")).toEqual(["请回复“确认”发送这条通知，或回复“取消”放弃。"]);
    expect(await office.user(bot.staff).says("取消")).toEqual(["已取消，这条通知不会发送。"]);
    expect(await office.user(bot.staff).says("确认")).toEqual([]);
    await broadcasts(bot).idle();
    expect((await bot.group("g1").botMessages()).some((text) => text.includes("园区通知"))).toBe(false);
  });

  it("says when no group has the tag, and records the broadcast in the audit log", async () => {
    bot = await startTestBot();
    await bindGroups(bot, [["g1", "书法协会群", "书法协会 tag:文化"]]);
    const office = bot.private("staff");
    expect(await office.user(bot.staff).says("/broadcast to:体育 明天运动会")).toEqual([expect.stringMatching(/^没有带“体育”标签的活跃群/)]);
    await office.user(bot.staff).says("/broadcast to:文化 明天书法展");
    await office.user(bot.staff).says("确认");
    await broadcasts(bot).idle();
    const [audit] = await office.user(bot.staff).says("/audit");
    expect(audit).toMatch(/群发通知：#1 to:文化 明天书法展（涉及 1 个群）/);
  });

  it("ignores 收到 in a group that got no broadcast", async () => {
    bot = await startTestBot();
    expect(await bot.group("g9").user("alice").says("收到")).toEqual([]);
    expect(await bot.group("g9").botMessages()).toEqual([]);
  });
});

describe("a group whose copy another instance claimed", () => {
  it("is not counted as sent until that instance records it or its claim lapses", async () => {
    const bot = await startTestBot();
    await bindGroups(bot, [
      ["g1", "书法协会群", "书法协会 tag:文化"],
      ["g2", "舞蹈队群", "舞蹈队 tag:文化"],
    ]);
    // Another instance (which then crashed) claimed g2's copy of broadcast #1 and never sent it.
    await bot.app.storage.claim("once:broadcast:1:playground:g2", 600_000, "crashed-instance");
    const office = bot.group("office", "工作人员群");
    await office.user(bot.staff).says("通知 to:文化 周六停电");
    await office.user(bot.staff).says("确认");
    await broadcasts(bot).idle();
    expect((await bot.group("g2").botMessages()).some((text) => text.includes("周六停电"))).toBe(false);
    expect((await office.botMessages()).some((text) => /发送完成/.test(text))).toBe(false);

    // The claim lapses; the next start resumes the job and delivers the missing copy once.
    await bot.app.storage.release("once:broadcast:1:playground:g2");
    await bot.app.features.find((feature) => feature.name === "broadcast")!.start!();
    await broadcasts(bot).idle();
    expect((await bot.group("g2").botMessages()).filter((text) => text.includes("周六停电"))).toHaveLength(1);
    expect((await bot.group("g1").botMessages()).filter((text) => text.includes("周六停电"))).toHaveLength(1);
    expect(await office.lastReply()).toMatch(/发送完成：2\/2/);
    await bot.close();
  });
});
