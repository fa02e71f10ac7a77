import { describe, expect, it } from "vitest";
import { localMoment } from "../../../../src/features/reports/extract/calendar.js";
import { resolveDate } from "../../../../src/features/reports/extract/dates.js";
import { festivalDate } from "../../../../src/features/reports/extract/festivals.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";

/** Resolves `text` as sent at `iso` (Asia/Shanghai). */
function dateOf(text: string, iso: string): string | null {
  return resolveDate(normalizeText(text), localMoment(new Date(iso))).date;
}

describe("relative days", () => {
  const monday = "2026-08-03T12:00:00+08:00";
  it.each([
    ["今天", "2026-08-03"], ["昨天", "2026-08-02"], ["昨儿个", "2026-08-02"], ["前天", "2026-08-01"],
    ["大前天", "2026-07-31"], ["this afternoon", "2026-08-03"],
  ])("%s → %s", (text, expected) => {
    expect(dateOf(`${text}我们在社区清扫`, monday)).toBe(expected);
  });

  it("uses the park's time zone, not UTC", () => {
    // 2026-08-02T17:30Z is already 08-03 01:30 in Shanghai.
    expect(dateOf("昨天", "2026-08-02T17:30:00Z")).toBe("2026-08-02");
    expect(resolveDate("昨天", localMoment(new Date("2026-08-02T17:30:00Z"), "Europe/London")).date).toBe("2026-08-01");
  });

  it("dates 今晚 after midnight to the previous calendar day", () => {
    expect(dateOf("今晚巡逻刚收工", "2026-03-10T00:35:00+08:00")).toBe("2026-03-09");
  });
});

describe("weeks run Monday to Sunday", () => {
  it("上周X is in the previous calendar week, even when today is weekday X", () => {
    // 2026-05-20 is a Wednesday.
    expect(dateOf("上周三", "2026-05-20T10:00:00+08:00")).toBe("2026-05-13");
    expect(dateOf("上周六", "2026-05-20T10:00:00+08:00")).toBe("2026-05-16");
    expect(dateOf("上礼拜三", "2026-11-09T15:00:00+08:00")).toBe("2026-11-04");
    expect(dateOf("上个星期日", "2026-11-09T15:00:00+08:00")).toBe("2026-11-08");
  });

  it("上上周X is two weeks back", () => {
    expect(dateOf("上上周五", "2026-05-20T10:00:00+08:00")).toBe("2026-05-08");
  });

  it("这周X / 本周X is in the current week; a day still ahead is not a date", () => {
    expect(dateOf("这周一", "2026-05-20T10:00:00+08:00")).toBe("2026-05-18");
    expect(dateOf("本周三", "2026-05-20T10:00:00+08:00")).toBe("2026-05-20");
    expect(dateOf("本周五", "2026-05-20T10:00:00+08:00")).toBeNull();
  });

  it("a bare 周X / 礼拜X / 星期X is the most recent such day on or before today", () => {
    expect(dateOf("周六", "2026-08-03T12:00:00+08:00")).toBe("2026-08-01");
    expect(dateOf("礼拜一", "2026-08-03T12:00:00+08:00")).toBe("2026-08-03");
    expect(dateOf("星期天", "2026-08-03T12:00:00+08:00")).toBe("2026-08-02");
  });
});

describe("written dates", () => {
  it("N号 is this month when N ≤ today, else last month", () => {
    expect(dateOf("10号下午", "2026-09-14T09:30:00+08:00")).toBe("2026-09-10");
    expect(dateOf("20号", "2026-09-14T09:30:00+08:00")).toBe("2026-08-20");
    expect(dateOf("本月10号", "2026-09-14T09:30:00+08:00")).toBe("2026-09-10");
    expect(dateOf("上个月28号", "2026-05-18T09:00:00+08:00")).toBe("2026-04-28");
  });

  it("3号楼 is a building, not a day", () => {
    expect(dateOf("昨天在3号楼前", "2026-05-18T09:00:00+08:00")).toBe("2026-05-17");
  });

  it("M月N日 is the most recent past occurrence (in January, 12月31号 is last year)", () => {
    expect(dateOf("12月31号跨年那天", "2026-01-04T11:00:00+08:00")).toBe("2025-12-31");
    expect(dateOf("6月20号", "2026-06-22T19:30:00+08:00")).toBe("2026-06-20");
    expect(dateOf("十月十号", "2026-10-12T09:00:00+08:00")).toBe("2026-10-10");
  });

  it("reads 3.8, full-width and ISO dates but not 2.5小时", () => {
    expect(dateOf("3.8妇女节", "2026-03-09T09:00:00+08:00")).toBe("2026-03-08");
    expect(dateOf("６月１日", "2026-06-02T20:00:00+08:00")).toBe("2026-06-01");
    expect(dateOf("2026-05-16", "2026-05-18T20:00:00+08:00")).toBe("2026-05-16");
    expect(dateOf("干了2.5小时", "2026-05-18T20:00:00+08:00")).toBeNull();
  });

  it("a date that contradicts its stated weekday is not a date", () => {
    expect(dateOf("6月20号周六", "2026-06-22T19:30:00+08:00")).toBe("2026-06-20");
    expect(dateOf("6月20号(周五)", "2026-06-22T19:30:00+08:00")).toBeNull();
  });

  it("a date in the future is not a date", () => {
    expect(dateOf("2026-12-01", "2026-11-26T10:00:00+08:00")).toBeNull();
  });

  it("vague periods must be asked", () => {
    for (const text of ["上周末", "上周", "前几天", "月初", "上个月"]) {
      const resolution = resolveDate(text, localMoment(new Date("2026-03-25T20:00:00+08:00")));
      expect(resolution.date, text).toBeNull();
      expect(resolution.problem, text).toBe("vague");
    }
  });

  it("明天 and 下周X are plans", () => {
    expect(resolveDate("明天(周六)上午", localMoment(new Date("2026-01-23T15:00:00+08:00"))).planned).toBe(true);
    expect(resolveDate("下周二再去", localMoment(new Date("2026-01-23T15:00:00+08:00"))).planned).toBe(true);
  });
});

describe("festivals", () => {
  it.each([
    ["除夕", "2026-02-16"], ["春节", "2026-02-17"], ["元宵", "2026-03-03"], ["端午", "2026-06-19"],
    ["中秋", "2026-09-25"], ["重阳", "2026-10-18"], ["腊八", "2026-01-26"], ["冬至", "2026-12-22"], ["清明", "2026-04-05"],
  ])("2026 %s = %s", (name, expected) => {
    const date = festivalDate(name, 2026)!;
    expect(`${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`).toBe(expected);
  });

  it.each([
    ["除夕", "2027-02-05"], ["春节", "2027-02-06"], ["元宵", "2027-02-20"], ["端午", "2027-06-09"],
    ["中秋", "2027-09-15"], ["重阳", "2027-10-08"], ["腊八", "2027-01-15"], ["冬至", "2027-12-22"],
  ])("2027 %s = %s", (name, expected) => {
    const date = festivalDate(name, 2027)!;
    expect(`${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`).toBe(expected);
  });

  it("a festival named as the day resolves to its last occurrence", () => {
    expect(dateOf("重阳节那天我们在敬老院", "2026-10-19T08:00:00+08:00")).toBe("2026-10-18");
    expect(dateOf("腊八节那天", "2027-01-20T08:00:00+08:00")).toBe("2027-01-15");
    expect(dateOf("除夕夜", "2027-02-10T08:00:00+08:00")).toBe("2027-02-05");
    expect(dateOf("世界环境日", "2026-06-05T18:30:00+08:00")).toBe("2026-06-05");
    expect(dateOf("母亲节", "2026-05-11T19:00:00+08:00")).toBe("2026-05-10");
    expect(dateOf("八月十五", "2027-09-20T19:00:00+08:00")).toBe("2027-09-15");
  });

  it("an explicit day wins over a festival used as a theme", () => {
    expect(dateOf("中秋送温暖 今天上午", "2026-09-26T12:15:00+08:00")).toBe("2026-09-26");
  });

  it("a festival's eve (前夕) is not the festival's date", () => {
    expect(dateOf("重阳节前夕", "2026-10-19T08:00:00+08:00")).toBeNull();
  });
});
