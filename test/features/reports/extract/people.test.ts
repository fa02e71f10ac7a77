import { describe, expect, it } from "vitest";
import { readPeople } from "../../../../src/features/reports/extract/people.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";
import { extractReports } from "../../../../src/features/reports/extract/index.js";

const people = (text: string) => readPeople(normalizeText(text));

describe("volunteers", () => {
  it.each([
    ["志愿者7人", 7],
    ["十五名志愿者", 15],
    ["来了仨律师", 3],
    ["二十多位姐妹", 20],
    ["出动9名队员", 9],
    ["3 volunteers", 3],
    ["志愿者１２人", 12],
    ["来了7个自愿者", 7],
  ])("%s → %i", (text, expected) => {
    expect(people(text).volunteers).toBe(expected);
  });

  it("counts the reporter", () => {
    expect(people("我带了5个队员去送米面油").volunteers).toBe(6);
    expect(people("除了我还有4个人").volunteers).toBe(5);
    expect(people("我和另外3个队友去捡垃圾").volunteers).toBe(4);
    expect(people("算上我一共6个人").volunteers).toBe(6);
  });

  it("adds parallel teams and keeps a total over its parts", () => {
    expect(people("党员志愿者8名、居民志愿者5名").volunteers).toBe(13);
    expect(people("一组4人一组3人").volunteers).toBe(7);
    expect(people("我们来了9个人，其中5个人上午来的").volunteers).toBe(9);
  });

  it("含N名社工 is already included; 另有…工作人员 is not counted", () => {
    expect(people("志愿者7名，含2名社工，另有3名工作人员协助").volunteers).toBe(7);
  });

  it("a range such as 十五六个 is unknown and marks approximate figures", () => {
    expect(people("来了十五六个志愿者").volunteers).toBeNull();
    expect(people("二十多位志愿者").volunteersApproximate).toBe(true);
  });

  it("a numeral inside a name is no count", () => {
    expect(people("七彩童年儿童服务社6名志愿者").volunteers).toBe(6);
  });
});

describe("beneficiaries", () => {
  it.each([
    ["给12名残疾学员送月饼", 12],
    ["来了60多个学生和家长", 60],
    ["服务老人32位", 32],
    ["接待群众咨询27人次", 27],
    ["服务儿童及家长约80人次", 80],
    ["转移群众30多人", 30],
    ["给8位低保户送米面油", 8],
    ["15 kids came", 15],
    ["去独居的老李头家打扫卫生", 1],
  ])("%s → %i", (text, expected) => {
    expect(people(text).beneficiaries).toBe(expected);
  });

  it.each([
    ["医生志愿者8名，看诊60余人", 8, 60],
    ["志愿者6名，接诊居民四十余人", 6, 40],
    ["律师3名，现场咨询25人", 3, 25],
    ["二十几个志愿者，教了五十几个孩子", 20, 50],
    ["十几个志愿者陪学员包饺子", 10, null],
  ])("people seen or advised are served; X几 is X: %s", (text, volunteers, beneficiaries) => {
    const facts = people(text);
    expect(facts.volunteers).toBe(volunteers);
    expect(facts.beneficiaries).toBe(beneficiaries);
  });

  it("households, trees, bags and leaflets are not people", () => {
    expect(people("走访了15户困难家庭").beneficiaries).toBeNull();
    expect(people("种了30棵树苗，捡了十几袋垃圾，发放宣传单三百余份").beneficiaries).toBeNull();
    expect(people("种了30棵树苗").volunteers).toBeNull();
  });

  it("trainees are not volunteers; their trainers are", () => {
    const facts = people("今天给新志愿者开展培训，培训志愿者30人，讲师2人");
    expect([facts.volunteers, facts.beneficiaries]).toEqual([2, 30]);
  });

  it("a qualifier does not turn volunteers into beneficiaries, nor the reverse", () => {
    expect(people("5名居民志愿者和3名党员").volunteers).toBe(8);
    const facts = people("参加活动的居民有50多人，志愿者8人");
    expect([facts.volunteers, facts.beneficiaries]).toEqual([8, 50]);
  });

  it("a word of need marks the served even with a volunteer noun (困难党员)", () => {
    const facts = people("为辖区15名困难党员送慰问品，志愿者6名");
    expect([facts.volunteers, facts.beneficiaries]).toEqual([6, 15]);
    expect(people("8名老年志愿者").volunteers).toBe(8);
  });

  it("a space ends a clause in caption-style reports", () => {
    const facts = people("帮村民抢收玉米 十来个人");
    expect([facts.volunteers, facts.beneficiaries]).toEqual([10, null]);
  });

  it("trainees are served, not serving", () => {
    const facts = people("志愿者2人，学员18人");
    expect([facts.volunteers, facts.beneficiaries]).toEqual([2, 18]);
  });
});

describe("classmates and colleagues", () => {
  const reference = new Date("2026-04-12T20:00:00+08:00");
  it("count as volunteers when they came to serve", () => {
    const [report] = extractReports(["我们是东北农业大学青年志愿者，昨天下午2点到5点在香坊区幸福敬老院陪老人聊天，来了12个同学"], reference).reports;
    expect(report).toMatchObject({ volunteers: 12, volunteer_hours: 36 });
    expect(extractReports(["今天上午我们单位8个同事去平房公园捡垃圾，9点到11点"], reference).reports[0]).toMatchObject({ volunteers: 8 });
  });

  it("are people served when the team helped them", () => {
    const [report] = extractReports(["昨天下午阳光志愿队5个人在新伟小学给30个同学辅导作业，两点到四点"], reference).reports;
    expect(report).toMatchObject({ volunteers: 5, beneficiaries: 30, volunteer_hours: 10 });
  });
});
