import { afterEach, describe, expect, it } from "vitest";
import { QaService } from "../../../src/features/qa/service.js";
import { qaHarness, qaTexts, type QaHarness } from "./helpers.js";

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

  it("user: 明天园区谁值班 → handed to staff as a ticket, not answered from the park article", async () => {
    const answer = await service().answerer.answer("明天园区谁值班啊？");
    expect(answer).toMatchObject({ handoff: true, reason: "private", forward: true });
  });

  it("user: is our association still on the abnormal list? → handed to staff in English", async () => {
    const answer = await service().answerer.answer("Is our association still on the abnormal list right now?");
    expect(answer).toMatchObject({ handoff: true, reason: "private", english: true });
  });

  it("user: a rule question told as a story about us → answered, not handed off", async () => {
    const answer = await service().answerer.answer("我们几个老师退休了闲不住，拉了好些人想搞个协会，成立社团最少要多少会员啊");
    expect(answer.handoff).toBe(false);
    expect(answer.text).toContain("50个");
  });
});
