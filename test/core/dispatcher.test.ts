import { describe, expect, it } from "vitest";
import { answer, type Feature } from "../../src/core/feature.js";
import { UserError } from "../../src/core/errors.js";
import { startTestBot } from "../support/bot.js";

/** A tiny two-turn flow: "/name" asks for a name, the next message of the same user is the answer. */
function namingFeature(): Feature {
  const asked = new Set<string>();
  return {
    name: "naming",
    commands: [{ name: "name", summaryKey: "help.commands.help" }],
    async handle(turn) {
      const key = `${turn.message.chat.key}|${turn.message.sender.key}`;
      if (turn.command?.name === "name") {
        asked.add(key);
        return { ...answer(turn, "你叫什么名字？"), conversation: "open" };
      }
      if (turn.conversation === "naming" && asked.has(key)) {
        asked.delete(key);
        return { ...answer(turn, `你好，${turn.message.text}`), conversation: "close" };
      }
      return undefined;
    },
  };
}

function failingFeature(): Feature {
  return {
    name: "failing",
    commands: [
      { name: "boom", summaryKey: "help.commands.help" },
      { name: "polite", summaryKey: "help.commands.help" },
      { name: "secret", summaryKey: "help.commands.help", staffOnly: true },
    ],
    async handle(turn) {
      if (turn.command?.name === "boom") throw new Error("database on fire 13912345678");
      if (turn.command?.name === "polite") throw new UserError("core.staffOnly");
      if (turn.command?.name === "secret") return answer(turn, "机密");
      return undefined;
    },
  };
}

describe("dispatcher", () => {
  it("gives a user's next group message to the feature holding their conversation", async () => {
    const bot = await startTestBot({ features: () => [namingFeature()] });
    const group = bot.group("g1");
    expect(await group.user("alice").says("/name")).toEqual(["你叫什么名字？"]);
    expect(await group.user("bob").says("小明")).toEqual([]);
    expect(await group.user("alice").says("小红")).toEqual(["你好，小红"]);
    expect(await group.user("alice").says("谢谢")).toEqual([]);
    await bot.close();
  });

  it("keeps two users' conversations in one group apart", async () => {
    const bot = await startTestBot({ features: () => [namingFeature()] });
    const group = bot.group("g1");
    await group.user("alice").says("/name");
    await group.user("bob").says("/name");
    expect(await group.user("bob").says("老王")).toEqual(["你好，老王"]);
    expect(await group.user("alice").says("小红")).toEqual(["你好，小红"]);
    await bot.close();
  });

  it("answers a failing feature with a short apology and keeps working", async () => {
    const bot = await startTestBot({ features: () => [failingFeature()] });
    const group = bot.group("g1");
    const [apology] = await group.user("alice").says("/boom");
    expect(apology).toMatch(/抱歉/);
    expect(apology).not.toMatch(/database|13912345678/);
    expect(await group.user("alice").says("/polite")).toEqual(["抱歉，这个命令只有园区工作人员可以使用。"]);
    await bot.close();
  });

  it("refuses staff-only commands to others and lets staff use them", async () => {
    const bot = await startTestBot({ features: () => [failingFeature()] });
    const group = bot.group("g1");
    expect((await group.user("alice").says("/secret"))[0]).toMatch(/只有园区工作人员/);
    expect(await group.user(bot.staff).says("/secret")).toEqual(["机密"]);
    await bot.close();
  });

  it("runs one user's messages in the order they arrived", async () => {
    const seen: string[] = [];
    const slow: Feature = {
      name: "slow",
      async handle(turn) {
        if (!turn.addressed) return undefined;
        await new Promise((resolve) => setTimeout(resolve, turn.message.text === "一" ? 30 : 0));
        seen.push(turn.message.text);
        return answer(turn, turn.message.text);
      },
    };
    const bot = await startTestBot({ features: () => [slow] });
    const chat = bot.private("alice");
    await Promise.all([chat.user("alice").says("一"), chat.user("alice").says("二"), chat.user("alice").says("三")]);
    expect(seen).toEqual(["一", "二", "三"]);
    await bot.close();
  });

  it("answers an unknown command instead of staying silent", async () => {
    const bot = await startTestBot();
    expect((await bot.group("g1").user("alice").says("/nosuch"))[0]).toMatch(/没有“\/nosuch”这个命令/);
    await bot.close();
  });

  it("answers in English to an English message", async () => {
    const bot = await startTestBot({ features: () => [failingFeature()] });
    expect((await bot.private("tom").user("tom").says("hello there"))[0]).toMatch(/did not understand/);
    await bot.close();
  });
});

describe("chat re-keying", () => {
  it("keeps a conversation going when its group changes key", async () => {
    const bot = await startTestBot({ features: () => [namingFeature()] });
    await bot.group("old").user("alice").says("/name");
    await bot.app.sink.rekeyChat("playground:old", "playground:new");
    const handled = await bot.app.dispatcher.handle({
      id: "x1",
      platform: "playground",
      chat: { key: "playground:new", type: "group" },
      sender: { key: "playground:alice", name: "alice" },
      text: "小红",
      mentionsBot: false,
      replyToBot: false,
      photos: 0,
      sentAt: bot.clock.now(),
    });
    // Without the move this would be ignored as group chatter; with it, alice is still addressed.
    expect(handled).toHaveLength(1);
    await bot.close();
  });
});
