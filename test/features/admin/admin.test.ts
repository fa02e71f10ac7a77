import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";

describe("admin: binding groups, listing them, the audit log", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("binds a group to an organization with its type and tags, and lists groups", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "书法协会群");
    expect(await group.user(bot.staff, "园区老王").says("绑定 平房区书法家协会 tag:文化,社区")).toEqual(["已将本群绑定到“平房区书法家协会”（类型：社团；标签：文化、社区）。"]);
    const record = await bot.app.chats.get("playground:g1");
    expect(record).toMatchObject({ organization: "平房区书法家协会", organizationType: "社团", tags: ["文化", "社区"], active: true });
    await bot.group("g2", "彩虹群").user(bot.staff).says("/bind 彩虹社工服务中心 社会服务机构");
    expect((await bot.app.chats.get("playground:g2"))?.organizationType).toBe("民非");
    const [list] = await bot.private("staff").user(bot.staff).says("/groups");
    expect(list).toMatch(/共 2 个群/);
    expect(list).toMatch(/· 书法协会群｜平房区书法家协会（社团）｜标签：文化、社区｜活跃｜最近活动 3-16 10:00/);
    expect(await group.user(bot.staff).says("/unbind")).toEqual([expect.stringContaining("已解除本群与“平房区书法家协会”的绑定")]);
    expect((await bot.app.chats.get("playground:g1"))?.tags).toEqual([]);
  });

  it("refuses staff commands to others politely and changes nothing", async () => {
    bot = await startTestBot();
    const group = bot.group("g1");
    const refusal = "抱歉，这个命令只有园区工作人员可以使用。";
    for (const command of ["/bind 某协会 tag:x", "绑定 某协会", "/unbind", "/groups", "/audit", "/training add 明天 9:00-10:00 测试 @创新园", "/training list", "/broadcast to:all 明天停电", "通知 to:all 明天停电"]) {
      expect(await group.user("alice", "小李").says(command)).toEqual([refusal]);
    }
    expect((await bot.app.chats.get("playground:g1"))?.organization).toBeUndefined();
    expect(await group.user("alice").says("培训")).toEqual(["本群近期没有培训安排。"]);
    expect(await bot.private("staff").user(bot.staff).says("/audit")).toEqual(["还没有操作记录。"]);
  });

  it("records who did what, when and in which groups", async () => {
    bot = await startTestBot();
    await bot.group("g1", "协会群").user(bot.staff, "园区老王").says("/bind 某某协会 tag:养老");
    await bot.group("g1").user(bot.staff, "园区老王").says("/training add 明天 09:00-10:00 养老服务规范 @创新园 to:养老");
    const [audit] = await bot.private("staff").user(bot.staff, "园区老王").says("/audit");
    const lines = audit!.split("\n");
    expect(lines[0]).toBe("最近 2 条操作记录：");
    expect(lines[1]).toMatch(/^· 3-16 10:00 园区老王（playground:staff）发布培训：#1 \/training add 明天 09:00-10:00 养老服务规范.*（涉及 1 个群）$/);
    expect(lines[2]).toMatch(/绑定群：\/bind 某某协会 tag:养老（涉及 1 个群）$/);
  });
});
