import { describe, expect, it } from "vitest";
import { extractReports } from "../../../../src/features/reports/extract/index.js";
import { isEditRequest, stillGoing } from "../../../../src/features/reports/extract/classify.js";

const at = (iso: string) => new Date(iso);

describe("an activity still going or yet to start is not a report", () => {
  it.each([
    ["2026-11-21T10:20:00+08:00", "我们红马甲志愿服务队的队员现在还在兴建社区门口劝导文明养犬呢，估计得到12点"],
    ["2026-11-21T09:40:00+08:00", "阳光助残服务中心的伙伴们正在友协街道阳光家园给学员们剪头发，来了8个志愿者"],
    ["2026-11-21T15:00:00+08:00", "保国街道青年志愿者协会今天在联盟公园植树，来了15个人，这会儿树苗还没种完，等弄完了再报"],
    ["2026-11-21T13:30:00+08:00", "平房区义工联合会10名志愿者在平房公园捡垃圾，活动一会儿就结束，结束了我再发照片"],
    ["2026-11-21T08:30:00+08:00", "哈南爱心助残协会的志愿者们已经到齐了，马上开始陪残障朋友游园，12个志愿者"],
    ["2026-11-21T10:40:00+08:00", "兴建街道红马甲志愿服务队十来个人在兴建社区路口站岗劝导呢，要干到中午"],
    ["2026-11-21T10:00:00+08:00", "新牧社区夕阳红志愿服务队8个人今天上午9点开始在小区清理楼道杂物，干到11点半"],
  ])("%s %s", (sent, message) => {
    expect(extractReports([message], at(sent)).is_report).toBe(false);
  });

  it.each([
    ["2026-11-21T18:00:00+08:00", "今天上午我们友协街道巾帼志愿服务队12位姐妹去平房区社会福利院陪老人包饺子，9点到11点，回来的路上老人们还在念叨下次再来"],
    ["2026-11-21T20:00:00+08:00", "保国街道青年志愿者协会今天下午2点到4点在联盟公园开展捡拾垃圾活动，志愿者16人，照片还在整理，晚点发"],
    ["2026-11-21T17:30:00+08:00", "新牧社区夕阳红志愿服务队今天上午8点到10点在新牧社区小花园捡垃圾，9个人，现在大家还在群里晒照片呢"],
    ["2026-11-22T09:00:00+08:00", "昨天平房镇新时代文明实践志愿服务队在平房镇中心小学教孩子们剪纸，志愿者5人，下午1点到3点，孩子们现在还在问什么时候再来"],
  ])("a finished activity that says 还在 in another sense stays a report: %s %s", (sent, message) => {
    expect(extractReports([message], at(sent)).is_report).toBe(true);
  });

  it("reads the markers wherever the subject stands", () => {
    expect(stillGoing("我们队的几个老队员这会儿还在现场忙")).toBe(true);
    expect(stillGoing("活动结束后大家还在现场合影")).toBe(false);
    expect(stillGoing("老人们还在念叨")).toBe(false);
  });
});

describe("an edit of an earlier report is not a new report", () => {
  it.each([
    "上周报的那个养老院陪护活动，人数写错了，应该是9个人，麻烦管理员帮忙调整下",
    "我之前报过一个捡垃圾的活动，日期写错了，麻烦改成15号",
    "前两天报的普法讲座那个，时长写成了20小时，其实是10小时，能改吗",
    "月初我们报的巡逻活动，地点写错了，是兴建社区不是新牧社区",
    "11月15号那次普法讲座我报的时候把人数写成了8个，其实是10个，麻烦改改",
  ])("%s", (message) => {
    expect(isEditRequest(message)).toBe(true);
    expect(extractReports([message], at("2026-11-20T10:00:00+08:00")).is_report).toBe(false);
  });

  it("改造 in a new report is no change request", () => {
    const message = "今天下午新伟社区党员志愿服务队帮新伟社区3户困难家庭改造电路，志愿者6名，1点到4点";
    expect(isEditRequest(message)).toBe(false);
    expect(extractReports([message], at("2026-11-20T19:00:00+08:00")).is_report).toBe(true);
  });
});

describe("other words for still going", () => {
  it.each(["我们爱心车队仍在火车站帮旅客搬行李，志愿者6人", "巾帼志愿队依然在社区卫生站帮忙登记疫苗接种，8个人"])("%s is not a report yet", (message) => {
    const extraction = extractReports([message], new Date("2026-11-26T10:00:00+08:00"));
    expect(extraction.is_report).toBe(false);
  });
});

describe("a team that has just arrived", () => {
  it("has not finished (刚到), unlike one that is back home (刚到家)", () => {
    const at = new Date("2026-12-05T09:05:00+08:00");
    expect(extractReports(["我们七彩童年儿童服务社的老师们刚到友协第二小学，手工课九点半开讲，6个人"], at).is_report).toBe(false);
    expect(extractReports(["阳光志愿队6个人今天早上7点到9点在新伟社区扫雪，刚到家"], at).is_report).toBe(true);
  });
});
