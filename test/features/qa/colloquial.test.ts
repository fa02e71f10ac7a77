import { describe, expect, it } from "vitest";
import { focusPhrases } from "../../../src/features/qa/focus.js";
import { classifierFor } from "../../../src/features/qa/intent.js";
import { judgeScope } from "../../../src/features/qa/scope.js";
import { askingClauses } from "../../../src/features/qa/text.js";
import { quantities } from "../../../src/features/qa/verdict.js";
import { answerBody, askShipped } from "./helpers.js";

/**
 * Questions as older leaders type them: dialect, spoken numbers, a story before the question.
 * The wording here is our own; the sets these mechanisms were tuned on are not repeated.
 */
const ask = askShipped;
const body = answerBody;

describe("dialect and spoken forms", () => {
  it("reads 俺们 as 我们, so a look-up of our own record goes to staff", async () => {
    expect(judgeScope("俺们协会账上现在还有多少钱")).toMatchObject({ action: "handoff", reason: "private" });
  });

  it("reads 仨 and 俩 as figures, and judges them", async () => {
    expect(quantities("理事会就仨人")).toEqual([expect.objectContaining({ kind: "count", value: 3 })]);
    const answer = await ask("基金会理事会就仨人行不");
    expect(body(answer.text)).toMatch(/^不/);
    expect(body(answer.text)).toContain("5");
  });

  it("does not take the number of questions asked (问俩事) for a number of members", async () => {
    expect(quantities("问俩事：成立社团最少多少会员")).toEqual([]);
    const answer = await ask("问俩事：成立社团最少多少会员？活动资金要多少？");
    expect(body(answer.text)).not.toMatch(/不够|少于规定/);
    expect(body(answer.text)).toContain("50个");
    expect(body(answer.text)).toContain("3万元");
  });

  it("knows the one on the certificate is the legal representative, and 兼 is holding two posts", async () => {
    expect(body((await ask("登记证上的那个头儿能同时当两个社团的吗")).text)).toContain("不得同时担任");
    expect(body((await ask("理事能不能兼着当监事")).text)).toContain("不得兼任监事");
  });

  it("reads 散伙, 打星 and 管几年 as deregistration, evaluation grades and validity", async () => {
    expect(body((await ask("协会要是散伙了 账上的钱咋办")).text)).toContain("清算");
    expect(body((await ask("评上星级了能管几年")).text)).toContain("5年");
  });
});

describe("everyday names for governance acts", () => {
  it("knows money 用出去 / 花掉 each year is spending, not the money needed to start", async () => {
    const answer = await ask("咱们基金会的钱每年得用出去多少");
    expect(answer.handoff).toBe(false);
    expect(body(answer.text)).toContain("70%");
  });

  it("reads 把账查一遍, 式样, 另开个点, 更名, 跟自己会员筹钱 and 有事吗 as what the rules call them", async () => {
    expect(body((await ask("老会长要卸任 听说要先把账目查一遍")).text)).toContain("审计");
    expect(body((await ask("章刻好了 式样得报上去吗")).text)).toContain("备案");
    expect(body((await ask("民非打算另开个服务点行不")).text)).toContain("分支机构");
    expect(body((await ask("协会更名要多久内去登记机关")).text)).toContain("30日");
    expect(body((await ask("只跟自己的理事和会员筹钱 算哪种募捐")).text)).toContain("定向募捐");
    expect(body((await ask("俺们队还没公募资格，就在会员当中凑点钱办活动，这也算募捐不")).text)).toContain("定向募捐");
    expect(body((await ask("听说有个不太好的名单，专门记那些不按规定办事的组织，正式名字叫啥")).text)).toContain("活动异常名录");
  });

  // Round 10's known regression, answered again in round 12 (借给 is heard as 出借, and the boundary
  // lines of round 12 keep a company beside an NGO in the rules).
  it("reads 协会公章借给朋友的公司 as lending a seal", async () => {
    expect(body((await ask("协会公章借给朋友的公司盖了一下 有事吗")).text)).toMatch(/^[^\n]*出借证书或印章/);
  });

  it("reads 创收 and 做买卖挣钱 as the profit-making business a society may not run", async () => {
    expect(body((await ask("我们社团想搞点创收，卖卖手工品，这样行吗")).text)).toContain("营利性经营活动");
    expect(body((await ask("老年协会能不能做买卖挣钱")).text)).toContain("营利性经营活动");
  });
});

describe("a story before the question", () => {
  it("finds what the question asks, not what the scene says", () => {
    expect(askingClauses("民政说要罚我们款，通知书收到三天了，还能申请听证吗")).toBe("还能申请听证吗");
    expect(askingClauses("告诉我年检时间")).toBe("告诉我年检时间");
    // Only the clause that asks can ask for an act (要捐款 here sets the scene).
    expect(focusPhrases("想在街上跟路人要捐款，得先办个啥资格")).toEqual([]);
    // 咋花钱的人 describes a person; 被发现了 is being caught, whose answer is a penalty.
    expect(focusPhrases("那个专门盯着理事会咋花钱的人，理事能兼不")).toEqual(["兼"]);
    expect(focusPhrases("偷偷在外地开了个分点 被民政发现了咋整")).toEqual([]);
  });

  it("answers a question about a hearing although the scene names a penalty", async () => {
    const answer = await ask("民政说要罚我们款，通知书收到三天了，还能申请听证吗");
    expect(answer.handoff).toBe(false);
    expect(body(answer.text)).toContain("5日");
  });
});

describe("what is out of scope, said colloquially", () => {
  it("hands off a neighbour's quarrel but not a neighbour who helps found a society", async () => {
    expect(judgeScope("邻居家装修天天吵得睡不着 咋办")).toMatchObject({ action: "decline", reason: "dispute" });
    expect(judgeScope("社团发起人是我跟几个老邻居，要准备啥材料")).toBeUndefined();
    expect((await ask("社团发起人是我跟几个老邻居，要准备啥材料")).handoff).toBe(false);
  });

  it("declines stating a figure above the real one, however it is asked", () => {
    expect(judgeScope("开验资报告的时候实际只有1万 写3万行不")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("活动人数往多了写点就行")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("验资报告上的金额和实际不一样会怎样")).toBeUndefined();
  });

  it("forwards where a named organisation stands, but answers the rule for any", () => {
    expect(judgeScope("康乐社区老年协会是不是被列入异常名录了")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("红星合唱团备案了没有")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("刚成立的协会被列入异常名录了怎么办")).toBeUndefined();
    expect(judgeScope("新成立的基金会年报要交吗")).toBeUndefined();
  });

  it("keeps out debts and lawsuits, other people's addresses and papers, padded lists and form filling", () => {
    expect(judgeScope("供应商的货款拖了三个月不付，我们能告他们不")).toMatchObject({ action: "decline", reason: "dispute" });
    expect(judgeScope("打这种官司请个律师要多少钱")).toMatchObject({ action: "decline", reason: "dispute" });
    expect(judgeScope("谁知道王阿姨家住哪个小区，想给她送点东西")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("理事的证件找不着了，先用他弟的身份证登记行吧")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("名单上差十几个人，拉亲戚来充数可以吗")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("这张备案表您帮我填一下，信息我发群里")).toMatchObject({ action: "decline", reason: "offtopic" });
    expect(judgeScope("敬请告知本单位年检材料审核进行到哪个阶段")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("Can I get the phone number of the head of your park office?")).toMatchObject({ action: "handoff", reason: "contact" });
    // The rules about the same things are still answered.
    expect(judgeScope("社团的会员名单要写身份证号吗")).toMatchObject({ action: "handoff" }); // identifiers stay with staff
    expect(judgeScope("登记时会员人数不够50个会怎样")).toBeUndefined();
    expect(judgeScope("登记申请书要填哪些内容")).toBeUndefined();
    expect(judgeScope("对民政的处罚不服可以起诉吗")).toBeUndefined();
  });

  it("declines brand shopping and forwards an office's phone number however long the office's name", () => {
    expect(judgeScope("社区活动买投影仪啥牌子好")).toMatchObject({ action: "decline", reason: "offtopic" });
    expect(judgeScope("区民政局负责社团登记那个科室的电话多少")).toMatchObject({ action: "handoff", reason: "contact" });
  });
});

describe("two asks answered by one article", () => {
  it("answers the second ask, which names little of its own, from the article the first was answered from", async () => {
    const answer = body((await ask("问俩事 俺们社区书法队想正式成立个协会 一个是最少得有多少会员 另一个是得备多少钱 好让大伙提前凑凑")).text);
    expect(answer).toContain("50个");
    expect(answer).toContain("3万元");
  });

  it("says both parts when two sections of one article cite the same notice", async () => {
    const answer = body((await ask("会费标准谁来定，要多少人到场？定下来以后多久得告诉全体会员？")).text);
    expect(answer).toContain("2/3");
    expect(answer).toContain("30日");
  });
});

describe("a request to make a record untrue, only hinted at", () => {
  it("is declined by the scope classifier where no scope rule names it", async () => {
    for (const request of ["去年服务时长才八百多小时，报的时候能不能往上提一提，反正没人核对", "有几个理事那天没到场，签到表上让他们回头补个名字，看着齐全点"]) {
      expect(judgeScope(request), request).toBeUndefined();
      expect(await ask(request), request).toMatchObject({ handoff: true, reason: "fabrication", forward: false });
    }
  });

  it("but a question the articles list as answered is answered, whatever the classifier makes of it", async () => {
    // 写 reads like a request to write something up; the knowledge base lists this as a question.
    expect(classifierFor("config/qa/scope-examples.yaml").classify("年报总结得写几个方面")).toMatchObject({ label: "improper" });
    expect((await ask("年报总结得写几个方面")).handoff).toBe(false);
  });

  it("declines stating a figure above the real one, and back-dating, in any wording of the figures", () => {
    expect(judgeScope("人家实际捐了八千块，票上能不能开一万二")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("今年活动才来了40个人次，总结里按120个报中不中")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("那份决议落款写成去年十月的行吧")).toMatchObject({ action: "decline", reason: "fabrication" });
    // About that many (二十来个, 八百多) is a figure too.
    expect(judgeScope("受益的老人只有三十来个人，结项报告里按八十个人写行不")).toMatchObject({ action: "decline", reason: "fabrication" });
    // A figure without a unit (八千, 签到表上写60) takes the kind of the figure it is set against.
    expect(judgeScope("其实就收了八千，收据能开一万二不")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("那回活动实际来了30来个，签到表上写60行不")).toMatchObject({ action: "decline", reason: "fabrication" });
    expect(judgeScope("账上就剩3000，年报填3000对吧")).toBeUndefined();
    expect(judgeScope("实际到会的会员只有30，章程规定要过半数，能算有效吗")).toBeUndefined();
    // The real figure written, a rule's figure compared, and which date is right are rule questions.
    expect(judgeScope("理事会5个人，章程里写7个人可以吗")).toBeUndefined();
    expect(judgeScope("捐了2万，票据上写2万对吗")).toBeUndefined();
    expect(judgeScope("决议的日期应该写开会那天还是签字那天")).toBeUndefined();
  });

  it("while the rule about the same record is still answered", async () => {
    const answer = await ask("志愿服务时长应该怎么记录，能按估算的填吗");
    expect(answer.handoff).toBe(false);
    expect(body(answer.text)).toContain("如实记录");
  });
});

describe("asking in English where our own file stands", () => {
  it("forwards the status of our submission to staff, but answers what status an organisation has", () => {
    for (const lookUp of ["What's the status of our 年检 submission? We sent everything in March.", "Any update on our registration? It's been three weeks.", "Is there any update on our name change filing?"]) {
      expect(judgeScope(lookUp), lookUp).toMatchObject({ action: "handoff", reason: "private" });
    }
    for (const rule of ["What is the legal status of our association if the charter expires?", "What happens to the status of our members if we deregister?", "What's the procedure to update our registration details?"]) {
      expect(judgeScope(rule), rule).toBeUndefined();
    }
  });
});

describe("looking up whether something has come through", () => {
  it("forwards 改过来没有 / 显示出来了没 to staff, but answers whether it can be done", () => {
    expect(judgeScope("上个月换了秘书长 系统里改过来没有")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("交的换届材料 那边录进去了吗")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("法人变更的材料递上去了没有啊")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("登记证书上的地址写错了 还能改过来吗")).toBeUndefined();
    expect(judgeScope("新的社会组织登记管理条例出来没有")).toBeUndefined();
    expect(judgeScope("When will the money for our elderly-care project be transferred?")).toMatchObject({ action: "handoff", reason: "private" });
  });
});

describe("topics that are not the rules', named together with an organisation the rules govern", () => {
  it("ask what the organisation may do, unless they ask for a tip, a chore or the weather", () => {
    expect(judgeScope("基金会的钱能拿去买股票吗")).toBeUndefined();
    expect(judgeScope("协会能不能组织会员去外地旅游，费用从会费出")).toBeUndefined();
    expect(judgeScope("协会账上有点闲钱 推荐个稳当的理财")).toMatchObject({ action: "decline", reason: "offtopic" });
    expect(judgeScope("协会周六搞户外活动，那天会下雨吗")).toMatchObject({ action: "decline", reason: "offtopic" });
    expect(judgeScope("帮我们协会设计一张招新海报")).toMatchObject({ action: "decline", reason: "offtopic" });
    expect(judgeScope("协会组织会员去旅游，推荐几个好玩的景点")).toMatchObject({ action: "decline", reason: "offtopic" });
  });
});

describe("a qualifier that belongs to another rule", () => {
  it("does not pull the money rule for a member count (地方性社团会员至少多少个)", async () => {
    expect(body((await ask("区里的地方性社团会员至少得多少个")).text)).toContain("50个");
  });
});

describe("a figure that falls short", () => {
  it("is told what can be done instead, from the section on falling short", async () => {
    const answer = body((await ask("我们机构就两个正式党员 能自己成立党支部吗")).text);
    expect(answer).toMatch(/^1\. 不够：2个/);
    expect(answer).toContain("党建工作指导员");
  });

  it("is told so when the question asks what to do (咋整), not whether it is enough", async () => {
    const answer = body((await ask("党员才俩，建不了支部咋整？")).text);
    expect(answer).toContain("联合党支部");
    expect(answer).toContain("党建工作指导员");
  });
});
