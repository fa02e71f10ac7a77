import { afterEach, describe, expect, it } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram.js";

const group = "telegram:-1001";

describe("telegram delivery through the outbox", () => {
  let tg: TelegramHarness;
  afterEach(async () => tg?.close());

  it("puts a mention in front as a text mention of the user", async () => {
    tg = await startTelegramHarness();
    await tg.app.outbox.send({ chat: group, text: "请补充活动地点。", mention: { key: "telegram:42", name: "小李" } });
    const [sent] = tg.botMessages(-1001);
    expect(sent!.text).toBe("小李 请补充活动地点。");
    expect(sent!.entities).toEqual([{ type: "text_mention", offset: 0, length: 2, user: { id: 42, is_bot: false, first_name: "小李" } }]);
  });

  it("replies to the message it answers", async () => {
    tg = await startTelegramHarness();
    await tg.app.outbox.send({ chat: group, text: "收到", replyTo: "-1001:77" });
    expect(tg.botMessages(-1001)[0]!.replyTo).toBe(77);
    expect(tg.calls("sendMessage")[0]!.body.reply_parameters).toEqual({ message_id: 77, allow_sending_without_reply: true });
  });

  it("splits a long text at 4096 characters on a sentence end", async () => {
    tg = await startTelegramHarness();
    const sentences = Array.from({ length: 300 }, (_, index) => `第${index + 1}条：社会组织年检材料请在规定时间内提交。`);
    const text = sentences.join("");
    const result = await tg.app.outbox.send({ chat: group, text });
    expect(result.status).toBe("sent");
    const parts = tg.botMessages(-1001).map((sent) => sent.text);
    expect(parts.length).toBe(Math.ceil(text.length / 4096));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.endsWith("。")).toBe(true);
    }
    expect(parts.join("")).toBe(text);
  });

  it("keeps the first part within 4096 when a mention is put in front", async () => {
    tg = await startTelegramHarness();
    const text = "请核对。".repeat(1024);
    await tg.app.outbox.send({ chat: group, text, mention: { key: "telegram:42", name: "小李" } });
    const parts = tg.botMessages(-1001).map((sent) => sent.text);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join("")).toBe(`小李 ${text}`);
  });

  it("waits out a 429 with a long retry_after on the outbox's clock and delivers once", async () => {
    tg = await startTelegramHarness();
    tg.inject({ method: "sendMessage", times: 1, errorCode: 429, retryAfter: 30 });
    const result = await tg.app.outbox.send({ chat: group, text: "明天上午九点培训，请准时参加。", once: "training-1-reminder" });
    expect(result.status).toBe("sent");
    expect(tg.botMessages(-1001).map((sent) => sent.text)).toEqual(["明天上午九点培训，请准时参加。"]);
    expect(tg.calls("sendMessage").map((call) => call.faulted)).toEqual([true, false]);
    expect(tg.clock.slept()).toBeGreaterThanOrEqual(30_000);
    expect((await tg.app.outbox.send({ chat: group, text: "明天上午九点培训，请准时参加。", once: "training-1-reminder" })).status).toBe("duplicate");
    expect(tg.botMessages(-1001)).toHaveLength(1);
  });

  it("lets a short 429 be retried inside the client, and a user still gets one answer", async () => {
    tg = await startTelegramHarness();
    tg.inject({ method: "sendMessage", times: 1, errorCode: 429, retryAfter: 1 });
    expect(await tg.group(-1001).user(42).says("/help")).toHaveLength(1);
    expect(tg.calls("sendMessage").map((call) => call.faulted)).toEqual([true, false]);
  });

  it("marks a chat inactive when Telegram answers 403", async () => {
    tg = await startTelegramHarness();
    const chat = tg.group(-1002, "已退出的群");
    await chat.user(42).says("大家好");
    expect((await tg.app.chats.get(chat.key))!.active).toBe(true);
    tg.inject({ method: "sendMessage", chatId: -1002, errorCode: 403 });
    expect(await chat.user(42).says("/help")).toEqual([]);
    expect((await tg.app.chats.get(chat.key))!.active).toBe(false);
    expect(tg.calls("sendMessage")).toHaveLength(1);
  });

  it("treats 'chat not found' as gone and other 400s as failures", async () => {
    tg = await startTelegramHarness();
    tg.inject({ method: "sendMessage", errorCode: 400, description: "Bad Request: chat not found" });
    expect((await tg.app.outbox.send({ chat: group, text: "通知" })).status).toBe("blocked");
    tg.inject({ method: "sendMessage", errorCode: 400, times: 10, description: "Bad Request: message text is empty" });
    const failed = await tg.app.outbox.send({ chat: group, text: "通知" });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/400 Bad Request: message text is empty/);
  });

  it("follows a group that became a supergroup when a send is refused with migrate_to_chat_id", async () => {
    tg = await startTelegramHarness();
    const old = tg.group(-4001, "园区工作群");
    await old.user(42).says("大家好");
    tg.inject({ method: "sendMessage", chatId: -4001, errorCode: 400, migrateToChatId: -1004001 });
    expect((await tg.app.outbox.send({ chat: old.key, text: "周五停电通知" })).status).toBe("sent");
    expect(tg.botMessages(-1004001).map((sent) => sent.text)).toEqual(["周五停电通知"]);
    expect(await tg.app.chats.get(old.key)).toBeUndefined();
    expect((await tg.app.chats.get("telegram:-1004001"))!.title).toBe("园区工作群");
  });

  it("sends a file as a document with the text as its caption", async () => {
    tg = await startTelegramHarness();
    const data = Buffer.from("日期,人数\n2026-03-15,12\n");
    await tg.app.outbox.send({ chat: group, text: "三月活动报告", file: { name: "报告.csv", mimeType: "text/csv", data } });
    const [sent] = tg.botMessages(-1001);
    expect(sent!.text).toBe("三月活动报告");
    expect(sent!.document!.name).toBe("报告.csv");
    expect(sent!.document!.data.equals(data)).toBe(true);
  });

  it("paces by the configured rules (private chats per second, groups per minute)", async () => {
    tg = await startTelegramHarness({ config: { telegram: { pacing: { perGroupPerMinute: 2 } } } });
    expect(tg.adapter.pacing.perGroup).toEqual([{ limit: 2, windowMs: 60_000 }]);
    const start = tg.clock.now().getTime();
    for (const text of ["一", "二", "三"]) await tg.app.outbox.send({ chat: group, text });
    expect(tg.clock.now().getTime() - start).toBeGreaterThanOrEqual(60_000);
    expect(tg.botMessages(-1001)).toHaveLength(3);
  });
});
