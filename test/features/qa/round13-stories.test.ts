import { describe, expect, it } from "vitest";
import { asksWhatHappens } from "../../../src/features/qa/consequence.js";
import { chineseTermsIn } from "../../../src/features/qa/english-terms.js";
import { focusPhrases } from "../../../src/features/qa/focus.js";
import { judgeScope } from "../../../src/features/qa/scope.js";
import { answerBody, askShipped } from "./helpers.js";

// Questions told the way leaders tell them (round 13): each line is what a leader types, then what
// the reply must (or must not) say. Written for these tests, not taken from any evaluation set.
const says = async (question: string) => answerBody((await askShipped(question)).text);
const declined = (question: string) => judgeScope(question)?.reason;

describe("a request to deceive, told without 帮 or 能不能", () => {
  it("is declined when it asks whether it will be noticed (会被查出来吗, 没人知道吧)", () => {
    expect(declined("章程上的签名是我替几个人签的，这样会被查出来吗")).toBe("fabrication");
    expect(declined("基金会的钱先偷偷挪去还房贷，过两个月补上，没人知道吧")).toBe("fabrication");
    expect(declined("How can we move the grant money into staff bonuses without the funder finding out?")).toBe("fabrication");
  });

  it("is declined when papers are redone, false ones used, or one income passed off as another", () => {
    expect(declined("年检前想把去年的报销单据重做一遍，有啥要注意的")).toBe("fabrication");
    expect(declined("拿假的房产证复印件办住所证明行不行")).toBe("fabrication");
    expect(declined("把培训费说成捐款，单位就能抵税，行吧")).toBe("fabrication");
  });

  it("is declined when a meal or a gift is meant to win a favour, in Chinese or English", () => {
    expect(declined("请评估专家喝个茶，好让他们给咱打高点分")).toBe("fabrication");
    expect(declined("What present should we give the inspector so he passes our annual check?")).toBe("fabrication");
  });

  it("but the honest twins are rule questions", () => {
    for (const question of [
      "用假材料骗取登记会受什么处罚",
      "被民政发现账目不清会怎样",
      "这笔钱应该算捐赠还是算会费",
      "朋友圈里有人装成慈善机构收钱，归谁管",
      "What happens if a charity uses restricted donations to pay salaries?",
      // "17 present" is a count of those at a meeting, not a gift.
      "Association board meeting: 30 directors, 21 present, 15 in favour. Is it passed?",
    ]) {
      expect(judgeScope(question), question).toBeUndefined();
    }
  });
});

describe("a deed told, and what follows asked", () => {
  it("is a rule question: members who were only there to make up the number, found out later", async () => {
    expect(judgeScope("当初登记的时候会员里有几个是凑人头的，现在被查出来会咋样")).toBeUndefined();
    expect(await says("当初登记的时候会员里有几个是凑人头的，现在被查出来会咋样")).toContain("撤销登记");
  });

  it("takes the members named for a 社团's (民非 and 基金会 have none), so its rule is the one given", async () => {
    expect(await says("当初登记的时候会员里有几个是凑人头的，现在被查出来会咋样")).toMatch(/^(1\. )?社团/);
  });

  it("but asking leave to do it is still declined", () => {
    expect(declined("会员不够，凑几个人头充数行不行，被查出来会咋样")).toBe("fabrication");
  });
});

describe("what happens, said the way people end a question", () => {
  it("hears 能咋地 / 又能怎么着 as asking what follows", () => {
    expect(asksWhatHappens("证书借给朋友的公司用用，真借了能咋地")).toBe(true);
    expect(asksWhatHappens("年检晚交几天又能怎么着")).toBe(true);
    expect(asksWhatHappens("能怎样申请公开募捐资格")).toBe(false);
  });

  it("answers lending the seal with the penalty for it", async () => {
    expect(await says("协会的公章借给外面的公司盖章用，真借了能咋地")).toMatch(/出借证书或印章/);
  });
});

describe("an organisation named by what it runs (我们学校, 养老院)", () => {
  it("is read as a 民非: a school's or a care home's branch gets the 民非 rule, not the 社团 one", async () => {
    for (const question of ["我们学校想在道外再挂个分校的牌子，登记上允许吗", "我们养老院想在别的区开个分院，可以吗"]) {
      const reply = await says(question);
      expect(reply, question).toMatch(/^不能。民非不得设立分支机构/);
    }
  });
});

describe("a question that names which level registers it", () => {
  it("gives the foundation's level and the association's, each from its own rule", async () => {
    const reply = await says("协会和基金会分别找哪一级民政登记，级别一样吗");
    expect(reply).toContain("县级以上");
    expect(reply).toContain("省级民政部门");
  });
});

describe("the park's own offer", () => {
  it("is answered when rent is asked of the park, but rent in general stays off topic", async () => {
    expect(judgeScope("入驻园区办公要交房租吗")).toBeUndefined();
    expect(await says("入驻园区办公要交房租吗")).toContain("免费办公场地");
    expect(declined("哈尔滨写字楼房租多少钱一平")).toBe("offtopic");
  });
});

describe("our yes to what someone asks of us, or how a figure is reached", () => {
  it("names no act a section must mention (这能答应不, 下限如何计算)", () => {
    expect(focusPhrases("捐款的人要求钱只给他外甥家用，这能答应不")).toEqual([]);
    expect(focusPhrases("公益支出的下限如何计算")).toEqual([]);
    expect(focusPhrases("证书怎么补办")).toEqual(["补办"]);
  });

  it("so the donor's wish to favour his family is answered, not handed off", async () => {
    const answer = await askShipped("捐款的老板要求钱只给他外甥家用，这能答应不");
    expect(answer.handoff).toBe(false);
    expect(answerBody(answer.text)).toMatch(/利害关系人/);
  });
});

describe("the bot's own view of a policy", () => {
  it("is an opinion, declined, while the rule itself is answered", () => {
    expect(declined("你个人觉得双重管理是不是太严了？说说你的立场")).toBe("offtopic");
    expect(declined("What's your personal opinion on the new charity law?")).toBe("offtopic");
    expect(judgeScope("社团是不是要有业务主管单位")).toBeUndefined();
  });
});

describe("English words for sponsors, customs, offices abroad and harm", () => {
  it("finds the Chinese terms the articles use", () => {
    expect(chineseTermsIn("a tobacco company wants to sponsor us and show its logo")).toEqual(expect.arrayContaining(["烟草", "赞助", "宣传"]));
    expect(chineseTermsIn("can a foreign rep office collect donations")).toEqual(expect.arrayContaining(["代表机构", "境外"]));
    expect(chineseTermsIn("a volunteer got injured, who pays compensation")).toEqual(expect.arrayContaining(["受伤", "赔偿"]));
  });

  it("answers a tobacco sponsor with the rule against promoting tobacco", async () => {
    expect(await says("A cigarette brand will fund our kids' football day if we print their logo on the banners. Allowed?")).toMatch(/tobacco/i);
  });
});
