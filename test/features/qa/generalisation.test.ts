import { describe, expect, it } from "vitest";
import { similar } from "../../../src/features/qa/answerer.js";
import type { Section } from "../../../src/features/qa/article.js";
import { withoutBareEnglishReply, withoutBareReply } from "../../../src/features/qa/composer.js";
import { chineseTermsIn } from "../../../src/features/qa/english-terms.js";
import { focusPhrases } from "../../../src/features/qa/focus.js";
import { loadKnowledge } from "../../../src/features/qa/knowledge.js";
import { judgeScope } from "../../../src/features/qa/scope.js";
import { answerBody, askShipped, park } from "./helpers.js";

const ask = askShipped;
const body = answerBody;

describe("knowledge articles", () => {
  it("state facts, not one questioner's situation", () => {
    const { sections } = loadKnowledge({ knowledgeDirs: ["config/knowledge"], statuteDirs: [], park });
    const echoes = sections.filter((section) => /来个人|我们|咱们|比如去年|去年\d+月/.test(section.body)).map((section) => section.id);
    expect(echoes).toEqual([]);
  });
});

describe("questions the knowledge base does not cover", () => {
  it("finds the action or mishap a how-question asks about", () => {
    expect(focusPhrases("登记证书丢了怎么补办")).toEqual(["补办", "丢了"]);
    expect(focusPhrases("协会的微信公众号怎么申请认证")).toEqual(["申请认证"]);
    expect(focusPhrases("我们提交的材料需要盖章吗")).toEqual(["盖章"]);
    // A yes/no whose act is not one word (继续+干) is left to the topic words.
    expect(focusPhrases("会长超过70岁还能继续干吗")).toEqual([]);
    expect(focusPhrases("到期了怎么办")).toEqual([]);
    // 如何处理 / 怎么应对: "what now?" as well, in a formal voice.
    expect(focusPhrases("已在商场摆了两周募捐箱，现在应当如何处理")).toEqual([]);
    expect(focusPhrases("评估得成立满几年 我们去年登记的 今年能报不")).toEqual([]);
    expect(focusPhrases("成立社团最少要多少会员")).toEqual([]);
    // A share or an amount asked for is no act: a section stating 8% answers 比例是多少.
    expect(focusPhrases("非公募基金会每年公益支出的最低比例是多少")).toEqual([]);
    expect(focusPhrases("会费的数额是多少")).toEqual([]);
  });

  it("hands off when the best section matches the nouns but not the action asked about", async () => {
    for (const question of ["登记证书丢了怎么补办", "协会银行账户被冻结了怎么解冻", "协会的微信公众号怎么申请认证", "我们提交的材料需要盖章吗"]) {
      const answer = await ask(question);
      expect(answer, question).toMatchObject({ handoff: true, reason: "unknown" });
    }
  });

  it("still answers how-questions whose action the section names, directly or by a synonym", async () => {
    expect(body((await ask("民非如何注销")).text)).toContain("15日");
    expect(body((await ask("会长换了怎么办")).text)).toContain("30日");
    expect(body((await ask("慈善信托如何备案")).text)).toContain("7日");
    expect(body((await ask("会长超过70岁还能继续干吗")).text)).toContain("70周岁");
    expect(body((await ask("年检的时候业务主管单位能收费吗")).text)).toContain("不得收取费用");
    expect((await ask("协会不想干了 怎么注销？清算完多久要去办")).handoff).toBe(false);
  });

  it("declines chores and live look-ups it cannot do", () => {
    expect(judgeScope("帮我写一份今年的工作总结")).toMatchObject({ action: "decline", reason: "offtopic" });
    expect(judgeScope("给理事长生日写段祝福语")).toMatchObject({ action: "decline" });
    expect(judgeScope("Can you make a PowerPoint for our annual meeting?")).toMatchObject({ action: "decline" });
    expect(judgeScope("会员大会用什么投票小程序比较好用")).toMatchObject({ action: "decline" });
    expect(judgeScope("我们申报的公益创投项目评上了没有")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("民政局给的项目资金什么时候到账")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("帮我统计一下上个月的活动次数")).toMatchObject({ action: "decline" });
    expect(judgeScope("给我们协会起个好听的名字")).toMatchObject({ action: "decline" });
    expect(judgeScope("哪个银行开对公账户手续费低")).toMatchObject({ action: "decline" });
    expect(judgeScope("What's the best accounting software for NGOs?")).toMatchObject({ action: "decline" });
    expect(judgeScope("我们机构今年的年检材料交上去了吗")).toMatchObject({ action: "handoff", reason: "private" });
    expect(judgeScope("你能帮我们做什么")).toBeUndefined();
    expect(judgeScope("给协会起名字有什么规定")).toBeUndefined();
    expect(judgeScope("哪个平台可以网上募捐")).toBeUndefined();
    expect(judgeScope("社团年度工作报告要写哪些内容")).toBeUndefined();
  });
});

function section(id: string, body: string): Section {
  return { id, documentId: id.split("#")[0]!, title: id, heading: id, body, cite: id, caution: false, kind: "article", aliases: [] };
}

describe("second parts", () => {
  it("treats two bodies with the same figures and mostly the same words as one", () => {
    const shetuan = section("a#1", "社团、民非的登记事项（如法定代表人、住所）有变化的，要在业务主管单位审查同意后30日内，到登记机关申请变更登记。");
    const minfei = section("b#3", "登记事项需要变更的，要在业务主管单位审查同意之日起30日内向登记机关申请变更；修改章程也要在30日内报登记机关核准。");
    const deregistration = section("b#5", "先在业务主管单位指导下清算，清算结束之日起15日内向登记机关办理注销登记。");
    expect(similar(shetuan, minfei)).toBe(true);
    expect(similar(shetuan, deregistration)).toBe(false);
  });


  it("says a rule once when two articles state it alike", async () => {
    const text = body((await ask("社团要变更登记有时间要求吗")).text);
    expect(text).toContain("30日");
    expect(text).not.toMatch(/^1\. /);
  });

  it("takes the runner-up alone when it answers all the best hit does and more", async () => {
    const text = body((await ask("社区社会组织备案了算不算法人")).text);
    expect(text).toContain("不具有独立法人资格");
    expect(text).not.toMatch(/^1\. /);
  });

  it("judges what a section adds by its own words, not its article's title", async () => {
    // Both sections sit in an article titled …理事会、监事…; only one of them is about 监事.
    expect(body((await ask("基金会监事能由理事的老婆担任吗")).text)).toContain("近亲属");
  });

  it("leaves out a section about another organization type than the one asked about", async () => {
    const text = body((await ask("基金会登记以后一年没开展活动会被撤销吗")).text);
    expect(text).toContain("12个月");
    expect(text).not.toContain("社团");
  });

  it("does not take a runner-up about lacking what the asker says they have", async () => {
    // 有公募资格以后… shares most words with the heading 没有公募资格，能自己…募捐吗.
    const text = body((await ask("有公募资格以后网上募捐只发自己公众号行吗")).text);
    expect(text).toContain("互联网公开募捐服务平台");
    expect(text).not.toContain("合作");
    // Asked by someone without it, the heading about lacking it is the answer.
    expect(body((await ask("没有公募资格能在朋友圈募捐吗")).text)).toContain("合作");
  });
});

describe("bare yes/no openings", () => {
  it("drops a yes/no that answers the section heading, not the question", () => {
    expect(withoutBareReply("不是。以河南为例，备案的不具有独立法人资格。", "社区社会组织去哪里备案")).toBe("以河南为例，备案的不具有独立法人资格。");
    expect(withoutBareReply("要。党章规定正式党员3人以上的要成立党支部。", "能和别的机构搞联合支部吗")).toBe("党章规定正式党员3人以上的要成立党支部。");
  });

  it("drops it when the question asks how much or what, not whether", () => {
    expect(withoutBareReply("能。企业捐赠在利润总额12%以内的部分可以扣除。", "公司捐款能抵多少税")).toBe("企业捐赠在利润总额12%以内的部分可以扣除。");
    expect(withoutBareReply("有。社团名称由行政区划名称、行业领域和组织形式构成。", "起名字有什么规定")).toBe("社团名称由行政区划名称、行业领域和组织形式构成。");
  });

  it("keeps it when the question asks that yes/no", () => {
    expect(withoutBareReply("不是。以河南为例。", "备案的社区社会组织是法人吗")).toBe("不是。以河南为例。");
    expect(withoutBareReply("不能。民非不得设立分支机构。", "民非能不能设分支机构")).toBe("不能。民非不得设立分支机构。");
  });

  it("drops an English Yes./No. when the question asks how much or when, not whether", () => {
    const line = "Yes. Individuals may deduct donations up to 30% of taxable income.";
    expect(withoutBareEnglishReply(line, "How much can a person deduct?")).toBe("Individuals may deduct donations up to 30% of taxable income.");
    expect(withoutBareEnglishReply(line, "Can a person deduct donations, and how much?")).toBe(line);
  });

  it("reads pay by its everyday names (补贴, 车马费, 薪水) as the 报酬 the rules limit", async () => {
    // (Answered before from the rule on who may not be a 监事, a relative named beside the pay.)
    expect(body((await ask("理事长的外甥在我们基金会当监事 每个月给他发点补贴行不行")).text)).toContain("不得从基金会获取报酬");
    expect(body((await ask("基金会不坐班的理事能拿车马费不")).text)).toContain("不得从基金会获取报酬");
  });

  it("reads public fundraising denied as the non-public kind: 8% of the fund balance, not only the 70%", async () => {
    const text = answerBody((await ask("Our foundation cannot raise money from the public. What is the least it has to spend on charity every year?")).text);
    expect(text).toContain("8%");
    expect(chineseTermsIn("a foundation not allowed to fundraise from the public")).toContain("非公募");
    expect(chineseTermsIn("a foundation allowed to fundraise from the public")).not.toContain("非公募");
  });

  it("says no Yes. to an English question its section accounts for only by a Chinese term in it", async () => {
    // The section (an audit when a 民非 changes its legal representative) shares 法定代表人 only.
    const answer = await ask("Can I use a friend's ID card to be our NGO's 法定代表人?");
    expect(answer.text).not.toMatch(/^(Yes|No)\b/);
    expect(withoutBareEnglishReply("Yes. A financial audit is organized.", "")).toBe("A financial audit is organized.");
    expect(withoutBareEnglishReply("Yes, but only with the board's approval.", "")).toBe("But only with the board's approval.");
    // A whole English question the section answers keeps its No.
    expect((await ask("Can a 民非 set up branches?")).text).toMatch(/^No\. /);
  });

  it("answers each side of an English comparison from its own rule", async () => {
    const text = body((await ask("Company or individual donors: what deduction cap applies to each?")).text);
    expect(text).toContain("12%");
    expect(text).toContain("30%");
  });

  it("does not open an answer with a bare word the question did not ask for", async () => {
    const text = body((await ask("社区社会组织去哪里备案")).text);
    expect(text).toContain("街道");
    expect(text).not.toMatch(/^(1\. )?(不是|是|可以|不能|要)。/);
  });
});

describe("lexicon", () => {
  it("reads everyday words for the articles' terms", async () => {
    expect(body((await ask("组织名称里能用创始人的名字吗")).text)).toContain("本人同意");
    expect(body((await ask("会里要求每个会员必须捐500块，这算摊派吗")).text)).toContain("不得摊派");
    expect(body((await ask("党员人数不够3个，能和别的机构搞联合支部吗")).text)).toContain("联合党支部");
    expect(body((await ask("慈善组织连着两年没搞慈善活动会怎样")).text)).toContain("终止");
    expect(body((await ask("公司捐款给我们能抵多少税")).text)).toContain("12%");
    expect(body((await ask("年度工作报告怎么写")).text)).toContain("5方面");
    expect(body((await ask("社区社会组织去哪里备案")).text)).toContain("街道");
  });

  it("reads money taken home or shared out as 私分 or 侵占, not as a question nobody answers", async () => {
    const answer = await ask("理事把捐来的物资拿回家了 会怎么罚");
    expect(answer.handoff).toBe(false);
    expect(body(answer.text)).toMatch(/私分|侵占/);
  });

  it("reads a donation everyone is made to give as 摊派, the state's money as 国有资产, 要掏钱吗 as 免费 or not", async () => {
    for (const [question, term] of [
      // (Each was answered from another rule before these words: 志愿服务 not forced on anyone, 管理费用.)
      ["居委会说每个楼栋都得凑500给我们志愿队捐款 这样合规吗", "摊派"],
      ["用财政的钱办民非有比例限制吗", "三分之二"],
      ["国资占比有限制吗，我们想办民非", "三分之二"],
      // (…and whether a thing costs anything, from the park's contact section.)
      ["在园区办公要掏钱吗", "免费"],
    ]) {
      expect(body((await ask(question!)).text), question).toContain(term);
    }
  });

  it("reads an age typed as a number as the age-limit rule", async () => {
    expect(body((await ask("我们会长都75了还能接着干吗")).text)).toContain("70周岁");
    expect(body((await ask("秘书长六十八岁了，还能再当一届吗")).text)).toContain("70周岁");
  });

  it("reads a relative's or founder's name used as the organization's name as the personal-name rule", async () => {
    expect(body((await ask("基金会能拿我妈的名字当字号吗")).text)).toContain("本人同意");
  });

  it("reads cross-district membership as the cross-area registration rule", async () => {
    expect(body((await ask("我们会员在南岗道里好几个区都有，协会去哪登记")).text)).toContain("上一级");
  });

  it("does not count the park's own city and districts as unexplained content", async () => {
    const answer = await ask("我们协会想在哈尔滨每个区都挂个分会牌子，可以不");
    expect(answer.handoff).toBe(false);
    expect(body(answer.text)).toContain("不得设立地域性的分支机构");
  });

  it("reads pay asked of the people served as the no-charge rule, not the certificate fee", async () => {
    expect(body((await ask("志愿者帮居民修东西，能收点服务费吗")).text)).toContain("报酬");
  });

  it("reads everyday ways of asking what the bot can do", async () => {
    const answer = await ask("小助手你都会干啥");
    expect(answer.handoff).toBe(false);
    expect(body(answer.text)).toContain("活动上报");
  });

  it("prefers the section with the due date when asked when something is submitted", async () => {
    expect(body((await ask("公益性捐赠税前扣除资格，材料每年几号交")).text)).toContain("3月31日");
    expect(body((await ask("公益性捐赠税前扣除资格每年啥时候报")).text)).toContain("3月31日");
  });
});

describe("penalty questions", () => {
  it("treats the hand-in verb of a when-is-it-due question as its point", () => {
    expect(focusPhrases("扣除资格的材料每年几号交")).toContain("交");
    expect(focusPhrases("年报啥时候要报")).toContain("报");
  });

  it("treats a bare 罚 as the point of the question", () => {
    expect(focusPhrases("没资格搞公开募捐会怎么罚")).toContain("罚");
  });

  it("answers with the penalty rule, not the neighbouring rule without one", async () => {
    expect(body((await ask("没有公募资格在快手上搞募捐，会怎么罚")).text)).toContain("20万元");
    expect(body((await ask("慈善组织私分善款，负责的人会被罚吗")).text)).toMatch(/二万元|2万元/);
  });
});

describe("questions that look in scope but ask what no section says", () => {
  it("finds what each clause asks: a one-character act, a quantity, a tool, an event's date", () => {
    expect(focusPhrases("社工证怎么考")).toEqual(["考"]);
    expect(focusPhrases("打车费能报销吗，要什么票")).toContain("报销");
    expect(focusPhrases("增值税的税率是多少")).toContain("税率");
    expect(focusPhrases("理事会能用钉钉开会吗")).toContain("钉钉开会");
    expect(focusPhrases("换届选举用什么投票系统比较方便")).toContain("投票系统");
    expect(focusPhrases("社工证报名时间是什么时候")).toContain("报名");
    expect(focusPhrases("交过的会费要退吗")).toContain("退");
    // Not an act: the tail of a word (要求), a directional complement, a vague amount.
    expect(focusPhrases("社团要变更登记有时间要求吗")).toEqual([]);
    expect(focusPhrases("秘书长干到多大岁数必须下来")).toEqual([]);
    expect(focusPhrases("成立社团一共至少要多少会员")).toEqual([]);
    for (const question of [
      // A directional complement, a verb of putting money up, "respectively".
      "几个朋友想搞个基金会，最少得拿出来多少钱",
      "想成立个非公募基金会，原始基金起码准备多少",
      "基金会支出下限和管理费用上限分别是多少",
      // The authority's yes or a bare use: whether the rules allow it.
      "区里的协会名称里想加“中华”俩字，能批吗",
      "想叫中华传统文化促进会，这名字能用不",
      "场地是朋友借的，没签租赁合同，登记能过吗",
      // 需要什么 is a what-question (什 is no act).
      "想用我父亲的名字给基金会命名，需要什么",
      // An A-not-A question at the very end (到底要不要): 不要 is no act.
      "基金会的监事我们一直没选，别人说必须有，到底要不要？",
      // Time gone by is the scene, not a mishap; 提出 is as general as 办.
      "换届拖了半年了，咋整",
      "对决定不服，多少日内可以提出？",
    ]) {
      expect(focusPhrases(question), question).toEqual([]);
    }
    // The thing used is the noun after 的.
    expect(focusPhrases("收了捐款给人开收据，能用我们自己印的收据不")).toEqual(["收据"]);
  });

  it("hands them off instead of answering with a neighbouring rule", async () => {
    for (const question of ["社工证怎么考", "会员中途退会，交过的会费要退吗", "增值税的税率是多少", "理事会能用钉钉开会吗", "民非能不能申请高新技术企业认定", "换届选举用什么投票系统比较方便"]) {
      const answer = await ask(question);
      expect(answer, question).toMatchObject({ handoff: true });
    }
  });

  it("still answers when the section (or its article's title) says the act, directly or by a synonym", async () => {
    expect(body((await ask("商会的名字怎么起")).text)).toMatch(/名称|字号/);
    expect(body((await ask("社团理事会几个理事到场才能开")).text)).toContain("2/3");
    expect(body((await ask("协会换届能推迟吗")).text)).toContain("1年");
    expect(body((await ask("秘书长干到多大岁数必须下来")).text)).toContain("70");
    expect(body((await ask("会费定了要公开吗，要备案吗")).text)).toContain("30日");
  });

  it("declines picking a private provider (事务所, 公司, 店) but not naming who runs the park", () => {
    expect(judgeScope("审计找哪家会计师事务所便宜")).toMatchObject({ action: "decline" });
    expect(judgeScope("去哪个刻章店刻公章")).toMatchObject({ action: "decline" });
    expect(judgeScope("创新园是哪家机构在运营")).toBeUndefined();
    expect(judgeScope("哪个公司可以注册成民非")).toBeUndefined();
  });
});

describe("comparisons asked the way leaders ask them", () => {
  it("user: 社团和基金会的年报截止时间一样吗 → bot: each side's deadline, though the two rules read alike", async () => {
    const text = answerBody((await askShipped("社团和基金会的年报截止时间一样吗")).text);
    expect(text).toMatch(/社团[^\n]*5月31日/);
    expect(text).toMatch(/基金会[^\n]*3月31日/);
  });

  it("user: 企业捐款和个人捐款，抵税的上限各是多少 → bot: one part per side", async () => {
    const answer = await askShipped("企业捐款和个人捐款，抵税的上限各是多少");
    expect(answer.handoff).toBe(false);
    expect(answerBody(answer.text)).toContain("12%");
    expect(answerBody(answer.text)).toContain("30%");
  });
});

describe("a comparison no one section answers", () => {
  it("user: 定向募捐和公募到底啥区别 定向的从啥时候能搞 能跟谁募 → bot: each side on its own, not a hand-off", async () => {
    // The section naming both sides (what a 慈善组织 without 公募 may do) is no answer to the whole.
    const answer = await askShipped("定向募捐和公募到底啥区别 定向的从啥时候能搞 能跟谁募");
    expect(answer.handoff).toBe(false);
    expect(answerBody(answer.text)).toContain("定向募捐");
  });
});

describe("what the scope classifier finds beside the rules", () => {
  it("user: 协会的公众号文章怎么排版好看 → a ticket for staff; user: 周末带孩子去哪儿玩好 → a polite no", async () => {
    expect(await ask("协会的公众号文章怎么排版好看")).toMatchObject({ handoff: true, reason: "unknown" });
    expect(await ask("周末带孩子去哪儿玩好")).toMatchObject({ handoff: true, reason: "offtopic" });
  });

  it("user: 我们的登记材料交齐一个多月了，民政那边最长多少天给结果 → the 60日 rule; user: 我们评估最后得了多少分 → staff", async () => {
    expect(body((await ask("我们的登记材料交齐一个多月了，民政那边最长多少天给结果")).text)).toContain("60日");
    expect(body((await ask("我们的评估报名交了，评估等级一共分几级")).text)).toContain("5个等级");
    expect(await ask("我们评估最后得了多少分")).toMatchObject({ handoff: true, reason: "private" });
  });

  it("user: Please draft our full charter for us → a polite no, not an answer from the rules and not a lecture on fabrication", async () => {
    expect(await ask("Make our association's charter for us in both languages, 9 chapters, ready to sign")).toMatchObject({ handoff: true, reason: "offtopic" });
  });
});
