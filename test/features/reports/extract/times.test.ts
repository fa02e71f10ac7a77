import { describe, expect, it } from "vitest";
import { readHours } from "../../../../src/features/reports/extract/hours.js";
import { readPeople } from "../../../../src/features/reports/extract/people.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";
import { readDurations } from "../../../../src/features/reports/extract/times.js";

function hoursOf(raw: string) {
  const text = normalizeText(raw);
  return readHours(text, readPeople(text));
}

describe("clock ranges", () => {
  it.each([
    ["9点到11点半", "09:00", "11:30"],
    ["下午两点至四点", "14:00", "16:00"],
    ["9:00-10:30", "09:00", "10:30"],
    ["９：００－１１：３０", "09:00", "11:30"],
    ["晚8点到12点", "20:00", "00:00"],
    ["晚上7点出发到11点撤回", "19:00", "23:00"],
    ["10点~下午2点", "10:00", "14:00"],
    ["2pm-4:30pm", "14:00", "16:30"],
    ["3:00-4:30pm", "15:00", "16:30"],
    ["从早上8点半干到11点", "08:30", "11:00"],
    ["两点到四点半", "14:00", "16:30"],
    ["上午9-11点", "09:00", "11:00"],
    ["上午九点半至十一点", "09:30", "11:00"],
    ["下午三点一刻到五点", "15:15", "17:00"],
  ])("%s → %s–%s", (text, start, end) => {
    const hours = hoursOf(text);
    expect([hours.start_time, hours.end_time]).toEqual([start, end]);
  });

  it("bare hours 1–6 are afternoon, 7–11 morning unless 晚上 is said", () => {
    expect(hoursOf("1点到3点").start_time).toBe("13:00");
    expect(hoursOf("8点到10点").start_time).toBe("08:00");
    expect(hoursOf("晚上在广场 8点到10点").start_time).toBe("20:00");
  });

  it("四点半课堂 is a programme, not a time", () => {
    expect(hoursOf("在四点半课堂辅导作业").start_time).toBeNull();
  });

  it("a lone start leaves the end and the hours unknown", () => {
    const hours = hoursOf("今天下午2点开始，志愿者10人");
    expect(hours.start_time).toBe("14:00");
    expect(hours.end_time).toBeNull();
    expect(hours.volunteer_hours).toBeNull();
  });
});

describe("person-hours", () => {
  it("multiplies the span by the volunteers", () => {
    expect(hoursOf("9点到11点半，15名志愿者").volunteer_hours).toBe(37.5);
    expect(hoursOf("晚8点到12点，14名队员").volunteer_hours).toBe(56);
  });

  it("sums split sessions, never the span from first start to last end", () => {
    const hours = hoursOf("上午9点到11点，下午2点到4点，6名志愿者");
    expect([hours.start_time, hours.end_time, hours.volunteer_hours]).toEqual(["09:00", "16:00", 24]);
  });

  it("sums teams that served different times", () => {
    const hours = hoursOf("我们来了9个人，其中5个人从早上9点一直干到下午3点，另外4个人下午1点才到");
    expect(hours.volunteers).toBe(9);
    expect(hours.volunteer_hours).toBe(38);
  });

  it("sums shifts written in separate clauses", () => {
    const hours = hoursOf("上午班5人9点到11点；下午班4人2点到4点");
    expect(hours.volunteers).toBe(9);
    expect(hours.volunteer_hours).toBe(18);
  });

  it.each([
    ["11名志愿者，每人3个小时", 33],
    ["9个人，干了半天", 36],
    ["8个人，每人干了一个半小时", 12],
    ["8名志愿者，每人干了45分钟", 6],
    ["一共仨人，忙活了俩钟头", 6],
    ["8个老伙伴，两个来小时", 16],
    ["一组4人一组3人，各干了2小时", 14],
    ["志愿者20名，累计服务时长60小时", 60],
  ])("%s → %d", (text, expected) => {
    expect(hoursOf(text).volunteer_hours).toBe(expected);
  });

  it("each person's stated time wins over the activity's opening hours", () => {
    expect(hoursOf("从早上6点一直到下午6点，12名司机志愿者，每人平均跑了3个小时").volunteer_hours).toBe(36);
  });

  it("sums shifts listed in one caption line", () => {
    const hours = hoursOf("志愿者30人 分上下午两班 上午班15人8点到12点 下午班15人1点到5点");
    expect([hours.volunteers, hours.volunteer_hours, hours.start_time, hours.end_time]).toEqual([30, 120, "08:00", "17:00"]);
  });

  it("ranges and vague durations leave the hours unknown", () => {
    expect(hoursOf("4个人，干了两三个小时").volunteer_hours).toBeNull();
    expect(hoursOf("6个人，忙了好一阵子").volunteer_hours).toBeNull();
  });

  it("a stated total that contradicts the times is flagged and dropped", () => {
    const agree = hoursOf("志愿者12名，上午9点到12点，累计服务36小时");
    expect(agree.volunteer_hours).toBe(36);
    const disagree = hoursOf("志愿者12名，上午9点到12点，累计服务30小时");
    expect(disagree.volunteer_hours).toBeNull();
    expect(disagree.contradiction).toBe(true);
  });

  it("9点30分 is a clock time, not a duration", () => {
    expect(readDurations(normalizeText("9点30分到11点"))).toEqual([]);
  });
});
