/**
 * Causes found by a held-out style probe (new wordings, not the dev set): each case pins one
 * general rule, checked on a wording the probe did not use.
 */
import { describe, expect, it } from "vitest";
import { categorize } from "../../../../src/features/reports/extract/category.js";
import { findLocation } from "../../../../src/features/reports/extract/location.js";
import { findOrganization } from "../../../../src/features/reports/extract/organization.js";
import { readPeople } from "../../../../src/features/reports/extract/people.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";
import { readTimes } from "../../../../src/features/reports/extract/times.js";

const N = normalizeText;

describe("organization", () => {
  it("a club ending in 社 (书画社, 读书社) is a team, but 社区 / 社工 / 报社 are not", () => {
    expect(findOrganization(N("昨天晨曦读书社6名志愿者在图书馆陪孩子读书"))).toBe("晨曦读书社");
    expect(findOrganization(N("今天上午丹青书画社在文化站教居民写字"))).toBe("丹青书画社");
    expect(findOrganization(N("今天在幸福社区陪老人聊天，社工2名"))).toBeNull();
    expect(findOrganization(N("晚报社记者来采访了"))).toBeNull();
  });
});

describe("category", () => {
  it("a 便民服务 day of everyday services is mixed services (其他)", () => {
    expect(categorize(N("今天在广场搞便民服务活动，修自行车、量血压、剪头发"), null)).toBe("其他");
    // a single service at a 便民服务大厅 keeps its own field
    expect(categorize(N("在镇便民服务大厅开展法律咨询"), null, "镇便民服务大厅")).toBe("法律援助");
  });
});

describe("location", () => {
  it("the community named before a count of households is the place", () => {
    expect(findLocation(N("昨天给幸福社区12户困难家庭送了米"), null)).toBe("幸福社区");
    expect(findLocation(N("今天走访了光明村8户留守家庭"), null)).toBe("光明村");
  });

  it("她家 / 他家 is the home of the person named before it, never the pronoun", () => {
    expect(findLocation(N("帮孤寡的赵大爷换了灯泡，在他家弄了半小时"), null)).toBe("赵大爷家");
    expect(findLocation(N("今天去了她家打扫卫生"), null)).toBeNull();
  });
});

describe("people", () => {
  it("campers (营员) and 师生 are people served", () => {
    expect(readPeople(N("志愿者6人，营员30名")).beneficiaries).toBe(30);
    expect(readPeople(N("队员4名，参加疏散的师生300多人")).beneficiaries).toBe(300);
  });

  it("one named person helped (帮独居的孙奶奶) is one beneficiary", () => {
    expect(readPeople(N("3个人帮独居的孙奶奶搬了煤")).beneficiaries).toBe(1);
    expect(readPeople(N("3个人帮老奶奶们搬了煤")).beneficiaries).toBeNull();
  });
});

describe("times", () => {
  it("an 早班 marks the morning: 晚上 said for the other shift does not move it to the evening", () => {
    const sessions = readTimes(N("早班3人8点到10点，晚班3人晚上7点到9点")).sessions.map((s) => [s.start / 60, s.end / 60]);
    expect(sessions).toEqual([[8, 10], [19, 21]]);
  });
});

describe("location label", () => {
  it("地点 without a colon still labels a place", () => {
    expect(findLocation(N("今天清雪，8个人，地点向阳小区各单元"), null)).toBe("向阳小区各单元");
    expect(findLocation(N("今天的地点待定，到时候通知"), null)).toBeNull();
  });
});

describe("activity words", () => {
  it("a rescue or duty verb ends the place phrase (在桥洞下搜救…)", () => {
    expect(findLocation(N("昨晚12人在东江桥洞下搜寻走失老人"), null)).toBe("东江桥洞下");
    expect(findLocation(N("今天8人在北站出口执勤疏导旅客"), null)).toBe("北站出口");
  });

  it("an activity word swallowed by the place still decides the category", () => {
    expect(categorize(N("在老桥底下打捞落水物品"), null, "老桥底下打捞落水物品")).toBe("应急救援");
  });

  it("English activity words decide the category too", () => {
    expect(categorize("we did a Clean-Up along the river", null)).toBe("环保");
    expect(categorize("free legal consultation for residents", null)).toBe("法律援助");
    expect(categorize("night patrol in the neighbourhood", null)).toBe("社区治理");
  });
});

describe("teachers", () => {
  it("老师 teaching are volunteers; 老师 given a check-up are served", () => {
    expect(readPeople(N("4个老师上剪纸课，学员25人")).volunteers).toBe(4);
    expect(readPeople(N("志愿者5人，给30位老师量血压")).beneficiaries).toBe(30);
  });
});

describe("served people's place", () => {
  it("给X小学的孩子 / 为X社区的老人: the place whose people were served", () => {
    expect(findLocation(N("冬至那天给实验小学的留守儿童送饺子，6人"), null)).toBe("实验小学");
    expect(findLocation(N("今天为光华社区的空巢老人理发"), null)).toBe("光华社区");
  });
});

describe("category of pastimes", () => {
  it("lantern riddles, chess or a ball game are 文化体育", () => {
    expect(categorize(N("元宵节组织居民猜灯谜"), null)).toBe("文化体育");
    expect(categorize(N("在社区办了象棋比赛和乒乓球友谊赛"), null)).toBe("文化体育");
  });
});

describe("invitations", () => {
  it("欢迎大家来 invites to something ahead: not a report", async () => {
    const { extractReports } = await import("../../../../src/features/reports/extract/index.js");
    const result = extractReports(["晚上的广场舞比赛7点开始，在东风广场，欢迎街坊们来看"], new Date("2026-11-26T10:00:00+08:00"));
    expect(result.is_report).toBe(false);
  });
});

describe("events as settings", () => {
  it("keeping order at a lantern fair is 社区治理, not a pastime", () => {
    expect(categorize(N("在广场维持灯会秩序"), null)).toBe("社区治理");
  });
});

describe("round three", () => {
  it("hospital guidance (导诊, 陪诊) and blood sugar tests are 健康卫生", () => {
    expect(categorize(N("在人民医院门诊大厅做志愿导诊"), null, "人民医院门诊大厅")).toBe("健康卫生");
    expect(categorize(N("给居民免费测血糖"), null)).toBe("健康卫生");
  });

  it("families count like households: beneficiaries stay null", () => {
    expect(readPeople(N("志愿者4人，来了12组家庭")).beneficiaries).toBeNull();
    expect(readPeople(N("志愿者4人，慰问了8个困难家庭")).beneficiaries).toBeNull();
  });

  it("N人 after 测了 / 检查了 counts people served", () => {
    expect(readPeople(N("医护志愿者5个，量了80多人")).beneficiaries).toBe(80);
    expect(readPeople(N("医护志愿者5个，量了80多人")).volunteers).toBe(5);
  });

  it("9时至11时 is a clock range, 小时 and 时间 are not", () => {
    expect(readTimes(N("下午2时至4时30分")).sessions.map((s) => [s.start, s.end])).toEqual([[14 * 60, 16 * 60 + 30]]);
    expect(readTimes(N("用了3小时，时间不长")).sessions).toEqual([]);
  });

  it("someone else's activity seen or heard of is not a report", async () => {
    const { extractReports } = await import("../../../../src/features/reports/extract/index.js");
    const at = new Date("2026-11-26T20:00:00+08:00");
    expect(extractReports(["我看别的社区昨天在东风广场搞了义诊，8个医生，9点到11点，挺好"], at).is_report).toBe(false);
    expect(extractReports(["我们昨天在东风社区义诊，8个医生，9点到11点"], at).is_report).toBe(true);
  });

  it("a later message correcting 人数 without 人 after the count", async () => {
    const { extractReports } = await import("../../../../src/features/reports/extract/index.js");
    const at = new Date("2026-11-26T20:00:00+08:00");
    const result = extractReports(["今天东风志愿队在东风社区扫雪，6人，9点到11点", "人数写错了，应该是9个"], at);
    expect(result.reports[0]!.volunteers).toBe(9);
    expect(result.reports[0]!.volunteer_hours).toBe(18);
  });
});
