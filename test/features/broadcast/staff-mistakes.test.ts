import { afterEach, describe, expect, it } from "vitest";
import type { BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const broadcasts = (bot: TestBot) => bot.app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature;

async function bindGroups(bot: TestBot, count: number, tag = "社区"): Promise<void> {
  for (let index = 1; index <= count; index++) await bot.group(`g${index}`, `社区群${index}`).user(bot.staff).says(`/bind 社区组织${index} tag:${tag}`);
}

describe("broadcast: what staff and members really type", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("counts the ways members say 收到: 收到，谢谢 / 已收到 谢谢 / 收到👌 / 收到啦 / 收到了，谢谢！ — but not a question", async () => {
    bot = await startTestBot();
    await bindGroups(bot, 6);
    const office = bot.private("staff");
    await office.user(bot.staff).says("/broadcast to:社区 周六上午停电");
    await office.user(bot.staff).says("确认");
    await broadcasts(bot).idle();
    const answers = ["收到，谢谢", "已收到 谢谢", "收到👌", "收到啦", "收到了，谢谢！", "收到，停电到几点？"];
    const replies = [];
    for (const [index, text] of answers.entries()) replies.push(await bot.group(`g${index + 1}`, `社区群${index + 1}`).user(`m${index}`, "成员").says(text));
    // Each 收到 is thanked in a few words; the question is not a receipt.
    expect(replies.slice(0, 5)).toEqual(Array(5).fill(["@成员 已记下你收到了通知 #1，谢谢！"]));
    expect(replies[5]).not.toContainEqual(expect.stringContaining("已记下"));
    const [status] = await office.user(bot.staff).says("/broadcast status 1");
    expect(status).toBe("通知 #1：已送达 6/6 个群，5 个群有人回复收到，未送达 0 个。\n尚无人回复“收到”的群（1 个）：\n社区群6");
  });

  it("/broadcast status without a number shows the latest announcement; before any, says so", async () => {
    bot = await startTestBot();
    const office = bot.private("staff");
    expect(await office.user(bot.staff).says("/broadcast status")).toEqual(["还没有发过通知。发送格式：/broadcast to:<标签|all> <通知内容>"]);
    await bindGroups(bot, 1);
    for (const text of ["第一条", "第二条"]) {
      await office.user(bot.staff).says(`/broadcast to:all ${text}`);
      await office.user(bot.staff).says("确认");
      await broadcasts(bot).idle();
    }
    expect((await office.user(bot.staff).says("/broadcast status"))[0]).toMatch(/^通知 #2：已送达 1\/1 个群/);
  });

  it("takes to: 社区， 养老 with spaces, and 所有 / 全部 for every group, shown as 全部群", async () => {
    bot = await startTestBot();
    await bindGroups(bot, 2, "社区");
    await bot.group("g3", "养老群").user(bot.staff).says("/bind 养老队 tag:养老");
    const office = bot.private("staff");
    expect((await office.user(bot.staff).says("通知 to: 社区， 养老 明天停电"))[0]).toMatch(/^将发送到 3 个群（社区、养老）：\n——————\n明天停电\n/);
    await office.user(bot.staff).says("取消");
    expect((await office.user(bot.staff).says("通知 to:所有 明天停电"))[0]).toMatch(/^将发送到 3 个群（全部群）/);
  });

  it("answers a colleague's 确认 instead of ignoring it, and sends nothing until the one who previewed confirms", async () => {
    bot = await startTestBot({ config: { playground: { staffUsers: ["staff", "staff2"] } } });
    await bindGroups(bot, 1);
    const office = bot.group("office", "工作人员群");
    await office.user("staff", "园区老王").says("/broadcast to:all 明天停电");
    expect(await office.user("staff2", "园区小张").says("确认")).toEqual(["这条通知是园区老王预览的，需要园区老王本人回复“确认”才会发送。你也可以自己发送 /broadcast to:<标签|all> <内容>。"]);
    await broadcasts(bot).idle();
    expect(await bot.group("g1").botMessages()).toEqual(["已将本群绑定到“社区组织1”（类型：未识别，可加 type:社团|民非|基金会；标签：社区）。"]);
    // to:all leaves out the office group the broadcast is typed in.
    expect(await office.user("staff", "园区老王").says("确认")).toEqual(["开始发送通知 #1，共 1 个群。发送进度和送达报告会发到这里。"]);
    // Once sent, a colleague's 确认 is chatter again.
    expect(await office.user("staff2", "园区小张").says("确认")).toEqual([]);
  });

  it("a 确认 after the preview expired says so and sends nothing", async () => {
    bot = await startTestBot();
    await bindGroups(bot, 1);
    const office = bot.private("staff");
    await office.user(bot.staff).says("/broadcast to:社区 明天停电");
    bot.clock.advance(31 * 60_000);
    expect(await office.user(bot.staff).says("确认")).toEqual(["这条通知的预览已超过30分钟，没有发送。请重新发送 /broadcast to:<标签|all> <内容>。"]);
    await broadcasts(bot).idle();
    expect((await bot.group("g1").botMessages()).some((text) => text.includes("园区通知"))).toBe(false);
  });
});
