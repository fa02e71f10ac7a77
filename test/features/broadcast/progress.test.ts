import { afterEach, describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import type { Reply } from "../../../src/core/message.js";
import type { BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";
import { PlaygroundAdapter } from "../../../src/platforms/playground/adapter.js";
import type { PlatformAdapter } from "../../../src/platforms/types.js";
import { wechatPacingRules } from "../../../src/platforms/wechat/outgoing.js";
import { fakeClock } from "../../support/clock.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

/** A WeChat stand-in registered on the outbox: records what it is asked to send, and when (virtual time). */
function fakeWechat(now: () => number) {
  const sent: Array<{ chat: string; at: number; text: string }> = [];
  const adapter: PlatformAdapter = {
    platform: "wechat",
    pacing: wechatPacingRules(configSchema.parse({}).wechat.pacing),
    sender: {
      platform: "wechat",
      maxLength: 1800,
      isGroup: () => true,
      send: async (reply: Reply) => {
        sent.push({ chat: reply.chat, at: now(), text: reply.text });
        return { messageId: String(sent.length) };
      },
    },
    start: async () => {},
    stop: async () => {},
    health: () => ({ platform: "wechat", state: "running" }),
  };
  return { adapter, sent };
}

describe("a long broadcast on WeChat's pace", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("keeps to 40 a minute and tells the sender its progress about every 30 seconds", async () => {
    const storage = openMemoryStorage();
    const clock = fakeClock();
    const wechat = fakeWechat(() => clock.now().getTime());
    const playground = new PlaygroundAdapter({ storage, clock, botName: "小园助手" });
    bot = await startTestBot({ storage, clock, platforms: [playground, wechat.adapter] });
    for (let index = 0; index < 100; index++) await bot.app.chats.update(`wechat:room${index}@chatroom`, { type: "group", title: `微信群${index + 1}`, tags: ["wx"] });
    const office = bot.group("office", "工作人员群");
    expect(await office.user(bot.staff).says("/broadcast to:wx 请各组织于本周五前提交年度活动总结。")).toEqual([expect.stringContaining("将发送到 100 个群")]);
    const started = clock.now().getTime();
    await office.user(bot.staff).says("确认");
    await (bot.app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature).idle();

    expect(new Set(wechat.sent.map((entry) => entry.chat)).size).toBe(100);
    expect(wechat.sent).toHaveLength(100);
    for (let index = 40; index < wechat.sent.length; index++) expect(wechat.sent[index]!.at - wechat.sent[index - 40]!.at).toBeGreaterThanOrEqual(60_000);
    const minutes = (wechat.sent.at(-1)!.at - started) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(1.5);

    const progress = (await office.botMessages()).filter((text) => /^通知 #1：已发送 \d+\/100$/.test(text));
    // The overall window lets 40 go, then waits out the minute: progress comes at those pauses.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil((minutes * 60) / 30));
    const counts = progress.map((text) => Number(/已发送 (\d+)/.exec(text)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(await office.lastReply()).toBe("通知 #1 发送完成：100/100 个群已送达。");
  });
});
