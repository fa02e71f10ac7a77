import { afterEach, describe, expect, it } from "vitest";
import { QaService } from "../../../src/features/qa/service.js";
import { answerBody, askShipped, qaHarness, qaTexts, type QaHarness } from "./helpers.js";

let harness: QaHarness | undefined;
afterEach(() => harness?.cleanup());

function service(): QaService {
  harness = qaHarness();
  return new QaService({ config: harness.config, texts: qaTexts() });
}

describe("answerer: what a leader asks, what the bot replies", () => {
  it("user: 我们拉了40个人能登记协会吗 → bot: 不够, then the rule with its clause", async () => {
    const answer = await service().answerer.answer("我们拉了40个人能登记协会吗");
    expect(answer.handoff).toBe(false);
    expect(answer.text).toMatch(/^不够：40个，少于规定的50个。个人会员50个以上/);
    expect(answer.text).toContain("来源：《社会团体登记管理条例》第十条第一项");
  });

  it("user: 注册资金2万够吗 → bot: 不够 against the 3万元 rule", async () => {
    const answer = await service().answerer.answer("我们想在区里注册个协会，活动资金凑了2万，够吗");
    expect(answer.text).toMatch(/^不够：2万元，少于规定的3万元。/);
  });

  it("user: 我们能批吗 with a figure → judged against the rule, not taken for a status look-up", async () => {
    const answer = await service().answerer.answer("我们打算成立个区级协会，会员有60个，能批吗");
    expect(answer.handoff).toBe(false);
    // (Its other conditions may follow; the verdict on the stated figure leads.)
    expect(answer.text).toMatch(/^(1\. )?够：60个/);
  });

  it("user: 我们的登记批了没 → handed to staff", async () => {
    const answer = await service().answerer.answer("我们协会的登记批了没");
    expect(answer).toMatchObject({ handoff: true, reason: "private" });
  });

  it("user: 明天园区谁值班 → handed to staff as a ticket, not answered from the park article", async () => {
    const answer = await service().answerer.answer("明天园区谁值班啊？");
    expect(answer).toMatchObject({ handoff: true, reason: "contact", forward: true });
  });

  it("user: is our association still on the abnormal list? → handed to staff in English", async () => {
    const answer = await service().answerer.answer("Is our association still on the abnormal list right now?");
    expect(answer).toMatchObject({ handoff: true, reason: "private", english: true });
  });

  it("user: 成立協會要多少會員 (traditional characters) → answered like the simplified question", async () => {
    const answer = await service().answerer.answer("成立協會最少要多少會員？");
    expect(answer.handoff).toBe(false);
    expect(answer.text).toContain("50个");
  });

  it("user: a rule question told as a story about us → answered, not handed off", async () => {
    const answer = await service().answerer.answer("我们几个老师退休了闲不住，拉了好些人想搞个协会，成立社团最少要多少会员啊");
    expect(answer.handoff).toBe(false);
    expect(answer.text).toContain("50个");
  });

  it("user: 基金会今年公益支出没达到法定比例，会有啥后果 → the penalty rule, not the ratio rule the question already knows", async () => {
    const body = answerBody((await askShipped("基金会今年公益支出没达到法定比例，会有啥后果")).text);
    expect(body).toContain("警告");
    expect(body).toContain("撤销登记");
  });

  it("user: 我们没有公募资格，摆了募捐箱，有啥后果 → the penalty for fundraising without it, not the rule for those who have it", async () => {
    const body = answerBody((await askShipped("俺们没有公募资格 前几天在超市门口摆了募捐箱 有啥后果没")).text);
    expect(body).toContain("警告");
    expect(body).not.toContain("具有公开募捐资格的慈善组织连续6个月");
  });

  it("user: 慈善组织该给我们开什么票据 → the receipt rule, not the penalty for issuing none", async () => {
    const body = answerBody((await askShipped("我们厂给慈善组织捐了钱以后，人家应该开给我们什么票据")).text);
    expect(body).toContain("财政部门");
    expect(body).not.toContain("警告");
  });

  it("user: 换了会长一直没去办变更，会有啥事吗 → the 30-day rule, then the penalty for leaving it undone", async () => {
    const body = answerBody((await askShipped("我们今年春天换了理事长 到现在也没去民政那边办变更 会有啥事吗")).text);
    expect(body).toContain("30日");
    expect(body).toContain("警告");
    expect(body.indexOf("30日")).toBeLessThan(body.indexOf("警告"));
  });
});

describe("answerer: two asks where the second leans on the first", () => {
  it("user: 协会散伙了多少天内去销手续？都得交啥？ → bot: the days, then the papers, from the same article", async () => {
    const answer = await askShipped("我们协会不办了，清算也搞完了，多少天之内得去注销？都得交点啥？");
    expect(answer.handoff).toBe(false);
    expect(answer.text).toMatch(/^1\. .*15日内/);
    expect(answer.text).toMatch(/\n2\. .*清算报告书/);
  });

  it("user: 基金会理事会一届几年？最多几个人？ → the one rule stating both, nothing added from its article", async () => {
    const answer = await askShipped("基金会理事会一届几年？最多几个人？");
    expect(answer.text).toContain("5人至25人");
    expect(answer.text).not.toMatch(/^1\. /);
  });

  it("user: a figure told in passing (一共9个理事) does not turn 近亲属有啥限制 into a board-size verdict", async () => {
    const answer = await askShipped("我们家出钱办的非公募基金会，一共9个理事，打算让我闺女和女婿也当理事，有啥限制没");
    expect(answer.text).toContain("1/3");
    expect(answer.text).not.toMatch(/^够：9/);
  });
});

describe("answerer: comparisons and look-alikes", () => {
  it("user: 单位会员跟个人会员交的会费一样不 → not the member-count rule, which names both sides but says nothing of 会费", async () => {
    const answer = await askShipped("单位会员跟个人会员交的会费一样不");
    expect(answer.text).not.toContain("30个以上");
  });

  it("user: 单位会员和个人会员的会费标准一样吗 → the 会费 rule said once, not once per side", async () => {
    const answer = await askShipped("单位会员和个人会员的会费标准一样吗");
    const points = answer.text.split("\n").filter((line) => /^\d\. /.test(line)).map((line) => line.slice(3));
    expect(answer.text).toContain("会费");
    expect(new Set(points).size).toBe(points.length);
  });

  const articles = {
    "types.md": `---
id: types
title: 社会组织的类型
aliases: [社团, 民非]
sources:
  - law: 社会团体登记管理条例
    article: 第二条
---

## 社团是什么？
社团是公民自愿组成、为实现会员共同意愿开展活动的非营利性社会组织，以会员为基础。
来源：《社会团体登记管理条例》第二条

## 民非是什么？和社团有啥区别？
民非是用非国有资产举办、提供非营利性社会服务的组织，不以会员为基础。
来源：《民办非企业单位登记管理暂行条例》第二条
`,
    "meetings.md": `---
id: meetings
title: 会员大会和理事会
aliases: [开会]
sources:
  - law: 社会团体章程示范文本
---

## 会员大会开会要多少人到场才有效？
会员大会须有2/3以上的会员出席才能召开，决议须经到会会员半数以上通过。
来源：社会团体章程示范文本

## 理事会怎么开会？
理事会须有2/3以上理事出席方能召开，决议须经到会理事2/3以上通过。
来源：社会团体章程示范文本
`,
  };

  function serviceOver(): QaService {
    harness = qaHarness({ articles });
    return new QaService({ config: harness.config, texts: qaTexts() });
  }

  it("user: 民非和社团有啥区别 → bot: one reply, a cited part for each side", async () => {
    const answer = await serviceOver().answerer.answer("民非和社团有啥区别");
    expect(answer.text).toMatch(/^1\. 民非是/);
    expect(answer.text).toMatch(/\n2\. 社团是/);
  });

  it("user: 理事会开会要多少人到场才算数 → bot: the 理事会 rule, not the 会员大会 one nearby", async () => {
    const answer = await serviceOver().answerer.answer("理事会开会要多少人到场才算数");
    expect(answer.text).toContain("理事出席");
    expect(answer.text).not.toContain("会员出席");
  });
});

describe("answerer: no confident yes/no from a section about something else", () => {
  const articles = {
    "volunteers.md": `---
id: volunteers
title: 志愿服务
aliases: [志愿者]
sources:
  - law: 志愿服务条例
    article: 第二十一条
---

## 志愿服务能向服务对象收费吗？
不能。志愿者不得向志愿服务对象收取或者变相收取报酬。
来源：《志愿服务条例》第二十一条
`,
  };

  it("user: 会员费能给领舞的老师发劳务费吗 → the volunteer rule is not said as a 不能 to this question", async () => {
    harness = qaHarness({ articles });
    const answerer = new QaService({ config: harness.config, texts: qaTexts() }).answerer;
    const loose = await answerer.answer("会员费能给领舞的老师发劳务费吗");
    expect(loose.text).not.toMatch(/^不能/);
    const asked = await answerer.answer("志愿服务能向服务对象收费吗");
    expect(asked.text).toMatch(/^不能。/);
  });
});

describe("answerer: companies as members", () => {
  // A company that joins an association is a 单位会员, judged against 30, not 50 people.
  it("user: 搞个行业协会，找了28家企业当会员，行不行 → bot: 不够, against the 30 unit members", async () => {
    const answer = await askShipped("搞个行业协会，找了28家企业当会员，行不行");
    expect(answerBody(answer.text)).toMatch(/^不够：28个，少于规定的30个/);
  });

  it("user: 打算弄个商会，拉了25家公司入会，够数不 → bot: 不够, against 30", async () => {
    const answer = await askShipped("打算弄个商会，拉了25家公司入会，够数不？");
    expect(answerBody(answer.text)).toMatch(/^不够：25个，少于规定的30个/);
  });
});
