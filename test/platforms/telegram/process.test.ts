import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { startBotProcess } from "../../support/process.js";
import { BotApiProxy, startEmulator } from "../../support/telegram-api.js";

const token = "123456:process-token";
let nextId = 1;

function groupMessage(text: string, from: { id: number; name: string }, entities?: Array<{ type: "mention"; offset: number; length: number }>): Update {
  const id = nextId++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: -100777, type: "supergroup", title: "新牧社区志愿队" },
      from: { id: from.id, is_bot: false, first_name: from.name },
      text,
      entities,
    },
  } as Update;
}

async function waitFor<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("npm start with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT", () => {
  it("answers a group mention and ignores chatter, as a real process against a Bot API emulator", async () => {
    const emulator = await startEmulator();
    const proxy = new BotApiProxy(emulator, token);
    const apiRoot = await proxy.listen();
    const bot = await startBotProcess({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, DATA_URL: "memory://" });
    try {
      const health = (await bot.get("/healthz")).body as { platforms: Array<{ platform: string; state: string }> };
      expect(health.platforms.map((platform) => platform.platform)).toContain("telegram");
      const sentTo = () => emulator.storage.botMessages.filter((stored) => String((stored.message as { chat_id?: unknown }).chat_id) === "-100777");

      proxy.queue(groupMessage("今天天气真好", { id: 41, name: "老王" }));
      const mention = "@TestNameBot 成立社团最少要多少会员？";
      proxy.queue(groupMessage(mention, { id: 42, name: "小李" }, [{ type: "mention", offset: 0, length: 12 }]));
      const replies = await waitFor(() => (sentTo().length > 0 ? sentTo() : undefined));
      // Give a (wrong) reply to the chatter time to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sentTo()).toHaveLength(1);
      expect(String((replies[0]!.message as { text?: string }).text)).toMatch(/50个以上/);
    } finally {
      await bot.stop();
      await proxy.close();
      await emulator.stop();
    }
  });
});
