import { describe, expect, it } from "vitest";
import { fromWecom, type WecomMessageBody } from "../../../src/platforms/wecom/parse.js";

const now = new Date("2026-03-16T10:00:00+08:00");
const names = ["园区助手", "小园助手"];

/** Bodies shaped like the `aibot_msg_callback` frames of WeCom's long-connection docs and the SDK's types. */
const groupText: WecomMessageBody = {
  msgid: "CAIQ16HMjQYY\/NGagIOAgAMgq4KM0AI=",
  aibotid: "AIBOTID",
  chatid: "wrkSFfCgAAxxxx",
  chattype: "group",
  from: { userid: "zhangsan" },
  create_time: 1773626400,
  msgtype: "text",
  text: { content: "@小园助手 成立社团要多少人？" },
};

describe("fromWecom", () => {
  it("turns a group @-question into a mention from wecom:<userid> in wecom:<chatid>, without the @", () => {
    expect(fromWecom(groupText, names, now)).toEqual({
      id: groupText.msgid,
      platform: "wecom",
      chat: { key: "wecom:wrkSFfCgAAxxxx", type: "group" },
      sender: { key: "wecom:zhangsan", name: "zhangsan" },
      text: "成立社团要多少人？",
      mentionsBot: true,
      replyToBot: false,
      replyTo: undefined,
      photos: 0,
      sentAt: new Date(1773626400 * 1000),
    });
  });

  it("strips the WeCom bot name when it differs from the configured one, and keeps other people's @", () => {
    const message = fromWecom({ ...groupText, text: { content: "@园区助手 /bind 书法协会 @李四 负责" } }, names, now);
    expect(message?.text).toBe("/bind 书法协会 @李四 负责");
  });

  it("keys a single chat by the user and counts it as no mention", () => {
    const message = fromWecom({ msgid: "m2", chattype: "single", from: { userid: "lisi" }, msgtype: "text", text: { content: " /help " } }, names, now);
    expect(message).toMatchObject({ chat: { key: "wecom:lisi", type: "private" }, sender: { key: "wecom:lisi" }, text: "/help", mentionsBot: false, sentAt: now });
  });

  it("reads a button line typed as it stands in a single chat, @ and all", () => {
    const message = fromWecom({ msgid: "m2b", chattype: "single", from: { userid: "lisi" }, msgtype: "text", text: { content: "@小园助手 确认" } }, names, now);
    expect(message).toMatchObject({ text: "确认", mentionsBot: false });
  });

  it("takes a voice message as WeCom's transcript", () => {
    const message = fromWecom({ msgid: "m3", chattype: "single", from: { userid: "lisi" }, msgtype: "voice", voice: { content: "今天上午我们去敬老院包饺子了" } }, names, now);
    expect(message).toMatchObject({ text: "今天上午我们去敬老院包饺子了", photos: 0 });
  });

  it("counts an image as a photo with no text", () => {
    const message = fromWecom({ msgid: "m4", chattype: "group", chatid: "g1", from: { userid: "lisi" }, msgtype: "image", image: { url: "https://example.invalid/x" } }, names, now);
    expect(message).toMatchObject({ text: "", photos: 1, mentionsBot: true });
  });

  it("joins the texts of a mixed message and counts its pictures", () => {
    const message = fromWecom(
      {
        msgid: "m5",
        chattype: "group",
        chatid: "g1",
        from: { userid: "wangwu" },
        msgtype: "mixed",
        mixed: {
          msg_item: [
            { msgtype: "text", text: { content: "@小园助手 报个活动：" } },
            { msgtype: "image", image: { url: "https://example.invalid/1" } },
            { msgtype: "text", text: { content: "今天12人参加" } },
            { msgtype: "image", image: { url: "https://example.invalid/2" } },
          ],
        },
      },
      names,
      now,
    );
    expect(message).toMatchObject({ text: "报个活动：\n今天12人参加", photos: 2 });
  });

  it("gives a quote's text as the replied-to text", () => {
    const message = fromWecom({ ...groupText, text: { content: "@小园助手 这条是什么意思？" }, quote: { msgtype: "text", text: { content: "年检材料请于5月31日前提交" } } }, names, now);
    expect(message?.replyTo).toEqual({ messageId: "", text: "年检材料请于5月31日前提交" });
  });

  it("drops files, videos, empty texts and bodies without a sender", () => {
    expect(fromWecom({ msgid: "m6", chattype: "single", from: { userid: "lisi" }, msgtype: "file" }, names, now)).toBeUndefined();
    expect(fromWecom({ msgid: "m7", chattype: "single", from: { userid: "lisi" }, msgtype: "video" }, names, now)).toBeUndefined();
    expect(fromWecom({ msgid: "m8", chattype: "single", from: { userid: "lisi" }, msgtype: "text", text: { content: "  " } }, names, now)).toBeUndefined();
    expect(fromWecom({ msgid: "m9", chattype: "single", from: { userid: "" }, msgtype: "text", text: { content: "你好" } }, names, now)).toBeUndefined();
  });

  it("reads a millisecond timestamp as milliseconds", () => {
    expect(fromWecom({ ...groupText, create_time: 1773626400123 }, names, now)?.sentAt).toEqual(new Date(1773626400123));
  });
});
