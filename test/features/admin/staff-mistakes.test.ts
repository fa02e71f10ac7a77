import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../support/bot.js";

describe("admin: what staff really type", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("reads tag: 养老, 社区 with spaces after the colon and commas instead of taking the tags into the name", async () => {
    bot = await startTestBot();
    expect(await bot.group("g1", "老年群").user(bot.staff).says("/bind 老年服务队 tag: 养老， 社区")).toEqual(["已将本群绑定到“老年服务队”（类型：未识别，可加 type:社团|民非|基金会；标签：养老、社区）。"]);
    expect(await bot.group("g2", "书法群").user(bot.staff).says("绑定 书法协会 标签： 文化")).toEqual(["已将本群绑定到“书法协会”（类型：社团；标签：文化）。"]);
  });

  it("/groups with many groups: counts first, bound before unbound, 第2群 before 第10群, and a filter", async () => {
    bot = await startTestBot();
    for (let index = 1; index <= 12; index++) {
      const group = bot.group(`g${index}`, `第${index}群`);
      if (index % 2 === 0) await group.user(bot.staff).says(`/bind 组织${index} tag:社区`);
      else await group.user("alice").says("/whoami");
    }
    const [list] = await bot.private("staff").user(bot.staff).says("/groups");
    const lines = list!.split("\n");
    expect(lines[0]).toBe("共 12 个群（已绑定 6，未绑定 6，机器人已被移出 0）：");
    expect(lines[1]).toBe("可发送“/groups 标签名”或“/groups 未绑定”只看一部分。");
    expect(lines.slice(2).map((line) => line.split("｜")[0])).toEqual(["· 第2群", "· 第4群", "· 第6群", "· 第8群", "· 第10群", "· 第12群", "· 第1群", "· 第3群", "· 第5群", "· 第7群", "· 第9群", "· 第11群"]);
    const [unbound] = await bot.private("staff").user(bot.staff).says("/groups 未绑定");
    expect(unbound!.split("\n")[0]).toBe("符合“未绑定”的群共 6 个：");
    expect(await bot.private("staff").user(bot.staff).says("/groups 环保")).toEqual(["没有符合“环保”的群。发送 /groups 查看全部。"]);
  });

  it("/audit names actions in Chinese and leaves out （涉及 0 个群）", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "协会群");
    await group.user(bot.staff, "园区老王").says("/training add 明天 09:00-10:00 养老服务规范 @创新园");
    await group.user(bot.staff, "园区老王").says("/training roster 1");
    const [audit] = await bot.private("staff").user(bot.staff, "园区老王").says("/audit");
    expect(audit!.split("\n")).toEqual([
      "最近 2 条操作记录：",
      "· 3-16 10:00 园区老王（playground:staff）查看报名名单：#1",
      "· 3-16 10:00 园区老王（playground:staff）发布培训：#1 /training add 明天 09:00-10:00 养老服务规范 @创新园（涉及 1 个群）",
    ]);
  });

  it("answers in Chinese when only the command's keywords are English (edit, remind:, cap:, to:all), in English when the content is", async () => {
    bot = await startTestBot();
    const staff = bot.group("g1", "培训群").user(bot.staff);
    await staff.says("/training add 明天 14:00-16:00 财务培训 @二楼");
    expect((await staff.says("/training edit 1 remind:1h cap:30"))[0]).toMatch(/^已更新培训 #1：财务培训\n/);
    expect(await staff.says("/training edit 1 remind:soon")).toEqual(["看不懂“soon”：提醒写成 remind:1d,2h,30m，名额写成 cap:30。"]);
    expect((await staff.says("/training edit 1 to:all"))[0]).toMatch(/^已更新培训 #1/);
    expect(await staff.says("/broadcast to:all")).toEqual([expect.stringMatching(/^格式：\/broadcast to:<标签\|all> <通知内容>/)]);
    expect((await staff.says("/training add 2026-12-03 14:00-16:00 Finance basics @Room 2"))[0]).toMatch(/^Training #2 scheduled: Finance basics/);
  });

  it("names the organization a re-bind replaces", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "书法群");
    await group.user(bot.staff).says("/bind 书法协会 tag:文化");
    expect(await group.user(bot.staff).says("/bind 舞蹈队 tag:文化")).toEqual(["已将本群绑定到“舞蹈队”（类型：未识别，可加 type:社团|民非|基金会；标签：文化）。（原来绑定的“书法协会”已替换）"]);
    expect(await group.user(bot.staff).says("/bind 舞蹈队 tag:文化,社区")).toEqual(["已将本群绑定到“舞蹈队”（类型：未识别，可加 type:社团|民非|基金会；标签：文化、社区）。"]);
  });

  it("/audit in an organization's group is answered with a pointer to the private chat; the staff chat may read it", async () => {
    bot = await startTestBot({ config: { qa: { staffChat: "playground:office" } } });
    await bot.group("g1", "协会群").user(bot.staff).says("/bind 某某协会 tag:养老");
    expect(await bot.group("g1", "协会群").user(bot.staff).says("/audit")).toEqual(["操作记录含有成员账号信息，请私聊我发送 /audit 查看。"]);
    expect((await bot.group("office", "工作人员群").user(bot.staff).says("/audit"))[0]).toMatch(/^最近 1 条操作记录：/);
  });
});
