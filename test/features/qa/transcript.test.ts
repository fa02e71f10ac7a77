import { afterEach, describe, expect, it } from "vitest";
import { createQaFeature } from "../../../src/features/qa/index.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

/** Transcripts over a whole bot in-process (playground), with the qa feature alone. */
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function start(): Promise<TestBot> {
  bot = await startTestBot({ features: (context) => [createQaFeature(context)], config: { qa: { staffChat: "playground:staff-room" } } });
  return bot;
}

describe("qa transcripts", () => {
  it("answers a leader who mentions the bot, with the clause", async () => {
    const { group } = await start();
    const [answer] = await group("g1").user("alice", "Alice").says("@小园助手 成立个社团最少得多少会员啊？");
    expect(answer).toMatch(/50个/);
    expect(answer).toMatch(/来源：《社会团体登记管理条例》第十条/);
  });

  it("ignores chatter nobody addressed to it", async () => {
    const { group } = await start();
    expect(await group("g1").user("alice").says("成立社团最少要多少会员？")).toEqual([]);
  });

  it("forwards what it cannot answer and posts the staff answer back to the group", async () => {
    const bot = await start();
    const asked = await bot.group("g1", "新牧社区群").user("alice", "Alice").says("@小园助手 我们的申请批了没？");
    const ticket = /#(Q[A-Z0-9]{5})/.exec(asked.join("\n"))![1]!;
    const forwarded = await bot.group("staff-room").botMessages();
    expect(forwarded.join("\n")).toContain(ticket);
    await bot.group("staff-room").user(bot.staff, "小李").says(`/reply ${ticket} 已经批了，下周领证。`);
    expect(await bot.group("g1").lastReply()).toContain("已经批了，下周领证。");
  });
});
