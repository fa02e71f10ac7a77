import { readFileSync } from "node:fs";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { displayName, fromTelegram } from "../../../src/platforms/telegram/parse.js";

const bot = { id: 7000000001, username: "XiaoyuanBot" };
const now = new Date("2026-03-16T10:00:00+08:00");
const fixture = (name: string): Update => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));
const parse = (name: string) => fromTelegram(fixture(name), bot, now);

describe("fromTelegram on captured updates", () => {
  it("reads a supergroup mention: strips @bot, keys chat and user, dedupe id is chat:message", () => {
    expect(parse("group-mention")).toEqual({
      id: "-1001876543210:512",
      platform: "telegram",
      chat: { key: "telegram:-1001876543210", type: "group", title: "平房区阳光志愿服务队" },
      sender: { key: "telegram:5123456789", name: "李明" },
      text: "社团成立需要多少会员？",
      mentionsBot: true,
      replyToBot: false,
      replyTo: undefined,
      photos: 0,
      sentAt: new Date(1773626400 * 1000),
    });
  });

  it("leaves other people's mentions alone and does not count them as addressing the bot", () => {
    const message = parse("group-chatter")!;
    expect(message.mentionsBot).toBe(false);
    expect(message.text).toBe("明天几点集合？@wangwu 你知道吗");
    expect(message.sender.name).toBe("Wang Fang");
  });

  it("drops /command@otherbot and keeps /command@ourbot (any letter case)", () => {
    expect(parse("command-other-bot")).toBeUndefined();
    const ours = parse("command-ours")!;
    expect(ours.text).toBe("/help@xiaoyuanbot");
    expect(ours.chat).toEqual({ key: "telegram:-4123456789", type: "group", title: "园区工作群" });
  });

  it("counts one photo (several sizes) with its caption, and sees a reply to the bot", () => {
    const message = parse("reply-to-bot-photo")!;
    expect(message.photos).toBe(1);
    expect(message.text).toBe("活动照片 👍 今天12人参加");
    expect(message.replyToBot).toBe(true);
    expect(message.replyTo).toEqual({ messageId: "-1001876543210:511", text: "请补充活动照片和参加人数。" });
  });

  it("strips a text mention of the bot after an emoji (UTF-16 offsets)", () => {
    const message = parse("text-mention-emoji")!;
    expect(message.mentionsBot).toBe(true);
    expect(message.text).toBe("👋 年检什么时候截止");
    expect(message.sender.name).toBe("🌻Sunny");
  });

  it("reads a private chat", () => {
    const message = parse("private")!;
    expect(message.chat).toEqual({ key: "telegram:5123456789", type: "private", title: "李明" });
    expect(message.mentionsBot).toBe(false);
    expect(message.text).toBe("你好");
  });

  it("turns a button press into a message from the presser whose text is the data", () => {
    const message = parse("callback")!;
    expect(message).toMatchObject({
      id: "-1001876543210:button:2204861394012348123",
      chat: { key: "telegram:-1001876543210", type: "group" },
      sender: { key: "telegram:5123456789", name: "李明" },
      text: "确认",
      mentionsBot: true,
      replyToBot: true,
      sentAt: now,
    });
  });

  it("ignores service messages, edits and membership updates", () => {
    expect(parse("migrate-to")).toBeUndefined();
    expect(parse("edited")).toBeUndefined();
    expect(parse("my-chat-member-kicked")).toBeUndefined();
  });

  it("ignores messages from bots", () => {
    const update = fixture("private");
    update.message!.from!.is_bot = true;
    expect(fromTelegram(update, bot, now)).toBeUndefined();
  });

  it("takes an anonymous group admin as the group speaking", () => {
    const message = parse("anonymous-admin")!;
    expect(message.sender).toEqual({ key: "telegram:-1001876543210", name: "平房区阳光志愿服务队" });
    expect(message.mentionsBot).toBe(true);
    expect(message.text).toBe("本周培训取消");
  });

  it("writes Chinese names without a space and others with one", () => {
    expect(displayName({ id: 1, first_name: "王", last_name: "芳" })).toBe("王芳");
    expect(displayName({ id: 1, first_name: "Fang", last_name: "Wang" })).toBe("Fang Wang");
    expect(displayName({ id: 1, first_name: " ", username: "fw" })).toBe("fw");
  });
});
