import { describe, expect, it } from "vitest";
import { renderWechatText, wechatPacingRules } from "../../../src/platforms/wechat/outgoing.js";
import { stubTranslate, wechatTexts } from "./texts.js";

describe("WeChat outgoing text", () => {
  it("renders buttons as lines telling people what to reply", () => {
    const t = stubTranslate();
    const text = renderWechatText(
      { text: "请确认这条活动记录：", buttons: [{ text: "确认", data: "确认" }, { text: "改一下地点", data: "修改 地点" }] },
      t,
    );
    expect(text).toBe("请确认这条活动记录：\n回复“确认”\n回复“修改 地点”：改一下地点");
  });

  it("leaves a reply without buttons as it is", () => {
    expect(renderWechatText({ text: "好的" }, stubTranslate())).toBe("好的");
  });

  it("paces one message per interval in every chat and a per-minute total spread over the minute", () => {
    expect(wechatPacingRules({ perChatIntervalSeconds: 3, overallPerMinute: 40 })).toEqual({
      overall: [
        { limit: 40, windowMs: 60_000 },
        { limit: 1, windowMs: 1500 },
      ],
      perGroup: [{ limit: 1, windowMs: 3000 }],
      perPrivate: [{ limit: 1, windowMs: 3000 }],
    });
  });

  it("keeps its texts in the locale files, Chinese and English", () => {
    const texts = wechatTexts();
    expect(texts.t("zh-CN", "wechat.button", { data: "确认", text: "提交" })).toBe("回复“确认”：提交");
    expect(texts.t("en", "wechat.buttonSame", { data: "OK" })).toBe('Reply "OK"');
  });
});
