import { describe, expect, it } from "vitest";
import { asksWhatHappens, consequenceStrength } from "../../../src/features/qa/consequence.js";
import { focusPhrases } from "../../../src/features/qa/focus.js";
import { comparedParts } from "../../../src/features/qa/parts.js";
import { arabicNumerals } from "../../../src/features/qa/text.js";
import { judgeScope } from "../../../src/features/qa/scope.js";
import { answerBody, askShipped } from "./helpers.js";

// Questions told the way leaders tell them (round 12): each line is what a leader types, then
// what the reply must (or must not) say. Written for these tests, not taken from any evaluation set.
const says = async (question: string) => answerBody((await askShipped(question)).text);

describe("a figure told with its whole (一共…其中…)", () => {
  it("is judged as a share first: 5 of 11 directors paid is over the third, before 11 is within 5 to 25", async () => {
    const reply = await says("基金会理事会一共11个人，其中5个领工资，合规吗");
    expect(reply).toMatch(/^(1\. )?超了：按11个的1\/3算，上限是3个/);
    expect(reply).not.toMatch(/^符合/);
  });

  it("reads 没问题吧 and 够了吧 as asking whether, so the verdict leads", async () => {
    expect(await says("理事会7个人 其中2个拿补贴 没问题吧")).toMatch(/没超：按7个的1\/3算，上限是2个/);
    expect(await says("我们协会会员45个人 应该够登记了吧")).toMatch(/^1\. 不够：45个，少于规定的50个/);
  });

  it("reads a spoken guess between neighbours (四五个月, 七八个人) as the larger, not as 45 or 78", () => {
    expect(arabicNumerals("刚拿证四五个月")).toBe("刚拿证5个月");
    expect(arabicNumerals("来了七八个人")).toBe("来了8个人");
    expect(arabicNumerals("二零二四年")).toBe("2024年");
  });

  it("says 不用/要 when the limit frees those within it from a duty (未超过6个月的，不参加年检)", async () => {
    expect(await says("刚拿证四五个月 今年年检用参加不")).toMatch(/^不用：5个月，没有超过6个月/);
    expect(await says("我们民非登记才8个月 今年要参加年检吗")).toMatch(/^要：8个月，已超过6个月/);
  });

  it("puts the share first when a runner-up judges it (九个人里头四个拿钱)", async () => {
    expect(await says("基金会理事会九个人里头四个拿钱 这合规不")).toMatch(/^1\. 超了：按9个的1\/3算，上限是3个，4个超过了/);
  });

  it("judges a local foundation by the local floor when 性 is left off (地方公募基金会)", async () => {
    expect(await says("原始基金凑了300万 地方公募基金会差不多了吧")).toMatch(/^不够：300万元，少于规定的400万元/);
    expect(await says("想在区级注册个社团 活动资金2万 够吗")).toMatch(/^不够：2万元，少于规定的3万元/);
  });
});

describe("what happens, asked after a story", () => {
  it("gives the penalty first when the story matches a rule better (没公募资格，摆摊募捐，被举报了)", async () => {
    const reply = await says("我们没公募资格，自己在商场门口摆摊募捐，被人举报了，会有啥后果");
    expect(reply.split("\n")[0]).toMatch(/警告/);
  });

  it("finds the penalty naming the act (出租 a seal), not one that only names the certificate", async () => {
    expect(await says("我们把公章租给别的公司用了 会被怎么处理")).toMatch(/^(1\. )?涂改、出租、出借证书或印章/);
  });

  it("takes 盖了几份合同 as told, not asked: the penalty for lending a seal is the answer", async () => {
    expect(await says("公章借给兄弟单位盖了几份合同 会受啥处罚")).toMatch(/^(1\. )?涂改、出租、出借证书或印章/);
  });

  it("takes a length told in the scene (借给朋友单位用几天，会咋样) as no ask for a length", async () => {
    expect(await says("协会的登记证书借给朋友单位用几天 会咋样")).toMatch(/^涂改、出租、出借证书或印章/);
  });

  it("answers 会被罚吗 with what does follow, a listing as well as a fine", async () => {
    expect(await says("年报晚交了会被罚吗")).toContain("列入活动异常名录");
    expect(await says("没公募资格搞募捐会不会被罚")).toContain("2万元以上20万元以下罚款");
  });

  it("reads a penalty told in the scene as the scene: 去年被罚过款，今年还能参加评估吗 asks who may be evaluated", async () => {
    expect(asksWhatHappens("我们去年被民政罚了一次款，今年还能报名参加社会组织评估吗")).toBe(false);
    expect(await says("我们去年被民政罚了一次款，今年还能报名参加社会组织评估吗")).toContain("上年度受到行政处罚");
  });

  it("weighs a rare word of the case above common ones when choosing what says it", () => {
    const question = "协会的登记证书借给朋友单位用几天 会咋样";
    const lending = { heading: "社团哪些行为会被处罚？", body: "涂改、出租、出借证书或印章的，会被警告、责令改正。" };
    const inactive = { heading: "社团拿到登记证书后一年没开展活动会怎样？", body: "社团自取得登记证书之日起1年未开展活动的，由登记机关撤销登记。" };
    const rare = (term: string) => (term === "出借" ? 5 : 1);
    expect(consequenceStrength(question, lending, rare)).toBeGreaterThan(consequenceStrength(question, inactive, rare));
    // (登记证书 counts once, not again as 登记, 记证 and 证书.)
    expect(consequenceStrength(question, inactive)).toBe(2);
  });

  it("hears 会不会出什么问题 as asking what happens, and a risky activity told in English as the scene", async () => {
    expect(asksWhatHappens("一场活动都没办 这样下去会不会出什么问题")).toBe(true);
    expect(asksWhatHappens("Our volunteers will do a river clean-up that's a bit risky. Is there anything the organization must buy for them beforehand?")).toBe(false);
    expect(asksWhatHappens("Is it risky to fundraise on WeChat without a permit?")).toBe(true);
    expect(await says("Our volunteers will do a river clean-up that's a bit risky. Is there anything the organization must buy for them beforehand?")).toMatch(/insurance/);
    expect(await says("协会去年领了社团法人登记证书，一晃14个月了，一场活动都没办。这样下去会不会出什么问题？")).toMatch(/1年未开展活动的，由登记机关撤销登记/);
  });
});

describe("two asks, one of them a comparison", () => {
  it("answers the ask after the comparison too (有啥区别？起步资金差多少？)", async () => {
    const reply = await says("公募基金会和非公募基金会有啥区别？起步资金差多少？");
    expect(reply).toContain("不得面向公众募捐");
    expect(reply).toContain("非公募基金会不低于200万元");
  });

  it("asks a later comparing ask of the same two sides", () => {
    expect(comparedParts("公募基金会和非公募基金会有啥区别？起步资金差多少？")?.more).toEqual(["公募基金会和非公募基金会起步资金差多少？"]);
  });

  it("reads 是不是管得更严 after one side's rule as comparing the two, and answers both", async () => {
    const reply = await says("社团法人不能兼别的社团法人，那基金会的法定代表人是不是管得更严？");
    expect(reply).toContain("社团的法定代表人不得同时担任其他社团的法定代表人");
    expect(reply).toContain("基金会的法定代表人不得同时担任其他组织的法定代表人");
  });
});

describe("a later ask that names no organisation type", () => {
  it("is about the type the message named before it", async () => {
    const reply = await says("请教一下，要在区里成立一个地方性的社会团体，至少得有多少会员？活动资金又至少要多少？");
    expect(reply).toContain("活动资金要3万元以上");
    expect(reply).not.toContain("原始基金");
  });

  it("but not about a type named only after it (the fee asked of every inspection)", async () => {
    expect(await says("年检要不要交钱？基金会年检要是不合格会怎么样？")).toContain("收取费用");
  });
});

describe("pay asked about (薪水, 奖金, 拿钱)", () => {
  it("must be what the section speaks of: a 会长's other rules do not answer it, so staff do", async () => {
    for (const question of ["协会会长能从协会领薪水吗", "捐款能给会长发奖金吗", "会长从协会拿钱 合法吗"]) {
      expect((await askShipped(question)).handoff, question).toBe(true);
    }
  });

  it("is answered where the rules speak of it", async () => {
    expect(await says("监事能拿报酬吗")).toContain("不得从基金会获取报酬");
    expect(await says("基金会理事拿工资 行吗")).toContain("拿报酬的理事最多占理事总数的1/3");
    expect(await says("社团专职人员工资怎么定")).toContain("参照国家关于事业单位的规定");
  });
});

describe("a runner-up for another organisation type", () => {
  it("joins only if it answers what the best one does: 管账的能不能同时当监事 gets no 社团 rule on two legal-representative posts", async () => {
    const reply = await says("管账的能不能同时当监事");
    expect(reply).toContain("财会人员都不得兼任监事");
    expect(reply).not.toContain("法定代表人");
  });

  it("still joins when it does (拿了证一直没开展活动: the 社团's year and the foundation's twelve months)", async () => {
    const reply = await says("拿了证以后一直没开展啥活动，会有啥后果");
    expect(reply).toContain("1年");
    expect(reply).toMatch(/12个月/);
  });
});

describe("a comparison pointing back (它俩) or placing what is compared (在…上)", () => {
  it("compares what 它俩 points back to with the side named after it", async () => {
    expect(comparedParts("民非跟基金会在民法典里算一类吧？它俩跟社团在法人分类上有啥不同")?.sides).toEqual(["民非", "基金会", "社团"]);
    expect(await says("民非跟基金会在民法典里算一类吧？它俩跟社团在法人分类上有啥不同")).toContain("捐助法人");
  });

  it("reads 在法人分类上 as what is compared, not as part of a side", () => {
    expect(comparedParts("社团和民非在法人分类上有啥不同")).toMatchObject({ sides: ["社团", "民非"], parts: ["社团的法人分类", "民非的法人分类"] });
  });
});

describe("who is on duty, whether someone is in", () => {
  it("goes to staff as a schedule, not as our organisation's records", () => {
    for (const question of ["明天园区谁值班", "王老师今天在园区吗", "小李老师下午有空吗", "值班表发我一下", "Who is on duty at the park this Saturday?"]) {
      expect(judgeScope(question), question).toEqual({ action: "handoff", reason: "contact" });
    }
    expect(judgeScope("会长的任期是几年")).toBeUndefined();
  });
});

describe("a call told in the story", () => {
  it("is no request for someone's number: the donor's right to ask is answered", async () => {
    expect(judgeScope("捐钱的大姐打电话说要查她那笔钱花哪了 我们必须告诉她吗")).toBeUndefined();
    expect(await says("捐钱的大姐打电话说要查她那笔钱花哪了 我们必须告诉她吗")).toMatch(/捐赠人有权查询/);
    expect(judgeScope("王姐的电话多少")).toEqual({ action: "handoff", reason: "contact" });
  });
});

describe("a chore-like wording that asks the rules", () => {
  it("is answered: 给协会起名字有啥讲究 asks the naming rules, though 起名字 reads as a chore", async () => {
    expect(await says("给协会起名字有啥讲究")).toContain("行政区划名称");
  });

  it("but a name made up for us is still declined", async () => {
    expect((await askShipped("帮我们协会起个好听的名字")).handoff).toBe(true);
  });
});

describe("knowledge added this round", () => {
  it("says a 社团 may set up branches, with the limits, rather than a bare 不能 from the sub-branch rule", async () => {
    expect(await says("社团能不能设分会")).toMatch(/^可以设，但有三条限制/);
  });

  it("says what the registration authority announces (社会上能知道不)", async () => {
    expect(await says("协会换地址，变更登记有时间限制吗？变完了社会上能知道不，民政会对外说一声吗？")).toContain("由登记管理机关予以公告");
  });
});

describe("everyday words for what the rules name", () => {
  it("hears Harbin's districts as setting up by place (地域性), and 设个点 as a branch", async () => {
    expect(await says("协会想在道里、南岗各挂个牌子设个点，下面分片管会员，这么整行不？")).toContain("不得设立地域性的分支机构");
  });

  it("hears 国字号 as 中国/全国/中华 in a name", async () => {
    expect(await says("我们民办服务中心想在名字前头冠个国字号的大帽子，听着大气正规，能批下来吗")).toContain("不得冠以“中国”“全国”“中华”");
  });

  it("hears a district or local association in English as 地方性, and 38 individual members as a count", async () => {
    expect(await says("We raised 25,000 yuan. Is that enough to register a district association?")).toMatch(/^Not enough: RMB 25,000 is below the required RMB 30,000/);
    expect(await says("Our association has 38 individual members and 6 company members. Can we register?")).toMatch(/^Not enough: 38 is below the required 50/);
  });

  it("keeps an English question's organisation type: a foundation's branches get no 社团 rule beside them", async () => {
    const reply = await says("Can a foundation set up branches in other cities?");
    expect(reply).toContain("registration authority");
    expect(reply).not.toMatch(/association/);
  });

  it("hears outlets in English as branches", async () => {
    expect(await says("Can a private non-enterprise unit open additional outlets under the same name in other districts?")).toMatch(/may not set up branches/);
  });

  it("takes 能上吗 (take up the post) as no act of its own, so the rule on who may lead is found", async () => {
    expect(focusPhrases("他以前因为故意犯罪判过刑，刑满释放3年了，能上吗？")).toEqual([]);
    expect(await says("我们准备推一位大哥当慈善组织的理事长，他以前因为故意犯罪判过刑，刑满释放3年了，能上吗？")).toContain("未逾五年");
  });
});

describe("help with something improper", () => {
  it("is declined: a gift for a favour, takings spent unrecorded, a seal cut without filing, a bribe in English", () => {
    for (const question of [
      "区里办登记那个经办的 我们给他拿两条烟 他能帮咱们先办吗",
      "请评审专家吃顿饭 评估分数能给高点不",
      "请民政的同志喝顿酒 让他照顾照顾我们的年检",
      "义卖收的现金不入账 直接发给志愿者当补助 行吧",
      "公章找不着了 随便找个刻章店照着样子刻一个 不报备行不",
      "Can we give the bureau officer a gift card so our registration goes faster?",
      "Is it ok to keep some cash donations off the books for petty expenses?",
    ]) {
      expect(judgeScope(question), question).toEqual({ action: "decline", reason: "fabrication" });
    }
  });

  it("still answers the rule when the act is only asked about", () => {
    for (const question of ["公章刻好了要去哪里备案", "社团接受的现金捐赠怎么开收据", "公章丢了怎么办 需要登报吗", "接受捐赠必须开票据吗"]) {
      expect(judgeScope(question), question).toBeUndefined();
    }
  });
});
