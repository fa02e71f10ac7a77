import { describe, expect, it } from "vitest";
import { emptyReport, extractFollowUp, extractReports, type ReportFields } from "../../../../src/features/reports/extract/index.js";

const reference = new Date("2026-05-20T10:00:00+08:00");
const base: ReportFields = {
  ...emptyReport(),
  organization: "春晖志愿队",
  title: "捡垃圾",
  category: "环保",
  date: "2026-05-19",
  start_time: "09:00",
  end_time: "11:00",
  location: "东湖公园",
  volunteers: 10,
  volunteer_hours: 20,
  description: "在东湖公园捡垃圾",
};

describe("answers to a question", () => {
  it("takes a bare place for the location", () => {
    expect(extractFollowUp({ ...base, location: null }, "在新牧社区活动室", reference, { asking: "location" })).toEqual({ location: "新牧社区活动室" });
    expect(extractFollowUp({ ...base, location: null }, "新牧社区活动室", reference, { asking: "location" })).toEqual({ location: "新牧社区活动室" });
  });

  it("takes a bare name for the organization", () => {
    expect(extractFollowUp({ ...base, organization: null }, "阳光助老", reference, { asking: "organization" })).toEqual({ organization: "阳光助老" });
    expect(extractFollowUp({ ...base, organization: null }, "我们是红星社区巾帼志愿队", reference, { asking: "organization" })).toEqual({ organization: "红星社区巾帼志愿队" });
  });

  it("takes people and recomputes the hours from the times", () => {
    expect(extractFollowUp({ ...base, volunteers: null, volunteer_hours: null }, "12个人", reference, { asking: "volunteers" })).toEqual({ volunteers: 12, volunteer_hours: 24 });
    expect(extractFollowUp({ ...base, volunteers: null, volunteer_hours: null }, "12", reference, { asking: "volunteers" })).toEqual({ volunteers: 12, volunteer_hours: 24 });
  });

  it("takes times and recomputes the hours from the people", () => {
    expect(extractFollowUp({ ...base, start_time: null, end_time: null, volunteer_hours: null }, "9点到11点半", reference, { asking: "volunteer_hours" }))
      .toEqual({ start_time: "09:00", end_time: "11:30", volunteer_hours: 25 });
  });

  it("an end time answering for a known start completes the hours", () => {
    expect(extractFollowUp({ ...base, start_time: "14:00", end_time: null, volunteer_hours: null }, "5点结束的", reference, { asking: "end_time" }))
      .toEqual({ end_time: "17:00", volunteer_hours: 30 });
  });

  it("a duration answer is per person unless it says total", () => {
    expect(extractFollowUp({ ...base, start_time: null, end_time: null, volunteer_hours: null }, "每人3个小时", reference, { asking: "volunteer_hours" }))
      .toEqual({ volunteer_hours: 30 });
    expect(extractFollowUp({ ...base, start_time: null, end_time: null, volunteer_hours: null }, "一共25个小时", reference, { asking: "volunteer_hours" }))
      .toEqual({ volunteer_hours: 25 });
  });

  it("takes a day", () => {
    expect(extractFollowUp({ ...base, date: null }, "昨天", reference, { asking: "date" })).toEqual({ date: "2026-05-19" });
    expect(extractFollowUp({ ...base, date: null }, "上周六", reference, { asking: "date" })).toEqual({ date: "2026-05-16" });
  });

  it("reads several answers at once", () => {
    const update = extractFollowUp({ ...base, location: null, volunteers: null, volunteer_hours: null }, "在新牧社区活动室，8个人", reference);
    expect(update).toEqual({ location: "新牧社区活动室", volunteers: 8, volunteer_hours: 16 });
  });

  it("adds photos sent as an answer", () => {
    expect(extractFollowUp({ ...base, photos: 1 }, "[图片][图片]", reference)).toEqual({ photos: 3 });
  });
});

describe("corrections", () => {
  it("不对，是12个人 changes the people and the hours", () => {
    expect(extractFollowUp(base, "不对，是12个人，刚才数漏了俩", reference)).toEqual({ volunteers: 12, volunteer_hours: 24 });
  });

  it("keeps per-person hours from a duration-only report when people change", () => {
    const report = { ...base, start_time: null, end_time: null, volunteers: 8, volunteer_hours: 12 };
    expect(extractFollowUp(report, "不对，是10个人", reference)).toEqual({ volunteers: 10, volunteer_hours: 15 });
  });

  it("地点改成… changes the place", () => {
    expect(extractFollowUp(base, "地点改成南湖公园东门", reference)).toEqual({ location: "南湖公园东门" });
  });

  it("说错了，是前天 changes the day", () => {
    expect(extractFollowUp(base, "说错了，是前天", reference)).toEqual({ date: "2026-05-18" });
  });

  it("returns nothing for text that sets no field", () => {
    expect(extractFollowUp(base, "好的谢谢", reference)).toEqual({});
    expect(extractFollowUp({ ...base, location: null }, "不知道", reference, { asking: "location" })).toEqual({});
    expect(extractFollowUp({ ...base, organization: null }, "没有", reference, { asking: "organization" })).toEqual({});
  });
});

describe("follow-up answers with times only", () => {
  it("keep the day the report already has (昨天 stays yesterday after 下午两点到四点半)", () => {
    const reference = new Date("2026-11-26T19:00:00+08:00");
    const report = { ...extractReports(["昨天我们去敬老院陪老人聊天了"], reference).reports[0]!, volunteers: 6 };
    expect(report.date).toBe("2026-11-25");
    const update = extractFollowUp(report, "下午两点到四点半", reference, { asking: "volunteer_hours" });
    expect(update.date).toBeUndefined();
    expect(update).toMatchObject({ start_time: "14:00", end_time: "16:30", volunteer_hours: 15 });
  });

  it("still take a day the answer names", () => {
    const reference = new Date("2026-11-26T19:00:00+08:00");
    expect(extractFollowUp(emptyReport(), "前天下午", reference, { asking: "date" }).date).toBe("2026-11-24");
  });
});
