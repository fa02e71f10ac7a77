import { describe, expect, it } from "vitest";
import { parseDay, parseOffset, parseTimeRange, parseTrainingInput } from "../../../src/features/trainings/parse.js";
import { parseCron } from "../../../src/features/trainings/cron.js";

// Wednesday 16 December 2026
const today = { year: 2026, month: 12, day: 16, weekday: 3 };

describe("training input", () => {
  it.each([
    ["2026-12-03", { year: 2026, month: 12, day: 3 }],
    ["2027年1月5日", { year: 2027, month: 1, day: 5 }],
    ["12月20日", { year: 2026, month: 12, day: 20 }],
    ["12月3日", { year: 2027, month: 12, day: 3 }],
    ["1月2号", { year: 2027, month: 1, day: 2 }],
    ["明天", { year: 2026, month: 12, day: 17 }],
    ["后天", { year: 2026, month: 12, day: 18 }],
    ["周三", { year: 2026, month: 12, day: 16 }],
    ["周一", { year: 2026, month: 12, day: 21 }],
    ["下周三", { year: 2026, month: 12, day: 23 }],
    ["下周日", { year: 2026, month: 12, day: 27 }],
    ["本周五", { year: 2026, month: 12, day: 18 }],
  ])("reads the day %s looking forward", (word, expected) => {
    expect(parseDay(word, today)).toEqual(expected);
  });

  it("refuses days that do not exist", () => {
    expect(parseDay("2月30日", today)).toBeUndefined();
    expect(parseDay("下午", today)).toBeUndefined();
  });

  it("reads time ranges and offsets", () => {
    expect(parseTimeRange("14:00-16:00")).toEqual({ from: 840, to: 960 });
    expect(parseTimeRange("9：30～11")).toEqual({ from: 570, to: 660 });
    expect(parseTimeRange("16:00-14:00")).toBeUndefined();
    expect(["1d", "2h", "30m", "1m", "2小时", "0m"].map(parseOffset)).toEqual(["1d", "2h", "30m", "1m", "2h", undefined]);
  });

  it("parses a whole /training add line in the configured time zone", () => {
    const input = parseTrainingInput("12月3日 14:00-16:00 社会组织财务规范 @创新园 二楼会议室 to:养老,社区 remind:2d,1h cap:30", { now: new Date("2026-11-26T12:00:00Z"), timeZone: "Asia/Shanghai" });
    expect(input).toEqual({
      start: new Date("2026-12-03T06:00:00Z"),
      end: new Date("2026-12-03T08:00:00Z"),
      title: "社会组织财务规范",
      place: "创新园 二楼会议室",
      audience: ["养老", "社区"],
      reminders: ["2d", "1h"],
      capacity: 30,
    });
  });

  it("says how to write it when a part is missing", () => {
    expect(() => parseTrainingInput("明天 财务培训 @创新园", { now: new Date(), timeZone: "Asia/Shanghai" })).toThrow(/needTime/);
    expect(() => parseTrainingInput("明天 9:00-10:00 财务培训 @创新园 remind:soon", { now: new Date(), timeZone: "Asia/Shanghai" })).toThrow(/badOption/);
  });
});

describe("cron matcher", () => {
  it("matches minutes, ranges, steps and either day field", () => {
    const wall = { minute: 30, hour: 9, day: 5, month: 4, weekday: 0 };
    expect(parseCron("30 9 5 * *")!.matches(wall)).toBe(true);
    expect(parseCron("*/15 8-10 * * 1-5")!.matches(wall)).toBe(false);
    expect(parseCron("0 30 9 1 * 7")!.matches(wall)).toBe(true);
    expect(parseCron("every monday")).toBeUndefined();
  });
});
