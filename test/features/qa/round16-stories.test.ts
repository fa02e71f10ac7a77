import { describe, expect, it } from "vitest";
import { judgeScope } from "../../../src/features/qa/scope.js";
import { answerBody, askShipped } from "./helpers.js";

// Questions told the way leaders tell them (round 16): each line is what a leader types, then what
// the reply must (or must not) say. Written for these tests, not taken from any evaluation set.
const says = async (question: string) => answerBody((await askShipped(question)).text);
const declined = (question: string) => judgeScope(question)?.reason;
const sentAway = async (question: string) => {
  const answer = await askShipped(question);
  return answer.handoff ? answer.reason : undefined;
};

describe("asking for a way round", () => {
  it("is declined when something improper is read in it, however unsure (门路, 门道, 通融)", async () => {
    expect(await sentAway("年检材料里有几项去年的活动其实没搞，有啥门路能让审核的人不细看")).toBe("fabrication");
    expect(await sentAway("想让民政那边通融通融，年检晚两个月也给过，有没有门道")).toBe("fabrication");
    expect(await sentAway("Is there any trick to get our volunteer hours counted higher before the audit?")).toBe("fabrication");
  });

  it("but a way asked to meet a duty, or one within the rules, is a rule question", async () => {
    expect(await sentAway("党员只有两个建不了支部，还有啥路子把党建搞起来")).toBeUndefined();
    expect(await sentAway("没有公募资格想给白血病孩子筹款，合规的路子都有哪些")).toBeUndefined();
    expect(await sentAway("捐赠人不想公开名字，有啥办法满足他又不违规")).toBeUndefined();
  });
});

describe("money from those a volunteer serves", () => {
  it("taken by a volunteer is the rule against charging them, with what follows", async () => {
    const reply = await says("我们队里有人收了受助老人家属的钱，这种情况会被罚多少");
    expect(reply).toContain("一倍以上五倍以下");
    expect(reply).toContain("退还");
  });
});

describe("a word that is not what it looks like", () => {
  it("补贴 said of spending is no pay: the rule on making money is answered", async () => {
    expect(await says("协会想在活动室旁边开个小超市卖点水和零食，挣的钱补贴活动经费，这样行吗")).toContain("营利");
  });

  it("clothes and rice given to us are donations, not shopping; a slip for them is a receipt", async () => {
    expect(declined("居民捐来的旧衣服和米面油要不要开票据给人家")).toBeUndefined();
    expect(await says("居民捐来的旧衣服和米面油要不要开票据给人家")).toContain("捐赠票据");
    expect(await says("居民捐了两袋大米给我们，要不要给人家写个条")).toContain("捐赠票据");
    expect(declined("哪里的羽绒服质量好又便宜")).toBe("offtopic");
  });
});

describe("a private matter told before a rule question", () => {
  it("a conviction after a road accident, before asking who may lead a charity, is the eligibility rule", async () => {
    const question = "我们秘书长年轻时候出过车祸被判过刑，现在想让他当慈善组织的负责人，有限制吗";
    expect(declined(question)).toBeUndefined();
    expect(await says(question)).toContain("五年");
    expect(declined("我朋友出车祸了对方不赔钱，该咋起诉")).toBe("dispute");
  });

  it("rent on a lease signed for an association never approved is the founders' liability", async () => {
    const question = "发起人以协会名义租的场地，结果登记没批，这房租最后谁掏";
    expect(declined(question)).toBeUndefined();
    expect(await says(question)).toContain("设立人");
    expect(declined("想租个便宜的门市房开小饭馆，哪有招租的")).toBe("offtopic");
  });
});

describe("when a rule takes effect", () => {
  it("is a fact of the rules, told though the details of the new rule are not verified", async () => {
    const answer = await askShipped("那个新的年检办法到底啥时候生效啊");
    expect(answer.handoff).toBe(false);
    expect(answerBody(answer.text)).toContain("2026年1月1日");
  });
});

describe("a household's social assistance", () => {
  it("is the street office's business, but what an organisation does for such households is a rule question", () => {
    expect(declined("我们小区有个孤寡老人想申请低保，需要啥条件")).toBe("offtopic");
    expect(declined("临时救助一年能申请几次，一次给多少钱")).toBe("offtopic");
    expect(declined("我们协会想给辖区低保户发米面油，物资怎么入账、要不要公示")).toBeUndefined();
    expect(declined("基金会能不能直接给低保家庭发救助金，要走什么程序")).toBeUndefined();
  });
});

describe("the statutes' own wording", () => {
  it("a 民非's fine for unlawful gains, and a charity's investment vote in both ways of writing the share", async () => {
    expect(await says("民非搞经营挣了钱被民政查了，没收之外还要罚几倍")).toContain("3倍以上5倍以下");
    const vote = await says("慈善组织搞重大投资，决策机构要多少人同意");
    expect(vote).toContain("三分之二以上");
    expect(vote).toContain("2/3以上");
  });
});

describe("a child who wants to volunteer", () => {
  it("is told who acts for a minor and that the work must suit their age", async () => {
    const reply = await says("我闺女上初二，想跟你们去社区做志愿者，得我这个当妈的签字吗");
    expect(reply).toContain("法定代理人");
    expect(reply).toContain("年龄");
  });

  it("and a child's age is not judged against the age the law defines a minor by (no 不够：15周岁)", async () => {
    const reply = await says("十五岁的孩子能跟我们去做志愿服务吗");
    expect(reply).toContain("未成年人");
    expect(reply).not.toMatch(/不够|少于规定/);
  });
});

describe("a comparison the statute answers in one article", () => {
  it("a new charity's registration and an existing organisation's recognition each get their own days", async () => {
    const reply = await says("成立新的慈善组织和老协会申请认定慈善组织，民政审批各要几天");
    expect(reply).toContain("30日");
    expect(reply).toContain("20日");
  });
});

