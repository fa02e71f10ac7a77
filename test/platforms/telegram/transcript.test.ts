import { afterEach, describe, expect, it } from "vitest";
import { answer, type Feature } from "../../../src/core/feature.js";
import { createHelpFeature } from "../../../src/features/help/index.js";
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram.js";

/** A feature that offers buttons, one with data longer than Telegram's 64 bytes. */
const voting: Feature = {
  name: "voting",
  commands: [{ name: "vote", summaryKey: "help.commands.help" }],
  async handle(turn) {
    if (turn.command?.name === "vote") {
      return answer(turn, "请选择：", { buttons: [{ text: "同意", data: "vote:yes" }, { text: "需要再讨论", data: `vote:later:${"详细说明".repeat(12)}` }] });
    }
    if (turn.message.text.startsWith("vote:")) return answer(turn, `收到 ${turn.message.sender.name} 的选择：${turn.message.text}`);
    return undefined;
  },
};

describe("telegram transcripts (long polling against the Bot API emulator)", () => {
  let tg: TelegramHarness;
  afterEach(async () => tg?.close());

  it("answers a mention in a group and says it is running", async () => {
    tg = await startTelegramHarness();
    const replies = await tg.group(-1001, "阳光志愿队").user(42, "小李").says("@TestNameBot 你好");
    expect(replies).toHaveLength(1);
    expect(tg.adapter.health()).toEqual({ platform: "telegram", state: "running", detail: undefined });
  });

  it("stays silent on group chatter, other people's mentions included", async () => {
    tg = await startTelegramHarness();
    const group = tg.group(-1001);
    expect(await group.user(42, "小李").says("大家今天辛苦了")).toEqual([]);
    expect(await group.user(43, "老王").says("@wangwu 明天几点集合？")).toEqual([]);
    expect(tg.botMessages()).toEqual([]);
  });

  it("answers /help and /help@TestNameBot, and leaves /help@OtherBot to the other bot", async () => {
    tg = await startTelegramHarness();
    const group = tg.group(-1001);
    const [help] = await group.user(42).says("/help");
    expect(help).toMatch(/\/help/);
    expect(help).toMatch(/帮助/);
    expect(await group.user(42).says("/help@TestNameBot")).toHaveLength(1);
    expect(await group.user(42).says("/help@OtherBot")).toEqual([]);
    expect(await group.user(42).says("帮助")).toHaveLength(1);
  });

  it("answers anything in a private chat", async () => {
    tg = await startTelegramHarness();
    const replies = await tg.private(42, "小李").user(42, "小李").says("嗯嗯");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/help/);
  });

  it("answers a reply to one of its own messages in a group", async () => {
    tg = await startTelegramHarness();
    const group = tg.group(-1001);
    await group.user(42).says("/help");
    const [botMessage] = group.botMessages();
    const before = tg.calls("sendMessage").length;
    expect(await group.user(42).says("这个怎么用", { replyTo: botMessage })).toHaveLength(1);
    expect(tg.calls("sendMessage").length).toBe(before + 1);
  });

  it("counts a photo with a caption and a mention as addressed", async () => {
    tg = await startTelegramHarness();
    expect(await tg.group(-1001).user(42).says("@TestNameBot 活动照片", { photo: true })).toHaveLength(1);
  });

  it("shows buttons as an inline keyboard and takes a press as the presser's message, long data included", async () => {
    tg = await startTelegramHarness({ features: (context) => [createHelpFeature(context), voting] });
    const group = tg.group(-1001);
    await group.user(42, "小李").says("/vote");
    const [question] = group.botMessages();
    expect(question!.buttons!.map((button) => button.text)).toEqual(["同意", "需要再讨论"]);
    for (const button of question!.buttons!) expect(Buffer.byteLength(button.data)).toBeLessThanOrEqual(64);
    expect(await group.user(43, "老王").presses(question!.buttons![0]!.data, question)).toEqual(["收到 老王 的选择：vote:yes"]);
    const [long] = await group.user(43, "老王").presses(question!.buttons![1]!.data, question);
    expect(long).toBe(`收到 老王 的选择：vote:later:${"详细说明".repeat(12)}`);
    expect(tg.calls("answerCallbackQuery")).toHaveLength(2);
  });

  it("drops a re-delivered update (same chat and message id)", async () => {
    tg = await startTelegramHarness();
    const message = { message_id: 900, date: 1773626400, chat: { id: 42, type: "private" as const, first_name: "小李" }, from: { id: 42, is_bot: false, first_name: "小李" }, text: "/help" };
    expect(await tg.deliver({ message }, 42)).toHaveLength(1);
    expect(await tg.deliver({ message }, 42)).toEqual([]);
  });

  it("keeps running when the server refuses the command menu (setMyCommands)", async () => {
    tg = await startTelegramHarness();
    await tg.group(-1001).user(42).says("/help");
    expect(tg.calls("setMyCommands").length).toBeGreaterThan(0);
    expect(tg.adapter.health().state).toBe("running");
  });

  it("works over a SQLite store too", async () => {
    tg = await startTelegramHarness({ store: "sqlite" });
    expect(await tg.private(42).user(42).says("/help")).toHaveLength(1);
    expect(tg.app.storage.kind).toBe("sqlite");
  });
});
