import { afterEach, describe, expect, it } from "vitest";
import { answer, type Feature } from "../../../src/core/feature.js";
import { createFeatures } from "../../../src/features/index.js";
import { startWecomBot, type WecomTestBot } from "../../support/wecom.js";

/** "回声 …" features: two replies, a mention, buttons, or an answer that takes longer than WeCom's reply window. */
function echo(bot: () => WecomTestBot): Feature {
  return {
    name: "echo",
    async handle(turn) {
      const text = turn.message.text;
      if (turn.message.photos > 0) return answer(turn, `收到 ${turn.message.photos} 张照片：${text}`);
      if (!text.startsWith("回声")) return undefined;
      if (text.includes("两条")) return { replies: [answer(turn, "第一条").replies[0]!, answer(turn, "第二条").replies[0]!] };
      if (text.includes("按钮")) return answer(turn, "请确认：", { buttons: [{ text: "确认", data: "确认" }, { text: "重新填写", data: "重填" }] });
      if (text.includes("很久")) bot().clock.advance(10 * 60_000);
      if (text.includes("慢")) await new Promise((resolve) => setTimeout(resolve, 150));
      if (text.includes("快") || text.includes("慢")) return answer(turn, `${turn.message.sender.name}：${text}`);
      return answer(turn, text, { mention: { key: turn.message.sender.key, name: "张三" } });
    },
  };
}

async function startWithEcho(): Promise<WecomTestBot> {
  let bot: WecomTestBot | undefined;
  bot = await startWecomBot({ features: (context) => [echo(() => bot!), ...createFeatures(context)] });
  return bot;
}

describe("WeCom delivery", () => {
  let wecom: WecomTestBot | undefined;
  afterEach(async () => {
    await wecom?.close();
    wecom = undefined;
  });

  it("puts two replies to one question in one stream, finished once", async () => {
    wecom = await startWithEcho();
    expect(await wecom.private("lisi").says("回声 两条")).toEqual(["第一条\n\n第二条"]);
    const streams = wecom.server.frames.filter((frame) => frame.cmd === "aibot_respond_msg").map((frame) => frame.body.stream);
    expect(new Set(streams.map((stream) => stream.id)).size).toBe(1);
    expect(streams.map((stream) => [stream.content, stream.finish])).toEqual([
      ["第一条", false],
      ["第一条\n\n第二条", false],
      ["第一条\n\n第二条", true],
    ]);
  });

  it("counts pictures as photos: an image alone, and the two of a mixed message with its text", async () => {
    wecom = await startWithEcho();
    const chat = wecom.group("g1").member("zhangsan");
    expect(await chat.sends({ msgtype: "image", image: { url: "https://example.invalid/encrypted" } })).toEqual(["收到 1 张照片："]);
    const mixed = { msg_item: [{ msgtype: "text", text: { content: "@小园助手 敬老院活动" } }, { msgtype: "image", image: { url: "https://example.invalid/1" } }, { msgtype: "image", image: { url: "https://example.invalid/2" } }] };
    expect(await chat.sends({ msgtype: "mixed", mixed })).toEqual(["收到 2 张照片：敬老院活动"]);
  });

  it("answers two people asking at once in one group each on their own req_id", async () => {
    wecom = await startWithEcho();
    const server = wecom.server;
    const slow = server.callback({ chattype: "group", chatid: "g1", from: { userid: "zhangsan" }, msgtype: "text", text: { content: "@小园助手 回声 慢" } });
    await server.waitFor(() => wecom!.adapter.received === 1, "the first question");
    const quick = server.callback({ chattype: "group", chatid: "g1", from: { userid: "lisi" }, msgtype: "text", text: { content: "@小园助手 回声 快" } });
    await server.waitFor(() => wecom!.adapter.received === 2, "the second question");
    await wecom.adapter.settled();
    expect(server.answer(slow)).toEqual({ content: "zhangsan：回声 慢", finished: true });
    expect(server.answer(quick)).toEqual({ content: "lisi：回声 快", finished: true });
  });

  it("writes a mention as @name and buttons as lines to reply, with the @ in groups", async () => {
    wecom = await startWithEcho();
    expect(await wecom.group("g1").member("zhangsan").says("@小园助手 回声 你好")).toEqual(["@张三 回声 你好"]);
    expect(await wecom.private("lisi").says("回声 按钮")).toEqual(["请确认：\n回复“确认”\n回复“重填”：重新填写"]);
    // In a group the bot hears only @-mentions, so the lines say to write one.
    expect(await wecom.group("g1").member("zhangsan").says("@小园助手 回声 按钮")).toEqual(["请确认：\n回复“@小园助手 确认”\n回复“@小园助手 重填”：重新填写"]);
  });

  it("hands a question to the staff group as a new message and brings the staff answer back to the asker's group", async () => {
    wecom = await startWecomBot({ config: { staff: ["wecom:laowang"], qa: { staffChat: "wecom:wrkStaff" } } });
    const [toAsker] = await wecom.group("wrkGroup1").member("zhangsan").says("@小园助手 我们的申请批了没？");
    const ticket = /#(Q[A-Z0-9]{5})/.exec(toAsker!)![1]!;
    const [forwarded] = wecom.server.pushed("wrkStaff");
    expect(forwarded).toContain(`#${ticket}`);
    expect(forwarded).toContain("我们的申请批了没");
    const [confirmation] = await wecom.group("wrkStaff").member("laowang").says(`@小园助手 /reply ${ticket} 已受理，预计下周出结果。`);
    expect(confirmation).toContain(ticket);
    expect(wecom.server.pushed("wrkGroup1")).toEqual([expect.stringMatching(/^@zhangsan .*已受理，预计下周出结果。/s)]);
  });

  it("sends an answer that comes after the reply window as a new message to the chat", async () => {
    wecom = await startWithEcho();
    expect(await wecom.group("g1").member("zhangsan").says("@小园助手 回声 很久")).toEqual([]);
    expect(wecom.server.pushed("g1")).toEqual(["@张三 回声 很久"]);
  });

  it("sends the answer as a new message when WeCom no longer takes the req_id", async () => {
    wecom = await startWithEcho();
    wecom.server.refuse("aibot_respond_msg", 846605, "invalid req_id");
    expect(await wecom.private("lisi").says("回声 你好")).toEqual([]);
    expect(wecom.server.pushed("lisi")).toEqual(["@张三 回声 你好"]);
  });
});
