import { describe, expect, it } from "vitest";
import { extractReports, isConfidentReport, missingFields, emptyReport } from "../../../../src/features/reports/extract/index.js";

const at = (iso: string) => new Date(iso);

describe("extractReports: one finished activity", () => {
  it("reads every field of a complete report", () => {
    const result = extractReports(
      ["【活动上报】阳光志愿服务队今天上午9点到11点半在幸福社区敬老院开展重阳慰问活动，共12名志愿者参加，给老人们理发、包饺子，服务老人40位。[图片][图片]"],
      at("2026-10-18T18:00:00+08:00"),
    );
    expect(result.is_report).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.reports[0]).toMatchObject({
      organization: "阳光志愿服务队",
      category: "助老",
      date: "2026-10-18",
      start_time: "09:00",
      end_time: "11:30",
      location: "幸福社区敬老院",
      volunteers: 12,
      volunteer_hours: 30,
      beneficiaries: 40,
      photos: 2,
    });
    expect(result.reports[0]!.title).toBeTruthy();
    expect(result.reports[0]!.description).toBeTruthy();
  });

  it("merges a report split over several messages and counts separate photos", () => {
    const result = extractReports(
      ["端午节那天", "我们春晖志愿服务队", "在东湖社区活动室", "教居民包粽子", "8个人 上午9点-11点", "[图片]"],
      at("2027-06-12T09:00:00+08:00"),
    );
    expect(result.reports[0]).toMatchObject({
      organization: "春晖志愿服务队",
      date: "2027-06-09",
      location: "东湖社区活动室",
      volunteers: 8,
      volunteer_hours: 16,
      photos: 1,
    });
  });

  it("applies a later correction of the people and recomputes the hours", () => {
    const result = extractReports(
      ["昨天绿洲环保志愿队在南湖公园捡垃圾，10个人，上午9点到11点", "不对，是12个人"],
      at("2026-04-14T09:00:00+08:00"),
    );
    expect(result.reports[0]).toMatchObject({ volunteers: 12, volunteer_hours: 24, date: "2026-04-13" });
  });

  it("applies a later correction of the date", () => {
    const result = extractReports(
      ["昨天下午绿洲环保志愿队在南湖公园捡垃圾，10个人，2点到4点", "哦说错了，是前天"],
      at("2026-04-14T09:00:00+08:00"),
    );
    expect(result.reports[0]!.date).toBe("2026-04-12");
  });

  it("a stated total that contradicts the times is missing", () => {
    const result = extractReports(
      ["5月14号，金色年华志愿服务队在东风街道开展消防演练，志愿者12名，上午9点到12点，累计服务30小时"],
      at("2026-05-18T09:00:00+08:00"),
    );
    expect(result.reports[0]!.volunteer_hours).toBeNull();
    expect(result.missing).toEqual(["volunteer_hours"]);
  });

  it("never asks start/end when a duration is known, and never asks beneficiaries", () => {
    const result = extractReports(["昨天红马甲志愿服务队在兴建社区路口开展交通劝导，11名志愿者，每人3个小时"], at("2026-08-17T20:00:00+08:00"));
    expect(result.reports[0]).toMatchObject({ start_time: null, end_time: null, volunteer_hours: 33, beneficiaries: null });
    expect(result.missing).toEqual([]);
  });

  it("asks what is missing and leaves it null", () => {
    const result = extractReports(["前天下午我们去看望独居老人送年货了，一共看了5位老人，6个志愿者，两点到四点半"], at("2026-02-09T08:30:00+08:00"));
    expect(result.missing).toEqual(["organization", "location"]);
    expect(result.reports[0]).toMatchObject({ organization: null, location: null, volunteers: 6, volunteer_hours: 15, beneficiaries: 5 });
  });

  it("a vague date or place is asked", () => {
    expect(extractReports(["上周末银龄互助队8个人去友协敬老院演节目，两个来小时"], at("2026-03-25T20:00:00+08:00")).missing).toEqual(["date"]);
    expect(extractReports(["前天青松志愿队在老地方搞了书法课，志愿者2人，下午1点到3点"], at("2026-11-23T19:00:00+08:00")).missing).toEqual(["location"]);
  });

  it("a message after midnight about tonight is dated the previous day", () => {
    const result = extractReports(["今晚跨年夜巡逻刚收工，平安巡逻队8人，晚上9点到12点，在中心广场"], at("2026-01-01T00:35:00+08:00"));
    expect(result.reports[0]).toMatchObject({ date: "2025-12-31", start_time: "21:00", end_time: "00:00", volunteer_hours: 24 });
  });

  it("an activity still ahead of the message is not finished, so not a report", () => {
    expect(extractReports(["今天下午3点到5点春晖志愿队在东湖公园捡垃圾，10人"], at("2026-05-18T12:00:00+08:00")).is_report).toBe(false);
  });
});

describe("extractReports: several activities", () => {
  it("a numbered list gives one report per item with shared team and day", () => {
    const result = extractReports(
      ["今天两个活动一起报：\n①上午8:30-10:30 南河公园段河道捡垃圾，6人；\n②下午3点到5点 东湖社区四点半课堂给孩子辅导作业，4人，辅导了18个孩子。\n都是东湖社区青年志愿服务队的"],
      at("2026-07-13T21:30:00+08:00"),
    );
    expect(result.reports).toHaveLength(2);
    expect(result.reports.map((report) => [report.organization, report.date, report.volunteer_hours, report.category])).toEqual([
      ["东湖社区青年志愿服务队", "2026-07-13", 12, "环保"],
      ["东湖社区青年志愿服务队", "2026-07-13", 8, "儿童青少年"],
    ]);
  });

  it("sentences with their own people, times and places are separate activities", () => {
    const result = extractReports(
      ["今天上午向阳社区志愿服务队在向阳社区卫生站开展义诊，8名志愿者，9点到11点；下午又去了向阳敬老院慰问老人，6名志愿者，2点到4点。"],
      at("2026-05-18T20:00:00+08:00"),
    );
    expect(result.reports.map((report) => [report.location, report.volunteer_hours, report.organization])).toEqual([
      ["向阳社区卫生站", 16, "向阳社区志愿服务队"],
      ["向阳敬老院", 12, "向阳社区志愿服务队"],
    ]);
  });
});

describe("not a report", () => {
  const reference = at("2026-05-18T20:00:00+08:00");
  it.each([
    ["plan", "下周六我们计划去敬老院慰问，预计10人"],
    ["recruitment", "【招募】明天上午9点社区清雪，需要志愿者10名，有时间的接龙\n1. 王芳\n2. "],
    ["notice", "【通知】请各志愿服务队于5月20日前提交4月份活动总结"],
    ["forwarded", "【转发】市志愿者协会昨天在人民广场举行了志愿服务启动仪式，500余名志愿者参加"],
    ["news", "看新闻说隔壁街道昨天搞了个大型义诊，好几百人参加，咱们也学学"],
    ["question", "请问一下，上个月的活动还能补报吗？时长怎么算"],
    ["thanks", "谢谢志愿者们昨天来给我妈理发，她特别开心"],
    ["cancelled", "原定今天上午的植树活动因大风取消了，改到下周二"],
    ["not finished", "我们现在在敬老院，活动还在进行中，结束后再报"],
    ["retracted", "不好意思，发错群了"],
    ["edit request", "昨天报的那个活动时长写错了，应该是3小时"],
    ["stored record query", "上周的活动我已经报过了吧？系统里怎么没看到"],
    ["small talk", "大家辛苦啦，今天零下30度，出门注意保暖"],
  ])("%s", (_kind, text) => {
    const result = extractReports([text], reference);
    expect(result).toEqual({ is_report: false, reports: [], missing: [] });
  });

  it("a question appended to a report does not stop the report", () => {
    const result = extractReports(["报一下：昨天晨光心理志愿者协会在东湖社区开了场心理讲座，志愿者4人，上午9点到11点。另外问下时长多久到账？"], reference);
    expect(result.is_report).toBe(true);
    expect(result.reports[0]!.volunteer_hours).toBe(8);
  });

  it("a retraction after a report withdraws it", () => {
    expect(extractReports(["昨天春晖志愿队在东湖公园捡垃圾，10人，2小时", "发错群了，抱歉"], reference).is_report).toBe(false);
  });
});

describe("missingFields and isConfidentReport", () => {
  it("lists required fields that are null, in asking order", () => {
    expect(missingFields(emptyReport())).toEqual([
      "organization", "title", "category", "date", "location", "volunteers", "volunteer_hours", "description",
    ]);
  });

  it("is confident only for a finished activity with nearly all fields", () => {
    const full = extractReports(["昨天春晖志愿队在东湖公园捡垃圾，10人，上午9点到11点"], at("2026-05-18T20:00:00+08:00"));
    expect(isConfidentReport(full)).toBe(true);
    const thin = extractReports(["昨天我们在敬老院包饺子"], at("2026-05-18T20:00:00+08:00"));
    expect(isConfidentReport(thin)).toBe(false);
    expect(isConfidentReport({ is_report: false, reports: [], missing: [] })).toBe(false);
  });
});
