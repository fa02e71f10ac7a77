import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";

describe("playground transcripts", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("answers /help in a group and lists the group's commands", async () => {
    bot = await startTestBot();
    const replies = await bot.group("g1").user("alice", "小李").says("/help");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/\/help/);
    expect(replies[0]).toMatch(/帮助/);
  });

  it("answers /help@botname as a command in a group", async () => {
    bot = await startTestBot();
    expect(await bot.group("g1").user("alice").says("/help@xiaoyuan_bot")).toHaveLength(1);
  });

  it("answers /help in a private chat with the private-chat commands", async () => {
    bot = await startTestBot();
    const [reply] = await bot.private("alice").user("alice", "小李").says("/help");
    expect(reply).toMatch(/可以直接发消息给我/);
    expect(reply).toMatch(/\/report/);
  });

  it("answers a mention in a group", async () => {
    bot = await startTestBot();
    const replies = await bot.group("g1").user("alice").says("@小园助手 你好");
    expect(replies).toHaveLength(1);
  });

  it("stays silent on group chatter", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    expect(await group.user("alice").says("大家今天辛苦了")).toEqual([]);
    expect(await group.user("bob").says("明天几点集合？")).toEqual([]);
    expect(await group.botMessages()).toEqual([]);
  });

  it("treats an alias running into other words as chatter, not a command", async () => {
    bot = await startTestBot();
    expect(await bot.group("g1").user("alice").says("帮助别人很快乐")).toEqual([]);
    expect(await bot.group("g1").user("alice").says("帮助")).toHaveLength(1);
  });

  it("answers anything in a private chat, with a helpful fallback", async () => {
    bot = await startTestBot();
    const replies = await bot.private("alice").user("alice").says("嗯嗯");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/help/);
  });

  it("shows staff commands only to staff in /help", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const forVolunteer = (await group.user("alice").says("/help"))[0]!;
    const forStaff = (await group.user(bot.staff, "园区老王").says("/help"))[0]!;
    expect(forStaff).toMatch(/工作人员/);
    expect(forVolunteer).not.toMatch(/你是园区工作人员/);
  });

  it("tells a person who they are with /whoami", async () => {
    bot = await startTestBot();
    const [reply] = await bot.private("alice").user("alice", "小李").says("/whoami");
    expect(reply).toContain("playground:alice");
    expect(reply).toContain("志愿者");
  });

  it("drops a re-delivered platform message", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    expect(await group.user("alice").says("/help", { id: "m-1" })).toHaveLength(1);
    expect(await group.user("alice").says("/help", { id: "m-1" })).toEqual([]);
  });
});

describe("help for staff in a private chat", () => {
  it("also lists group-only staff commands, marked as such", async () => {
    const bot = await startTestBot();
    const [reply] = await bot.private(bot.staff).user(bot.staff).says("/help");
    expect(reply).toMatch(/\/bind.*（在群里用）/);
    const [member] = await bot.private("alice").user("alice").says("/help");
    expect(member).not.toMatch(/\/bind/);
    await bot.close();
  });
});
