/**
 * Wordings found by probing beyond the development set: each case pins one general cause
 * (a count inside a place, a field label inside the description, …), not one message.
 */
import { describe, expect, it } from "vitest";
import { extractReports } from "../../../../src/features/reports/extract/index.js";
import { findLocation } from "../../../../src/features/reports/extract/location.js";
import { readPeople } from "../../../../src/features/reports/extract/people.js";
import { deriveDescription, deriveTitle } from "../../../../src/features/reports/extract/summary.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";
import { readTimes } from "../../../../src/features/reports/extract/times.js";
import { categorize } from "../../../../src/features/reports/extract/category.js";
import { findOrganization } from "../../../../src/features/reports/extract/organization.js";

const evening = new Date("2026-11-26T19:00:00+08:00");
const N = normalizeText;
const one = (message: string, at = evening) => extractReports([message], at);

describe("location", () => {
  it("a head count before the verb never becomes part of the place", () => {
    expect(findLocation(N("昨天下午我们8个人清理了何家沟河道垃圾"), null)).toBe("何家沟河道");
    expect(findLocation(N("今天五个人清扫了中央大街积雪"), null)).toBe("中央大街");
  });

  // Guard for the count removal above: 一人 inside 第一人民医院 is no head count.
  it("keeps 人民 of a hospital name while dropping counts", () => {
    expect(findLocation(N("今天上午我们8个人在第一人民医院门诊导医"), null)).toBe("第一人民医院");
  });

  it("去了趟X is a visit to X", () => {
    expect(findLocation(N("今天下午去了趟利民学院路社区，给独居老人送棉衣"), null)).toBe("利民学院路社区");
  });

  it("X那边安保: the place before 那边 and a service noun", () => {
    expect(findLocation(N("今晚冰雪大世界那边安保刚收工"), null)).toBe("冰雪大世界");
  });
});

describe("title", () => {
  it("drops the aspect particle 了 but keeps 为了 and 了解", () => {
    expect(deriveTitle(N("清理了何家沟河道垃圾"), null, "环保")).toBe("清理何家沟河道垃圾");
    expect(deriveTitle(N("走访了困难家庭"), null, "扶贫济困")).toBe("走访困难家庭");
    expect(deriveTitle(N("走访了解老人需求"), null, "助老")).toBe("走访了解老人需求");
  });

  it("a caption item ending in 志愿服务 names the activity", () => {
    expect(deriveTitle(N("哈尔滨市第一医院门诊大厅 导医志愿服务 昨天8:00-12:00 5人"), null, "其他")).toBe("导医志愿服务");
  });

  it("a team name (我们救援队) is never the title", () => {
    expect(deriveTitle(N("今晚冰雪大世界那边安保刚收工，我们救援队十个人"), null, "应急救援")).toBe("安保");
  });
});

describe("description", () => {
  it("says what was done, without field labels, counts or times (caption style)", () => {
    const text = normalizeText("中秋送温暖 哈南爱心助残协会 今天上午 给阳光家园12名残疾学员送月饼 志愿者7人 9:00-10:30 地点:友协街道阳光家园");
    const description = deriveDescription(text, "中秋送月饼", "哈南爱心助残协会")!;
    expect(description).toContain("给阳光家园残疾学员送月饼");
    expect(description).not.toMatch(/志愿者|地点|\d|今天|上午/);
  });

  it("drops Chinese clock times, pronouns and weekday words", () => {
    const description = deriveDescription(N("我们队今天早上八点半到十点在哈西万达广场门口做反诈宣传，十来个人"), null)!;
    expect(description).toBe("在哈西万达广场门口做反诈宣传");
    const weekday = deriveDescription(N("上礼拜三 呼兰区康金街道卫生院 义诊 志愿医生6名 护士3名 上午8点半到11点半"), null)!;
    expect(weekday).toBe("义诊");
  });

  it("keeps the noun of households served, drops a repeated result (辅导了18个孩子)", () => {
    expect(deriveDescription(N("上门给8户残疾人家庭送米面油 早上九点到中午十二点 志愿者6名"), null)).toBe("上门给残疾人家庭送米面油");
    expect(deriveDescription(N("下午在四点半课堂给孩子辅导暑假作业，4人，辅导了18个孩子"), null)).toBe("在四点半课堂给孩子辅导暑假作业");
  });
});

describe("times", () => {
  it("下午3点5个人: a head count after a clock time is not minutes", () => {
    const times = readTimes(normalizeText("午班11点到下午3点5个人"));
    expect(times.sessions[0]!.end).toBe(15 * 60);
  });

  it("shifts with their own head counts add up", () => {
    const result = one("上周六 哈工程青年志愿者协会 在哈尔滨西站做旅客引导，分两班：早班7点到11点6个人，午班11点到下午3点5个人");
    expect(result.reports[0]).toMatchObject({ end_time: "15:00", volunteers: 11, volunteer_hours: 44 });
  });
});

describe("people", () => {
  it.each([
    ["省图书馆，书香志愿队给小朋友讲绘本，我们去了4个", 4],
    ["在社区卫生服务中心门口 我们仨 帮着引导居民接种疫苗", 3],
    ["我和小李、小王去儿童医院给住院的孩子讲故事", 3],
    ["劝导电动车戴头盔，我和我们队另外3个人", 4],
    ["义诊 志愿医生6名 护士3名 上午8点半到11点半", 9],
  ])("%s → %i volunteers", (text, volunteers) => {
    expect(readPeople(normalizeText(text)).volunteers).toBe(volunteers);
  });

  it("居民来了80多个: people served written noun first with 来了", () => {
    expect(readPeople("民主社区应急志愿队18人参加，居民来了80多个").beneficiaries).toBe(80);
  });
});

describe("category", () => {
  it("a 儿童公园 says nothing about who was served; clearing ice is 社区治理", () => {
    expect(categorize("今天我们五个人在哈尔滨市儿童公园清理冰雪", null, "哈尔滨市儿童公园")).toBe("社区治理");
  });
});

describe("report or not", () => {
  it("a question with an example in it is a question", () => {
    expect(one("各位老师，志愿服务时长是按人头算还是按小时算？比如5个人干了2小时怎么填").is_report).toBe(false);
  });

  it("a request to fix an earlier report (上周三报的那次…帮我改一下) is an edit", () => {
    expect(one("上周三报的那次人数写错了，应该是9个人，麻烦帮我改一下").is_report).toBe(false);
  });

  it("an evening with no day that would still be ahead today asks for the date", () => {
    const result = one("晚上七点到九点在群力冰雪乐园 冰上安全巡查 我们蓝天救援队14名队员", new Date("2026-11-27T10:00:00+08:00"));
    expect(result.is_report).toBe(true);
    expect(result.missing).toEqual(["date"]);
    expect(result.reports[0]!.title).toBe("冰上安全巡查");
  });

  it("still on duty (现在在…呢, 要到九点才结束) has not finished", () => {
    expect(one("现在还在兆麟公园扫雪呢，我们冰城志愿队8个人，估计要到下午四点才能收工").is_report).toBe(false);
    expect(one("现在在中央大街站岗呢，冻透了，估计要到晚上九点才结束").is_report).toBe(false);
  });
});

describe("second probe batch", () => {
  it("另外N个人 after a count that is no total adds people; each team keeps its own hours", () => {
    const result = one("今天分两拨：上午8点到10点5个人在安广街扫雪，下午1点到3点另外4个人在安广街社区活动室给老人写春联，安广街社区志愿服务队");
    expect(result.reports[0]).toMatchObject({ volunteers: 9, volunteer_hours: 18 });
  });

  // Guard for the rule above: a stated total is still split, not added to.
  it("其中/另外 that split a stated total still split it", () => {
    expect(readPeople(N("我们一共9个人，另外4个人下午才到")).volunteers).toBe(9);
  });

  it("a 社区卫生服务站 is a place, not the organization", () => {
    expect(findOrganization(N("平房区新疆社区卫生服务站，给社区老人免费测血糖血压，康乐医疗志愿服务队医生护士共8人"))).toBe("康乐医疗志愿服务队");
  });

  it("整理 names the activity; 完毕 is not part of a title", () => {
    expect(deriveTitle(N("我们队6个人在江北大学城图书馆整理图书"), null, "其他")).toBe("整理图书");
    expect(deriveTitle(N("今天上午清雪完毕！"), null, "社区治理")).toBe("清雪");
  });

  // Guard for the subject cut in deriveDescription.
  it("the description keeps the activity's own words before a service verb (反诈宣传)", () => {
    expect(deriveDescription(N("今天上午在顾乡街道办事处门口 反诈宣传 十点到十一点半 我们平安志愿队4人"), null)).toContain("反诈宣传");
  });
});

describe("third probe batch", () => {
  it("the minutes of a clock time never count people on the next line", () => {
    const people = readPeople(N("时间 8:30-11:00\n帮居民清理楼道杂物"));
    expect(people.beneficiaries).toBeNull();
    expect(readPeople(N("人数：22人")).volunteers).toBe(22);
  });

  it("跟队里二十多人: 跟队 is no team name, and an association's name is no title", () => {
    const result = one("昨天下午跟队里二十多人一起在群力外滩捡垃圾，两点到四点半 绿色江城环保协会");
    expect(result.reports[0]!.organization).toBe("绿色江城环保协会");
    expect(result.reports[0]!.title).not.toContain("协会");
  });

  it("早上从六点干到九点: the period word before 从 still sets the half of the day", () => {
    expect(readTimes(N("今天早上从六点干到九点")).sessions[0]).toMatchObject({ start: 6 * 60, end: 9 * 60 });
  });

  it("a later 刚才那条发错群了 retracts the report instead of correcting it", () => {
    expect(extractReports(["今天下午我们队8个人在和平社区清雪，两点到四点", "刚才那条发错群了，不好意思"], evening).is_report).toBe(false);
  });
});

describe("guards for the rules above", () => {
  it("a finished evening told with 才收工 is finished", () => {
    expect(one("昨天我们平安志愿队8个人在中央大街站岗，一直干到晚上九点才收工").is_report).toBe(true);
  });

  it("a report with a question at the end about photos stays a report", () => {
    expect(one("今天上午我们10个人在兆麟公园清雪，9点到11点，阳光志愿队，如果要补照片怎么发？").is_report).toBe(true);
  });

  it("两拨 without 另外 after a stated head count keeps the count", () => {
    expect(readPeople(N("我们来了9个人，5个人上午，另外4个人下午")).volunteers).toBe(9);
  });
});

describe("description guards", () => {
  it("3号楼 is a building, not a day of the month", () => {
    expect(deriveDescription(N("昨天上午在幸福小区给3号楼独居老人送菜，我们4个人"), null)).toBe("在幸福小区给3号楼独居老人送菜");
  });
});
