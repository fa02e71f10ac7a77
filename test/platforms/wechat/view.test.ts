import { describe, expect, it } from "vitest";
import { fromWechat, stripMentions, type WechatView } from "../../../src/platforms/wechat/view.js";

const at = new Date("2026-03-16T10:00:00+08:00");

/** A message as wechaty-puppet-mock and real puppets deliver it: `@name` then U+2005. */
function view(patch: Partial<WechatView> = {}): WechatView {
  return {
    id: "msg-1",
    fromSelf: false,
    talkerId: "wxid_alice",
    talkerName: "小李",
    roomId: "1234567@chatroom",
    roomTopic: "新牧社区志愿者群",
    text: "@小园助手\u2005社团成立需要多少会员？",
    mentionsSelf: true,
    type: "text",
    date: at,
    ...patch,
  };
}

describe("fromWechat", () => {
  it("turns a room mention into a group message addressed to the bot, mention stripped", () => {
    expect(fromWechat(view(), "小园助手")).toEqual({
      id: "msg-1",
      platform: "wechat",
      chat: { key: "wechat:1234567@chatroom", type: "group", title: "新牧社区志愿者群" },
      sender: { key: "wechat:wxid_alice", name: "小李" },
      text: "社团成立需要多少会员？",
      mentionsBot: true,
      replyToBot: false,
      photos: 0,
      sentAt: at,
    });
  });

  it("keys a private message by the talker", () => {
    const message = fromWechat(view({ roomId: undefined, roomTopic: undefined, text: "你好", mentionsSelf: false }), "小园助手")!;
    expect(message.chat).toEqual({ key: "wechat:wxid_alice", type: "private", title: "小李" });
    expect(message.sender.key).toBe("wechat:wxid_alice");
    expect(message.mentionsBot).toBe(false);
  });

  it("never returns the bot's own messages", () => {
    expect(fromWechat(view({ fromSelf: true }), "小园助手")).toBeUndefined();
  });

  it("ignores official accounts and messages that are neither text nor image", () => {
    expect(fromWechat(view({ talkerIsOfficial: true }), "小园助手")).toBeUndefined();
    expect(fromWechat(view({ type: "other", text: "[语音]" }), "小园助手")).toBeUndefined();
  });

  it("counts an image as a photo with empty text", () => {
    const message = fromWechat(view({ type: "image", text: "<msg><img …/></msg>", mentionsSelf: false }), "小园助手")!;
    expect(message.photos).toBe(1);
    expect(message.text).toBe("");
    expect(message.mentionsBot).toBe(false);
  });

  it("strips a plain-space mention and a mention at the end", () => {
    expect(fromWechat(view({ text: "@小园助手 年检什么时候交" }), "小园助手")!.text).toBe("年检什么时候交");
    expect(fromWechat(view({ text: "年检什么时候交 @小园助手" }), "小园助手")!.text).toBe("年检什么时候交");
  });

  it("strips the bot's room alias and account name, and counts them as a mention without a mention list", () => {
    const message = fromWechat(view({ text: "@园区小助手\u2005报个活动", mentionsSelf: false, selfAlias: "园区小助手" }), "小园助手")!;
    expect(message.text).toBe("报个活动");
    expect(message.mentionsBot).toBe(true);
    expect(fromWechat(view({ text: "@Incubot Bot\u2005hi", mentionsSelf: false, selfName: "Incubot Bot" }), "小园助手")!.text).toBe("hi");
  });

  it("leaves other people's mentions and a name inside a word alone", () => {
    const message = fromWechat(view({ text: "@小王\u2005明天几点集合？", mentionsSelf: false }), "小园助手")!;
    expect(message.text).toBe("@小王\u2005明天几点集合？".trim());
    expect(message.mentionsBot).toBe(false);
    expect(fromWechat(view({ text: "邮箱 a@小园助手团队", mentionsSelf: false }), "小园助手")!.mentionsBot).toBe(false);
  });
});

describe("stripMentions", () => {
  it("prefers the longest name, so a longer alias is not cut short", () => {
    expect(stripMentions("@小园助手2号\u2005你好", ["小园助手", "小园助手2号"])).toBe("你好");
  });

  it("escapes names with regex characters", () => {
    expect(stripMentions("@bot(test)\u2005hi", ["bot(test)"])).toBe("hi");
  });
});

describe("WeChat quote replies", () => {
  const rule = "- - - - - - - - - - - - - - -";

  it("reads a quote of the bot's message as a reply to the bot, carrying what was quoted", () => {
    const message = fromWechat(view({ text: `「小园助手：请问活动是在哪里举办的？」\n${rule}\n新牧社区养老院`, mentionsSelf: false }), "小园助手")!;
    expect(message).toMatchObject({ text: "新牧社区养老院", replyToBot: true, mentionsBot: false, replyTo: { messageId: "", text: "请问活动是在哪里举办的？" } });
  });

  it("reads a quote of another member as a reply to that message, not to the bot", () => {
    const message = fromWechat(view({ text: `「老王：明天几点集合？」\n${rule}\n@小园助手\u2005他问的培训几点开始`, mentionsSelf: true }), "小园助手")!;
    expect(message).toMatchObject({ text: "他问的培训几点开始", replyToBot: false, mentionsBot: true, replyTo: { text: "明天几点集合？" } });
  });

  it("also reads the layout with the reply first and the quote after the rule", () => {
    const message = fromWechat(view({ text: `确认\n${rule}\n「小园助手：回复“确认”登记」`, mentionsSelf: false }), "小园助手")!;
    expect(message).toMatchObject({ text: "确认", replyToBot: true, replyTo: { text: "回复“确认”登记" } });
  });

  it("leaves ordinary text with corner brackets alone", () => {
    const message = fromWechat(view({ text: "@小园助手\u2005「社会团体登记管理条例」第十条是什么？" }), "小园助手")!;
    expect(message.text).toBe("「社会团体登记管理条例」第十条是什么？");
    expect(message.replyTo).toBeUndefined();
  });
});
