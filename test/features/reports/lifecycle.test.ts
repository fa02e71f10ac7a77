import { afterEach, describe, expect, it } from "vitest";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const undated = "新牧社区夕阳红志愿服务队前几天在新牧社区养老院陪老人包饺子，志愿者8人，下午2点到5点";
const noTeam = "昨天我们去敬老院陪老人包饺子了，一共8个人";
const hour = 3600_000;

describe("report drafts over time", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("dates a later answer from the first message's day, even after midnight", async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-16T23:50:00+08:00");
    const alice = bot.private("alice").user("alice");
    expect((await alice.says(undated))[0]).toMatch(/哪天/);
    bot.clock.advance(6 * hour);
    const [reply] = await alice.says("昨天");
    expect(reply).toContain("时间：2026-03-15 14:00-17:00");
  });

  it("resumes after hours of silence", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    await group.user("alice").says(`@小园助手 ${noTeam}`);
    bot.clock.advance(20 * hour);
    // Still her conversation: no mention needed.
    expect((await group.user("alice").says("新牧社区夕阳红志愿服务队"))[0]).toMatch(/多久|几点/);
  });

  it("drops a draft after 72 hours with a notice on the next message", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    await group.user("alice", "小李").says(`@小园助手 ${noTeam}`);
    bot.clock.advance(73 * hour);
    const [reply] = await group.user("alice", "小李").says("新牧社区夕阳红志愿服务队");
    expect(reply).toMatch(/超过72小时没有完成，已作废/);
    expect(await group.user("alice", "小李").says("好的")).toEqual([]);
  });

  it("keeps a draft younger than the configured expiry", async () => {
    bot = await startTestBot({ config: { reports: { draftExpiryHours: 100 } } });
    const group = bot.group("g1");
    await group.user("alice").says(`@小园助手 ${noTeam}`);
    bot.clock.advance(80 * hour);
    expect((await group.user("alice").says("新牧社区夕阳红志愿服务队"))[0]).toMatch(/多久|几点/);
  });

  it("sweeps expired drafts on schedule and tells the reporter in the group", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    await group.user("alice", "小李").says(`@小园助手 ${noTeam}`);
    bot.clock.advance(10 * hour);
    await bot.scheduler.tick(bot.clock.now());
    expect(await group.botMessages()).toHaveLength(1);
    bot.clock.advance(63 * hour);
    await bot.scheduler.tick(bot.clock.now());
    await bot.scheduler.tick(bot.clock.now());
    const messages = await group.botMessages();
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatch(/^@小李 .*超过72小时没有完成，已作废/);
    // The conversation is closed: her chatter is ignored again.
    expect(await group.user("alice", "小李").says("新牧社区夕阳红志愿服务队")).toEqual([]);
  });

  it("drops a draft of an old version with a notice instead of crashing", async () => {
    bot = await startTestBot();
    await bot.app.storage.namespace("report-drafts").set("playground:dm-alice|playground:alice", { v: 0, fields: { org: "旧格式" }, step: 3 });
    const [reply] = await bot.private("alice").user("alice").says("确认");
    expect(reply).toMatch(/升级.*已作废/);
    expect(await bot.app.storage.namespace("report-drafts").get("playground:dm-alice|playground:alice")).toBeUndefined();
  });

  it("resumes a dialog in a new app over the same store", async () => {
    const storage = openMemoryStorage();
    const first = await startTestBot({ storage });
    await first.private("alice").user("alice").says(noTeam);
    await first.close();
    bot = await startTestBot({ storage });
    expect((await bot.private("alice").user("alice").says("新牧社区夕阳红志愿服务队"))[0]).toMatch(/多久|几点/);
  });
});
