/**
 * Fields that a message does determine in less common ways (so they must not be asked), and
 * messages that are no report although they carry counts and places (REPORTS.md).
 */
import { describe, expect, it } from "vitest";
import { extractReports } from "../../../../src/features/reports/extract/index.js";
import { findLocation } from "../../../../src/features/reports/extract/location.js";
import { findOrganization } from "../../../../src/features/reports/extract/organization.js";
import { readPeople } from "../../../../src/features/reports/extract/people.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";

const people = (text: string) => readPeople(normalizeText(text));
const organization = (text: string) => findOrganization(normalizeText(text));
const location = (text: string) => {
  const normal = normalizeText(text);
  return findLocation(normal, findOrganization(normal));
};
const extract = (text: string, at: string) => extractReports([text], new Date(at));

describe("volunteers written as a sum", () => {
  it("我+3 counts the reporter and the companions", () => {
    expect(people("前儿个下午在松花江边捡垃圾，我+3，两点到五点").volunteers).toBe(4);
    expect(people("我加2个队员去送米").volunteers).toBe(3);
  });

  it("adds a team counted by sex", () => {
    expect(people("我们队5男3女去和平小区看望空巢老人").volunteers).toBe(8);
    expect(people("志愿者男3女2，8点到10点").volunteers).toBe(5);
    expect(people("我们队男的4个女的3个").volunteers).toBe(7);
    expect(people("暖阳志愿服务队男女各4人搞了献血引导").volunteers).toBe(8);
  });

  it("does not read a building number as people", () => {
    expect(people("在新阳社区5号楼下给老人义务理发 7个人").beneficiaries).toBeNull();
  });
});

describe("organization", () => {
  it("keeps the name before a title that repeats its suffix (队长, 会长)", () => {
    expect(organization("我是春晖志愿服务队队长老张，昨天我们队在江边冰场维持秩序")).toBe("春晖志愿服务队");
    expect(organization("阳光志愿者协会会长带队去了敬老院")).toBe("阳光志愿者协会");
  });

  it("reads 和平 as the start of a name, not as 我们和", () => {
    expect(organization("周六我们和平社区志愿服务队12人在社区门口转运沙袋")).toBe("和平社区志愿服务队");
  });

  it("takes a name signed on its own line", () => {
    expect(organization("今天上午9点到11点在兆麟公园做文明引导，志愿者10人\n——暖心小屋 李姐")).toBe("暖心小屋");
    expect(organization("今天在兆麟公园做文明引导，志愿者10人\n——谢谢大家")).toBeNull();
  });

  it("knows 小组 as a team, but not a count of groups", () => {
    expect(organization("昨天上午在兆麟公园，我们学雷锋小组10人做文明引导")).toBe("学雷锋小组");
    expect(organization("昨天在兆麟公园，分成两个小组做文明引导")).toBeNull();
  });
});

describe("location", () => {
  it("asks when only a kind of place is named", () => {
    expect(location("今天在地铁站口发春运温馨提示卡，9点到11点，志愿者6人")).toBeNull();
    expect(location("今天在超市门口搞宣传，志愿者6人")).toBeNull();
  });

  it("places 社区门口 in the team's own community", () => {
    expect(location("周六我们和平社区志愿服务队12人在社区门口搞了防汛沙袋转运")).toBe("和平社区门口");
  });

  it("reads a gate or a lettered exit as a place", () => {
    expect(location("周六 早7点到9点 松北区太阳岛东门 文明游园劝导 志愿者10人")).toBe("松北区太阳岛东门");
  });

  it("splits table-style fields at |", () => {
    expect(location("报：青松志愿队｜6.9｜兆麟公园｜文明引导｜10人｜9:00-11:00")).toBe("兆麟公园");
  });

  it("ends a place at 跳 (跳广场舞)", () => {
    expect(location("昨晚和谐家园志愿服务队在小区中心花园跳广场舞教学，5个志愿者")).not.toMatch(/跳/);
  });
});

describe("not a report despite counts and places", () => {
  it("a future day settled with 已经确定了 is still a plan", () => {
    expect(extract("这周六上午9点，绿茵环保志愿队在松花江边捡垃圾，我们8个人已经确定了", "2026-06-10T20:00:00+08:00").is_report).toBe(false);
  });

  it("有空的来 recruits", () => {
    expect(extract("周六上午9点绿茵环保志愿队在松花江边捡垃圾，有空的来", "2026-06-10T20:00:00+08:00").is_report).toBe(false);
  });

  it("a message opening with 请问 is a question", () => {
    expect(extract("请问我们队周六在超市门口搞宣传，8个人干了半天，时长怎么算？是算4小时吗", "2026-10-19T20:00:00+08:00").is_report).toBe(false);
  });

  it("a planned activity that did not happen is no report, however many came", () => {
    expect(extract("昨天原计划在江边搞的捡垃圾活动，因为下暴雨没搞成，12个人白集合了", "2026-08-03T20:00:00+08:00").is_report).toBe(false);
  });
});
