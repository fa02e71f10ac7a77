import { describe, expect, it } from "vitest";
import { extractReports } from "../../../../src/features/reports/extract/index.js";
import { formAsProse, readForm, readSlots } from "../../../../src/features/reports/extract/slots.js";

/** A Wednesday evening in Shanghai. */
const sent = new Date("2026-06-17T21:00:00+08:00");
const read = (...messages: string[]) => extractReports(messages, sent);

describe("forms are read by their keys, in any order", () => {
  it("user posts a keyed form with the count last: every key lands in its field", () => {
    const result = read("地点：红星社区文化活动室\n时间：6月16日 14:00-16:30\n组织：红星社区巧手志愿服务队\n内容：教居民做香囊\n志愿者人数：6");
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]).toMatchObject({
      organization: "红星社区巧手志愿服务队", date: "2026-06-16", start_time: "14:00", end_time: "16:30",
      location: "红星社区文化活动室", volunteers: 6, volunteer_hours: 15, description: "教居民做香囊",
    });
    expect(result.missing).toEqual([]);
  });

  it("user posts a numbered form: the list is one activity, not one report per line", () => {
    const result = read("活动上报\n1.活动名称：端午香囊手工课\n2.组织：红星社区巧手志愿服务队\n3.时间：6月16日下午2点-4点\n4.地点：红星社区活动室\n5.参与人数：5人");
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]).toMatchObject({ title: "端午香囊手工课", volunteers: 5, volunteer_hours: 10, location: "红星社区活动室" });
  });

  it("user posts 【】 keys with a place that only describes where: it is kept, not asked", () => {
    const result = read("【活动名称】上门送粽子\n【时间】6月15日上午9:00-11:00\n【地点】红星社区困难家庭家中\n【参与人员】红星社区巧手志愿服务队4人\n【服务对象】困难家庭8户");
    expect(result.reports[0]).toMatchObject({ location: "红星社区困难家庭家中", volunteers: 4, volunteer_hours: 8, beneficiaries: null });
    expect(result.missing).not.toContain("location");
  });

  it("user leaves the team key empty: the team is asked for, the rest is read", () => {
    const result = read("组织：\n时间：6月16日 9:00-11:00\n地点：红星社区广场\n志愿者：3人\n内容：义务磨刀");
    expect(result.missing).toEqual(["organization"]);
    expect(result.reports[0]).toMatchObject({ volunteers: 3, volunteer_hours: 6 });
  });

  it("several keys on one line, in English too, each value ending at its separator", () => {
    const slots = readSlots("Date: 2026-06-16; Place: Hongxing Park; Team: Hongxing Green Team; Volunteers: 4");
    expect(slots.map((slot) => [slot.slot, slot.value])).toEqual([
      ["date", "2026-06-16"], ["location", "Hongxing Park"], ["organization", "Hongxing Green Team"], ["volunteers", "4"],
    ]);
  });

  it("prose with one colon is not a form", () => {
    expect(readForm("报一下：今天我们在广场宣传")).toBeNull();
    const text = "地点：红星社区广场\n人数：7";
    expect(formAsProse(text, readForm(text)!)).toBe("在红星社区广场\n志愿者7人");
  });
});

describe("one message about several days or activities gives one report each", () => {
  it("user says 上周六和周日两天各去了一次: two reports, one per day, the same facts", () => {
    const result = read("上周六和周日两天，红星社区巧手志愿服务队在红星社区活动室各去了一次，教老人剪纸，每天下午2点到4点，5个人");
    expect(result.reports.map((report) => report.date)).toEqual(["2026-06-13", "2026-06-14"]);
    for (const report of result.reports) expect(report).toMatchObject({ volunteers: 5, volunteer_hours: 10, location: "红星社区活动室" });
  });

  it("each day keeps its own count when the message gives one per day", () => {
    const result = read("周一周二两天红星社区巧手志愿服务队在红星社区广场宣传防溺水 周一去了6个人 周二去了4个人 都是上午9点到11点");
    expect(result.reports.map((report) => [report.date, report.volunteers, report.volunteer_hours])).toEqual([
      ["2026-06-15", 6, 12], ["2026-06-16", 4, 8],
    ]);
  });

  it("user says 连续三天 with the days: three reports", () => {
    const result = read("这周一到周三连续三天，红星社区巧手志愿服务队在红星小学门口护学，每天早上7点到8点，8个人");
    expect(result.reports.map((report) => report.date)).toEqual(["2026-06-15", "2026-06-16", "2026-06-17"]);
  });

  it("上周末两天 names both days of that weekend", () => {
    const result = read("上周末两天红星社区巧手志愿服务队都在红星社区广场摆摊义务理发，每天上午9点到11点，4个人");
    expect(result.reports.map((report) => report.date)).toEqual(["2026-06-13", "2026-06-14"]);
  });

  it("a bullet list whose items open with their own day: one report per item, 同上 is the same team", () => {
    const result = read("本周小结：\n·周一 红星社区巧手志愿服务队 在红星社区活动室 剪纸课 3人 14:00-16:00\n·周二 同上 红星社区广场 防诈骗宣传 5人 9:00-11:00");
    expect(result.reports).toHaveLength(2);
    expect(result.reports[1]).toMatchObject({ organization: "红星社区巧手志愿服务队", date: "2026-06-16", volunteers: 5, volunteer_hours: 10 });
  });
});
