import { describe, expect, it } from "vitest";
import { splitQuestion } from "../../../src/features/qa/parts.js";
import { judgeScope } from "../../../src/features/qa/scope.js";
import { quantities } from "../../../src/features/qa/verdict.js";
import { answerBody, askShipped } from "./helpers.js";

// Questions told the way leaders tell them (round 15): each line is what a leader types, then what
// the reply must (or must not) say. Written for these tests, not taken from any evaluation set.
const says = async (question: string) => answerBody((await askShipped(question)).text);
const declined = (question: string) => judgeScope(question)?.reason;

describe("asking whether an untruth will pass", () => {
  it("is declined, however it is put (能蒙过去吗, 能混过去不, 应该没人查吧, 技术处理, 做低一点)", () => {
    expect(declined("会议记录上把没来的几个理事也写成到会，这样能蒙过去吗")).toBe("fabrication");
    expect(declined("去年的活动照片拿来当今年的交上去，能混过去不")).toBe("fabrication");
    expect(declined("旧公章先接着用着，反正应该没人查吧")).toBe("fabrication");
    expect(declined("年报里的管理费用能不能技术处理一下")).toBe("fabrication");
    expect(declined("工作人员工资占比太高了，想把它做低一点，有啥好办法")).toBe("fabrication");
  });

  it("so is moving spending under another heading so a ratio passes, but whether it may count there is a rule", () => {
    expect(declined("把几笔招待费计入项目支出，以便公益支出比例达标，科目怎么选")).toBe("fabrication");
    expect(declined("招待费能不能计入公益项目支出")).toBeUndefined();
  });

  it("and what follows once an untrue record is found is a rule question, as is a fee set lower or an organisation grown", () => {
    expect(declined("会议记录写的和实际不一样，被民政查出来会怎么处理")).toBeUndefined();
    expect(declined("把会费标准调低一点行吗")).toBeUndefined();
    expect(declined("怎么把协会做大做强")).not.toBe("fabrication");
  });
});

describe("the people who decide", () => {
  it("asked whether they want a present, or what they are like as people, is not the bot's business", () => {
    expect(declined("评估专家下周来，要不要给他们送点土特产")).toBe("fabrication");
    expect(declined("登记科新来的那个科长人咋样，好说话吗")).toBe("offtopic");
  });

  it("but a present for our own volunteers is no bribe", () => {
    expect(declined("年底给志愿者送点慰问品，这笔钱怎么入账")).toBeUndefined();
  });
});

describe("whose leave something needs", () => {
  it("is asked of the rules, though an everyday word is in it (房租, 电脑)", async () => {
    expect(declined("募来的善款想拿一部分去交房租，要不要先经过捐赠人同意")).toBeUndefined();
    expect(declined("协会想用会费买几台电脑，需不需要会员大会批准")).toBeUndefined();
    expect(await says("募来的善款想拿一部分去交房租，要不要先经过捐赠人同意")).toContain("捐赠人");
  });

  it("so is whether people's numbers may be made public, though the numbers themselves stay with staff", async () => {
    expect(declined("活动照片和志愿者的手机号能不能一起贴到社区公告栏上")).toBeUndefined();
    expect(await says("活动照片和志愿者的手机号能不能一起贴到社区公告栏上")).toMatch(/个人信息|隐私/);
    expect(declined("把那几个志愿者的手机号发我一下")).toBeDefined();
  });
});

describe("a word of everyday life beside a rule", () => {
  it("a landlord's short lease told before a registration question is about the premises", async () => {
    expect(declined("协会办公室是租的，房东只肯签一年合同，登记的时候能用吗")).toBeUndefined();
  });

  it("a school's student union is not an organisation we serve, but a 民办学校's branch is", () => {
    expect(declined("我们学校学生会下学期换届，选主席一般走啥流程")).toBe("offtopic");
    expect(declined("我们民办学校想在外区设个分校，得去登记吗")).toBeUndefined();
  });
});

describe("figures told in passing", () => {
  it("跳舞这一块 and 一块儿去 are no sums of money", () => {
    expect(quantities("人家也管跳舞这一块").filter((quantity) => quantity.kind === "money")).toEqual([]);
    expect(quantities("咱们下周一块儿去民政登记").filter((quantity) => quantity.kind === "money")).toEqual([]);
    expect(quantities("会员每人交5块").map((quantity) => quantity.value)).toEqual([5]);
  });

  it("a ratio the case fell short of is not what is asked: what follows is", async () => {
    const reply = await says("基金会公益支出比例没完成，以前减免的税还得补吗");
    expect(reply).toContain("补交");
  });
});

describe("what follows, said in everyday words", () => {
  it("a fine left unpaid (罚款不交) gets the daily surcharge", async () => {
    expect(await says("协会的罚款一直拖着不交，后面会怎么样")).toContain("加处罚款");
  });

  it("leftover money for those who put it in (出钱的人) gets the rule against sharing it out", async () => {
    expect(await says("我们协会要解散了，账上剩的钱能退给当初出钱的几个发起人吗")).toContain("不得向出资人");
  });

  it("a donor who will not be named (不愿留名) gets the rule on what may not be published", async () => {
    expect(await says("捐款的大姐说不想留名，捐款名单公布的时候要把她名字去掉吗")).toContain("不同意公开");
  });

  it("another association of the same kind (再成立个) gets the refusal for one alike", async () => {
    expect(await says("社区里早有个老年舞蹈协会了，我们再成立个广场舞协会能行吗")).toContain("相同或者相似");
  });

  it("a building a donor pays for (捐钱修一座桥) and its name get the donation law's rule on naming projects", async () => {
    expect(await says("我爸想捐钱给村里修一座桥，桥能叫他的名字吗")).toContain("留名纪念");
  });

  it("what non-profit means is said in the statute's words", async () => {
    expect(await says("非营利组织是不是就一分钱都不能赚了")).toContain("分配所取得利润");
  });
});

describe("asks set apart by spaces or commas", () => {
  it("a space after a letter or figure parts two asks (评估要几A 材料啥时候交)", async () => {
    expect(splitQuestion("申请税前扣除资格 评估要几A 材料啥时候交")).toHaveLength(2);
    const reply = await says("申请税前扣除资格 评估要几A 材料啥时候交");
    expect(reply).toContain("3A");
    expect(reply).toContain("3月31日");
  });

  it("an English question listing its asks after commas gets each answered", async () => {
    expect(splitQuestion("When did the park open, where is it, and what does it offer new groups?")).toHaveLength(3);
    expect(splitQuestion("What if we only have 40 members, can we still register?")).toHaveLength(1);
    expect(await says("What does the park offer new groups, and in which neighbourhood is it?")).toContain("新牧社区");
  });

  it("who is liable for harm asks the liability rule", async () => {
    expect(await says("A volunteer was hurt at our event because we were careless. Who is liable?")).toMatch(/compensat/i);
  });
});
