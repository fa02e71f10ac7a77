import { describe, expect, it } from "vitest";
import { comparedParts, splitQuestion, stripPreamble } from "../../../src/features/qa/parts.js";
import { askedKinds } from "../../../src/features/qa/verdict.js";

describe("stripPreamble", () => {
  it("drops mentions and greetings", () => {
    expect(stripPreamble("@小园助手 大家好～想问下社团要多少会员")).toBe("想问下社团要多少会员");
    expect(stripPreamble("早上好☀️ 协会的名字咋起？")).toBe("协会的名字咋起？");
    expect(stripPreamble("Hi all, how long does it take?")).toBe("how long does it take?");
  });
});

describe("splitQuestion", () => {
  it("keeps a single question whole", () => {
    expect(splitQuestion("成立社团除了会员还有什么条件")).toEqual(["成立社团除了会员还有什么条件"]);
    expect(splitQuestion("民非登记证书有法人、合伙以及个体三种吗")).toHaveLength(1);
  });

  it("does not take 我们几个 (the few of us) in a story for a question of its own", () => {
    expect(splitQuestion("想问两件事 咱们几个老同事在社区张罗成立个协会 一个是最少要多少会员 另一个是得备多少钱")).toEqual([
      "想问两件事，咱们几个老同事在社区张罗成立个协会，一个是最少要多少会员",
      "另一个是得备多少钱",
    ]);
  });

  it("keeps a clause saying when (…办理变更时，) with the question it sets, even after 烦请告知", () => {
    expect(splitQuestion("烦请告知：本中心办理法定代表人变更时，应当向哪个部门提交哪些材料？")).toHaveLength(1);
    expect(splitQuestion("请问理事会换届的时候，监事要不要一起换？")).toHaveLength(1);
    expect(splitQuestion("再请教一下：主管单位审查同意以后，材料交到哪个窗口？")).toHaveLength(1);
    // (多久以后 still asks when.)
    expect(splitQuestion("请问成立多久以后，评估要交什么材料？")).toHaveLength(2);
  });

  it("takes a clause-final 能…不 (还能补不) as a question of its own, also after an emoji ending a voice-typed clause", () => {
    expect(splitQuestion("年报忘了交 早都过了日子了 会咋样啊😰 还能补不")).toHaveLength(2);
    expect(splitQuestion("登记证书丢了，还能补办不")).toHaveLength(1);
  });

  it("does not take 前几天 / 这几年 (time told in passing) for a question, but 提前几天 asks", () => {
    expect(splitQuestion("俺们前几天在超市门口摆了募捐箱，没有公募资格，有啥后果没")).toHaveLength(1);
    expect(askedKinds("俺们前几天在超市门口摆了募捐箱 有啥后果没")).toBeUndefined();
    expect(askedKinds("听证会要提前几天通知")).toEqual(["days", "months", "years"]);
  });

  it("does not take 和几家同行 / 拉了几个人 (some, told) for a question: the story stays with what is asked", () => {
    expect(splitQuestion("我是企业的行政，公司牵头和几家同行发起一个行业协会，请问申请登记要准备哪些材料？")).toHaveLength(1);
    expect(splitQuestion("我们拉了几个人想搞个协会，注册资金要多少")).toHaveLength(1);
    // Asked, 几 still parts two questions.
    expect(splitQuestion("成立协会要几个人，活动资金要多少")).toHaveLength(2);
  });

  it("does not take 那几个人 (those few) for a question: what is asked about them stays with them", () => {
    expect(splitQuestion("想让俺老伴、儿子都进管事的那几个人里头，有啥限制没？")).toHaveLength(1);
  });

  it("parts two asking sentences at a full stop (烦请告知…。…有几种？), but not a greeting from its question", () => {
    expect(splitQuestion("烦请告知基金会设立登记的审查期限。批下来的证书有几种？")).toEqual(["烦请告知基金会设立登记的审查期限。", "批下来的证书有几种？"]);
    expect(splitQuestion("请问，我们是做助残的，怎么登记")).toHaveLength(1);
    expect(splitQuestion("我们是做养老的。想问问怎么登记")).toHaveLength(1);
  });

  it("keeps a scene cut off at a semicolon with the question after it (…30 directors; 18 came …?)", () => {
    expect(splitQuestion("Our foundation has 12 directors; 9 attended and 5 approved. Is the resolution valid?")).toHaveLength(1);
    expect(splitQuestion("会员一共80人；来了50人，30人同意，算通过吗")).toHaveLength(1);
    expect(splitQuestion("年报几号前交；年检收不收费")).toHaveLength(2);
  });

  it("splits at question marks (？…？)", () => {
    expect(splitQuestion("基金会理事会得几个人？一届任期多长")).toEqual(["基金会理事会得几个人？", "一届任期多长"]);
  });

  it("splits at 还有 / 另外 / 以及 after a pause and drops the connector", () => {
    expect(splitQuestion("基金会能不能在区里登记，还有理事任期多长")).toEqual(["基金会能不能在区里登记", "理事任期多长"]);
    expect(splitQuestion("民非可以设分支机构吗？另外变更登记多久内办？")).toEqual(["民非可以设分支机构吗？", "变更登记多久内办？"]);
  });

  it("splits 两个问题：1. … 2. …", () => {
    expect(splitQuestion("两个问题：1.社团最少多少会员 2.活动资金多少")).toEqual(["社团最少多少会员", "活动资金多少"]);
  });

  it("splits English questions", () => {
    expect(splitQuestion("Can individuals deduct donations? What's the cap?")).toEqual(["Can individuals deduct donations?", "What's the cap?"]);
  });

  it("splits two asks joined by a comma or a voice-typed space", () => {
    expect(splitQuestion("年报几号前交给主管单位，年检收不收费")).toEqual(["年报几号前交给主管单位", "年检收不收费"]);
    expect(splitQuestion("我们打算注册个协会 要多少钱 多久能批下来")).toEqual(["我们打算注册个协会，要多少钱", "多久能批下来"]);
  });

  it("keeps a story before its one question together", () => {
    expect(splitQuestion("我们拉了40个人，够不够")).toHaveLength(1);
    expect(splitQuestion("拿了证以后一直没开展啥活动，会有啥后果")).toHaveLength(1);
    expect(splitQuestion("想问一下，成立社团要多少人")).toHaveLength(1);
  });

  it("asks at most three things at once", () => {
    expect(splitQuestion("会员多少？资金多少？住所要求？人员要求？")).toHaveLength(3);
  });
});

describe("comparedParts", () => {
  it("parts an English comparison by the comparable things its words stand for", () => {
    const compared = comparedParts("Foundation vs association: when is the annual report due for each?");
    expect(compared?.sides.sort()).toEqual(["社团", "基金会"].sort());
    // Each side's part keeps the ask and drops the other side's words.
    for (const part of compared!.parts) expect(part).toMatch(/annual report due/);
    expect(compared!.parts.find((part) => part.includes("基金会"))).not.toMatch(/association/i);
    expect(comparedParts("How many members does an association need?")).toBeUndefined();
  });

  it("gives each side of 'A和B的X一样不' its own part, without the comparison words", () => {
    expect(comparedParts("民非和社团的年报截止时间一样不？")).toMatchObject({ sides: ["民非", "社团"], whole: "民非和社团的年报截止时间?" });
    const parts = comparedParts("企业和个人捐款抵税上限分别是多少")!.parts;
    expect(parts[0]).toContain("企业");
    expect(parts[0]).not.toContain("个人");
    expect(parts[1]).toContain("个人");
    expect(parts.join()).not.toContain("分别");
  });

  it("reads a statement to confirm (A能…、B不能，没错吧) as a comparison", () => {
    expect(comparedParts("社团能设分支机构、民非不能，我理解没错吧")?.sides).toEqual(["社团", "民非"]);
  });

  it("turns a follow-up (…我知道，那民非呢) into the same question about both sides, the new one without the old", () => {
    const followUp = comparedParts("社团不能设地域性分会我知道，那民非呢？能不能再设个点")!;
    expect(followUp.sides).toEqual(["社团", "民非"]);
    expect(followUp.parts).toEqual(["社团不能设地域性分会我知道", "民非不能设地域性分会"]);
  });

  it("asks both sides when the message asks about the first before 那X呢 (基金会多久…？社团呢？)", () => {
    const both = comparedParts("民非成立后多少天内要去备案？那社团呢？")!;
    expect(both.sides).toEqual(["民非", "社团"]);
    expect(both.parts).toEqual(["民非成立后多少天内要去备案?", "社团成立后多少天内要去备案?"]);
  });

  it("takes 是不是一个标准 / 差多少 for a comparison of the two things named", () => {
    expect(comparedParts("民非的开办资金跟社团的活动资金是不是一个标准")?.sides).toEqual(["民非", "社团"]);
    expect(comparedParts("社团和基金会起步要的钱差多少")?.sides).toEqual(["社团", "基金会"]);
  });

  it("leaves a question naming two things without comparing them, and one naming one thing", () => {
    expect(comparedParts("社团修改章程和民非修改章程都要报批吗")).toBeUndefined();
    expect(comparedParts("基金会理事会最多几个人")).toBeUndefined();
  });

  it("keeps 'how do they differ' as the question when nothing else is asked about the two", () => {
    expect(comparedParts("社团和民非有啥区别")?.whole).toBe("社团和民非有啥区别");
  });

  it("keeps a message's other asks beside the comparison (…啥区别，定向的从啥时候能搞)", () => {
    const compared = comparedParts("定向募捐和公募到底啥区别 定向的从啥时候能搞 能跟谁募")!;
    expect(compared.parts).toEqual(["定向募捐是什么", "公募是什么"]);
    expect(compared.more.join()).toContain("定向的从啥时候能搞");
  });

  it("reads one side's rule taken to hold for the other (…，个人捐款也是按12%扣吧), but not two things one clause equates", () => {
    expect(comparedParts("企业捐款利润12%以内能扣，个人捐款也是按12%扣吧")?.sides).toEqual(["企业", "个人"]);
    expect(comparedParts("我们协会是慈善组织，管理费一年十五万，也得按那个比例卡着吗")).toBeUndefined();
  });

  it("follows up from one qualification's validity to another's (免税资格…，那税前扣除资格呢)", () => {
    expect(comparedParts("免税资格有效期5年，那税前扣除资格呢")?.parts).toEqual(["免税资格有效期5年", "税前扣除资格有效期5年"]);
  });
});

