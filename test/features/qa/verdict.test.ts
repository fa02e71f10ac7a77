import { describe, expect, it } from "vitest";
import { askedKinds, limits, quantities, sayVerdict, verdict } from "../../../src/features/qa/verdict.js";
import { qaTexts } from "./helpers.js";

const texts = qaTexts();
const zh = { english: false, t: texts.translator("zh-CN") };
const en = { english: true, t: texts.translator("en") };

/** The verdict as the asker reads it. */
function said(question: string, section: string, options: typeof zh): string | undefined {
  const judged = verdict(question, section, options.english);
  return judged && sayVerdict(judged, options.t);
}

const members = "个人会员要50个以上，或者单位会员30个以上；个人和单位混合的，会员总数不少于50个。";
const funds = "地方性社团活动资金要3万元以上；全国性社团要10万元以上。";
const board = "理事为5人至25人，理事每届任期不得超过5年，可以连选连任。";
const spending = "公募基金会每年公益支出不得低于上一年总收入的70%；非公募基金会不得低于上一年基金余额的8%。人员工资福利加行政办公支出，合计不超过当年总支出的10%。";

describe("threshold verdicts", () => {
  it("reads figures in Chinese numerals, money and halves, and ages said in English (turns 73, 68-year-old)", () => {
    expect(quantities("账上只有一万五")).toMatchObject([{ kind: "money", value: 15_000 }]);
    expect(quantities("拉了三十五个人")).toMatchObject([{ kind: "count", value: 35 }]);
    expect(quantities("拉了二十来个人")).toMatchObject([{ kind: "count", value: 20 }]);
    expect(quantities("登记才一年半")).toMatchObject([{ kind: "years", value: 1.5 }]);
    expect(quantities("我们2019年评上的")).toEqual([]);
    expect(quantities("Our chairwoman turns 73 next month")).toMatchObject([{ kind: "age", value: 73 }]);
    expect(quantities("a 68-year-old secretary-general")).toMatchObject([{ kind: "age", value: 68 }]);
  });

  it("knows which kind of figure a question asks for, however the count is worded", () => {
    expect(askedKinds("地方性社团会员至少多少个")).toEqual(["count"]);
    expect(askedKinds("理事会最多几名理事")).toEqual(["count"]);
    expect(askedKinds("变更登记要在多少个工作日内办")).toEqual(["days", "months", "years"]);
    expect(askedKinds("非国有资产得占总财产多少")).toEqual(["percent"]);
    expect(askedKinds("管理费用能占几成")).toEqual(["percent"]);
    expect(askedKinds("What minimum share of its assets must be non-state-owned?")).toEqual(["percent"]);
  });

  it("reads at-least, at-most, ranges and shares of a base from a section", () => {
    expect(limits(board)).toMatchObject([{ kind: "count", low: 5, high: 25 }, { kind: "years", high: 5 }]);
    expect(limits(spending)).toMatchObject([{ kind: "percent", low: 70, share: true }, { kind: "percent", low: 8, share: true }, { kind: "percent", high: 10, share: true }]);
  });

  it("judges a figure by the limit whose words the question shares, not by a shared unit (半年 against 6个月)", () => {
    const section = "登记满6个月的可以申请；延期换届最长不超过1年。";
    expect(said("换届往后拖了半年行吗", section, zh)).toBe(said("换届往后拖了6个月行吗", "延期换届最长不超过1年。", zh));
    expect(said("换届往后拖了半年行吗", section, zh)).toContain("1年");
  });

  it("judges by the rule that binds here, not by a practice reported from elsewhere", () => {
    const section = "多地做法：社区社会组织一般要10名以上会员，这不是黑龙江规定。想正式登记成协会的，要50个以上个人会员。";
    expect(said("咱们社区合唱队才25个人，登记协会够格吗", section, zh)).toBe("不够：25个，少于规定的50个。");
  });

  it("user: 我们拉了35个人能登记协会吗 → bot: 不够, before the rule", () => {
    expect(said("我们拉了三十五个人能登记协会吗", members, zh)).toBe("不够：35个，少于规定的50个。");
    // Worded once by the caller; whether the figure is short is known without reading the words.
    expect(verdict("我们拉了三十五个人能登记协会吗", members, false)).toMatchObject({ key: "qa.verdict.atLeast.no", met: false, params: { value: "35个", low: "50个" } });
    expect(verdict("我们拉了六十个人能登记协会吗", members, false)).toMatchObject({ met: true });
  });

  it("user: 每个理事出5000块，一共7个理事，活动资金够吗 → bot: 够, the sum per head times the heads", () => {
    expect(said("每个理事出5000块，一共7个理事，活动资金够成立协会吗", funds, zh)).toBe(said("我们凑了35000块活动资金，够成立协会吗", funds, zh));
    expect(verdict("每个理事出5000块，一共7个理事，活动资金够成立协会吗", funds, false)).toMatchObject({ met: true });
    expect(said("Each of our 8 founders puts in RMB 3000. Is that enough activity funds for a local association?", funds, en)).toContain("24,000");
  });

  it("user: 社区要求每户必须捐50元给我们协会，这合法吗 → no 不够 against the 3万元 of funds (a sum per head, no head count)", () => {
    expect(verdict("社区要求每户必须捐50元给我们协会，这合法吗", funds, false)).toBeUndefined();
    expect(verdict("协会会员每人每年交200块会费，这个钱够活动资金吗", funds, false)).toBeUndefined();
    // The same sum said as the whole is judged.
    expect(verdict("社区一共给我们协会捐了50元活动资金，够吗", funds, false)).toMatchObject({ met: false });
  });

  it("picks the limit the question is about (单位会员, 全国性)", () => {
    expect(said("现在有32家单位愿意入会，够吗", members, zh)).toMatch(/^够：32个.*30个/);
    expect(said("办个全国性的学会，活动资金5万元可以吗", funds, zh)).toMatch(/^不够：5万元.*10万元/);
    expect(said("区里的协会，活动资金5万元够吗", funds, zh)).toMatch(/^够：5万元.*3万元/);
  });

  it("judges a range and a cap", () => {
    expect(said("基金会理事会想设30个人，行吗", board, zh)).toBe("不符合：30个不在5个至25个之间。");
    expect(said("理事每届任期定6年可以吗", board, zh)).toBe("不行：6年，超过了5年的上限。");
  });

  it("works out a share of the base the question names", () => {
    expect(said("公募基金会去年总收入1000万，今年公益支出600万，达标没", spending, zh)).toBe("不够：按1000万元的70%算，至少要700万元，600万元不够。");
    expect(said("非公募基金会去年基金余额500万，今年就花40万做公益，够吗", spending, zh)).toMatch(/^够：.*40万元/);
    expect(said("基金会今年总支出200万，工资福利加行政办公花了25万，超没超", spending, zh)).toMatch(/^超了：.*上限是20万元/);
  });

  it("counts heads whole in a share of a board: at most 1/3 of 11 directors is 3, not 3.67", () => {
    const paid = "拿报酬的理事最多占理事总数的1/3。";
    expect(said("基金会理事会一共11个人，其中5个领工资，这样合规吗", paid, zh)).toBe("超了：按11个的1/3算，上限是3个，5个超过了。");
    expect(said("理事会9个人，3个在基金会拿工资，行吗", paid, zh)).toMatch(/^没超/);
  });

  it("says nothing when the question asks how much, not whether", () => {
    expect(said("成立社团要多少个会员", members, zh)).toBeUndefined();
    expect(said("我们有40个会员，会费怎么定", "会费由会员大会表决。", zh)).toBeUndefined();
  });

  it("answers English questions in English", () => {
    expect(said("We have 40 members, is that enough?", members, en)).toBe("Not enough: 40 is below the required 50.");
  });
});

describe("threshold verdicts on durations", () => {
  const qualification = "依法登记满一年的慈善组织，可以申请公开募捐资格。";
  it("user: 才登记8个月，能申请公募资格吗 → bot: 不够, months against a year", () => {
    expect(said("我们才登记8个月，能申请公募资格吗", qualification, zh)).toBe("不够：8个月，少于规定的1年。");
    expect(said("我们登记一年半了，能申请公募资格吗", qualification, zh)).toBe("够：1.5年，已达到1年的要求。");
  });

  const listing = "未按规定报送年度工作报告的，会被列入活动异常名录；列入满2年的，会被列入严重违法失信名单。";
  it("user: 年报比规定晚了俩月，有问题不 → no 不够: how late it was is no figure to meet the rule's 满2年", () => {
    expect(said("我们年报比规定晚了俩月 这个有问题不", listing, zh)).toBeUndefined();
    expect(said("年检材料逾期40天才交，这样行吗", listing, zh)).toBeUndefined();
    // A postponement is bounded by the rules, and judged.
    expect(said("理事会想把换届推迟两年，可以吗", "换届确需延期的，延期时间最长不超过1年。", zh)).toBe("不行：2年，超过了1年的上限。");
  });
});

describe("tiered shares (净资产分档)", () => {
  const tiers = "按上年末净资产分档：1000万元以上的不低于6%，500万至1000万元的不低于7%，100万至500万元的不低于8%。";

  it("takes the share of the band the stated base falls in", () => {
    expect(said("上年末净资产300万，今年慈善支出20万，达标吗", tiers, zh)).toBe("不够：按300万元的8%算，至少要24万元，20万元不够。");
    expect(said("净资产600万，支出45万够不够", tiers, zh)).toBe("够：按600万元的7%算，至少要42万元，45万元已达到。");
    expect(said("净资产1500万的一年慈善支出至少多少", tiers, zh)).toBe("按1500万元的6%算，至少要90万元。");
  });

  it("reads a band's bounds as no limit of their own (300万 is not short of 1000万)", () => {
    expect(limits(tiers).filter((limit) => limit.kind === "money")).toEqual([]);
  });
});

describe("threshold verdicts when a question states two kinds of figure", () => {
  const conditions = `${members}${funds}`;

  it("user: 每位会员交300元，一共60个会员，活动资金够吗 → the money is weighed (1.8万 < 3万), not the members", () => {
    expect(said("每位会员交300元，一共60个会员，活动资金够登记协会吗", conditions, zh)).toMatch(/^不够：1\.8万元，少于规定的3万元/);
  });

  it("user: 凑了5万块，会员才40个，人数够吗 → the members are weighed", () => {
    expect(said("我们凑了5万块，会员才40个，人数够吗", conditions, zh)).toMatch(/^不够：40个，少于规定的50个/);
  });

  it("user: 7个理事，每届任期6年，任期这么定行吗 → the term is weighed, not the board's size", () => {
    expect(said("基金会打算设7个理事，每届任期6年，任期这么定行吗", board, zh)).toMatch(/^不行：6年/);
  });

  it("asks for the weighed kind only when the question states a figure of it (募点钱行不行 weighs none)", () => {
    expect(askedKinds("会员62个人，大家一共凑了两万八，钱上达标了吗")).toEqual(["money"]);
    expect(askedKinds("还没有公募资格，在会员内部募点钱行不行")).toBeUndefined();
  });

  it("user: We have 70 members and 20,000 yuan. Is our funding enough? → the funds, written with a thousands comma", () => {
    expect(quantities("We have 70 members and 20,000 yuan.")).toMatchObject([{ kind: "money", value: 20_000 }, { kind: "count", value: 70 }]);
    expect(said("We have 70 members and 20,000 yuan. Is our funding enough to register an association?", funds, en)).toMatch(/^Not enough: RMB 20,000 is below the required RMB 30,000/);
  });

  it("reads spoken sums: 一千五 is 1500, 三万五千 is 35000, 两万八 is 28000", () => {
    expect(quantities("活动经费一千五百块")).toMatchObject([{ kind: "money", value: 1500 }]);
    expect(quantities("大家凑了一千五块钱")).toMatchObject([{ kind: "money", value: 1500 }]);
    expect(quantities("活动经费三万五千块")).toMatchObject([{ kind: "money", value: 35_000 }]);
    expect(quantities("凑了两万八")).toMatchObject([{ kind: "money", value: 28_000 }]);
    expect(quantities("一千零五块")).toMatchObject([{ kind: "money", value: 1005 }]);
  });
});

describe("a surcharge added each day (每日按罚款数额的3%加处罚款)", () => {
  const surcharge = "当事人应当自收到处罚决定书之日起十五日内缴纳罚款；逾期不缴的，每日按罚款数额的3%加处罚款，加处总额不超过罚款本身。";

  it("works the total out from the fine and the days late", () => {
    expect(said("罚款一千五，拖了6天才交，要多交多少", surcharge, zh)).toBe("按每日3%算：1500元逾期6天，加处罚款270元。");
    expect(said("Fined RMB 4,000, paid 5 days late. How much is the surcharge?", surcharge, en)).toBe("At 3% a day, 5 days late on RMB 4,000 adds RMB 600.");
  });

  it("stops at the fine itself, as the rule caps it", () => {
    expect(said("罚了800元，晚交了两个多月，差不多70天，要加多少", surcharge, zh)).toBe("按每日3%算：800元逾期70天本应加1680元，但加处罚款不超过罚款本身，最多800元。");
  });

  it("says nothing without the days (罚款交晚了会怎样), and reads no rate as a bound", () => {
    expect(said("罚款3000元交晚了要加多少", surcharge, zh)).toBeUndefined();
    expect(limits(surcharge).filter((limit) => limit.low !== undefined && !limit.daily)).toHaveLength(0);
  });
});
