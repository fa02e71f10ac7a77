import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { projectPath } from "../../../src/core/paths.js";
import { nameParts, parseMerge, sameOrganization } from "../../../src/features/reports/organizations.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

/** Pairs written for this test: how people shorten, lengthen or mistype their own team's name. */
const SAME: Array<[string, string]> = [
  ["夕阳红志愿队", "新牧社区夕阳红志愿服务队"],
  ["新牧社区夕阳红志愿服务队", "哈尔滨市平房区新牧社区夕阳红志愿队"],
  ["夕阳红志愿者服务队", "夕阳红志愿服务队"],
  ["蓝天救援队", "平房区蓝天救援队"],
  ["绿色家园环保队", "保国街道绿色家园环保志愿服务队"],
  ["爱心妈妈志愿服务队", "兴建街道爱心妈妈志愿队"],
  ["哈南爱心助残协会", "哈南爱心助残志愿者协会"],
  ["墨香书画社", "平房区墨香书画社"],
  ["银发先锋志愿队", "平新社区 银发先锋志愿服务队"],
];
const DIFFERENT: Array<[string, string]> = [
  ["平新社区夕阳红志愿队", "新牧社区夕阳红志愿服务队"], // same core, two places: two teams
  ["平房区义工联合会", "保国街道义工联合会"],
  ["青年志愿者协会", "哈飞青年志愿者服务队"],
  ["保国街道青年志愿服务队", "兴建街道青年志愿服务队"],
  ["义工联合会", "平房区义工联合会"], // a vague core needs its place said
  ["夕阳红志愿队", "朝阳红志愿队"],
  ["新牧社区夕阳红志愿服务队", "新牧社区朝阳志愿服务队"],
];

describe("matching organization names", () => {
  it("finds the core of a name without its place and its kind", () => {
    expect(nameParts("新牧社区夕阳红志愿服务队")).toEqual({ core: "夕阳红", place: "新牧社区" });
    expect(nameParts("夕阳红志愿队")).toEqual({ core: "夕阳红", place: "" });
    expect(nameParts("平房区义工联合会")).toEqual({ core: "义工", place: "平房区" });
  });

  it.each(SAME)("%s and %s are one team", (left, right) => {
    expect(sameOrganization(left, right)).toBe(true);
    expect(sameOrganization(right, left)).toBe(true);
  });

  it.each(DIFFERENT)("%s and %s are two teams", (left, right) => {
    expect(sameOrganization(left, right)).toBe(false);
  });

  it("agrees with hand-labelled pairs it was not written against (two later splits) at least 4 times in 5", () => {
    // heldout-1 was scored once before the place-shorthand and domain-word rules were added (73%), so it is no longer unseen; heldout-2 is.
    const pairs = readFileSync(projectPath("test/fixtures/organization-pairs.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { left: string; right: string; same: boolean; split: string });
    for (const split of ["heldout-1", "heldout-2"]) {
      const items = pairs.filter((pair) => pair.split === split);
      const agreed = items.filter((pair) => sameOrganization(pair.left, pair.right) === pair.same).length;
      console.info(`organization pairs ${split}: ${agreed}/${items.length}`);
      expect(agreed / items.length).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("reads the ways staff write a merge", () => {
    expect(parseMerge("夕阳红志愿队 => 新牧社区夕阳红志愿服务队")).toEqual({ from: "夕阳红志愿队", to: "新牧社区夕阳红志愿服务队" });
    expect(parseMerge("夕阳红志愿队→新牧社区夕阳红志愿服务队")).toEqual({ from: "夕阳红志愿队", to: "新牧社区夕阳红志愿服务队" });
    expect(parseMerge("夕阳红志愿队 并入 新牧社区夕阳红志愿服务队")).toEqual({ from: "夕阳红志愿队", to: "新牧社区夕阳红志愿服务队" });
    expect(parseMerge("夕阳红志愿队")).toBeUndefined();
  });
});

describe("one team, one name in the park's records", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  async function reportAndConfirm(group: ReturnType<TestBot["group"]>, user: string, text: string): Promise<string | undefined> {
    await group.user(user).says(`@小园助手 ${text}`);
    return (await group.user(user).says("确认"))[0];
  }

  it("a volunteer's short name is stored under the name the group is bound to, and /stats counts one organization", async () => {
    bot = await startTestBot();
    const group = bot.group("g1", "夕阳红群");
    await group.user(bot.staff).says("/bind 新牧社区夕阳红志愿服务队");
    await reportAndConfirm(group, "alice", "昨天下午夕阳红志愿队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点");
    await reportAndConfirm(bot.group("g2"), "bob", "昨天上午新牧社区夕阳红志愿服务队在何家沟河道捡垃圾，志愿者3人，9点到11点");
    const stored = await bot.app.storage.namespace<{ organization: string }>("reports").get("R20260316-001");
    expect(stored?.organization).toBe("新牧社区夕阳红志愿服务队");
    const [stats] = await bot.private(bot.staff).user(bot.staff).says("/stats 2026-03");
    expect(stats).toContain("新牧社区夕阳红志愿服务队：2场");
    expect(stats).not.toContain("夕阳红志愿队：");
  });

  it("a team from another place with the same core name stays its own organization", async () => {
    bot = await startTestBot();
    await reportAndConfirm(bot.group("g1"), "alice", "昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点");
    await reportAndConfirm(bot.group("g2"), "bob", "昨天上午平新社区夕阳红志愿队在平新社区活动室陪老人下棋，志愿者4人，9点到11点");
    const [stats] = await bot.private(bot.staff).user(bot.staff).says("/stats 2026-03");
    expect(stats).toContain("新牧社区夕阳红志愿服务队：1场");
    expect(stats).toContain("平新社区夕阳红志愿队：1场");
  });

  it("staff merge two names: earlier reports are renamed, later ones follow, and the merge is in the audit log", async () => {
    bot = await startTestBot();
    await reportAndConfirm(bot.group("g1"), "alice", "昨天下午阳光助残队在阳光家园陪残疾学员做手工，志愿者6人，2点到4点");
    await reportAndConfirm(bot.group("g2"), "bob", "昨天上午哈南爱心助残协会在阳光家园给学员理发，志愿者3人，9点到11点");
    const office = bot.private(bot.staff).user(bot.staff, "园区老张");
    expect((await office.says("/merge 阳光助残队"))[0]).toMatch(/请写成：\/merge 要合并的名称 => 保留的名称/);
    expect((await office.says("合并 阳光助残队 => 哈南爱心助残协会"))[0]).toBe("已把“阳光助残队”合并到“哈南爱心助残协会”：改了 1 条上报、0 个群的绑定；以后报“阳光助残队”的都记为“哈南爱心助残协会”，统计和导出算作一个组织。");
    await reportAndConfirm(bot.group("g3"), "carol", "昨天晚上阳光助残队在阳光家园陪学员看电影，志愿者2人，7点到9点");
    const [stats] = await office.says("/stats 2026-03");
    expect(stats).toContain("哈南爱心助残协会：3场");
    expect(stats).not.toContain("阳光助残队");
    expect((await office.says("/audit"))[0]).toMatch(/report\.merge|合并/);
    // Volunteers cannot merge.
    expect((await bot.group("g1").user("alice").says("/merge 哈南爱心助残协会 => 阳光助残队"))[0]).toMatch(/只有园区工作人员/);
  });
});
