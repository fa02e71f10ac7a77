import { afterEach, describe, expect, it } from "vitest";
import { answer, type Feature } from "../../../src/core/feature.js";
import { createFeatures } from "../../../src/features/index.js";
import { startWechatBot, type WechatTestBot } from "../../support/wechat.js";

/** Answers "回声 …" with the text, mentioning the sender, plus buttons or a file when asked. */
const echo: Feature = {
  name: "echo",
  async handle(turn) {
    const text = turn.message.text;
    if (turn.message.photos > 0) return answer(turn, `收到 ${turn.message.photos} 张照片`);
    if (!text.startsWith("回声")) return undefined;
    const mention = { key: turn.message.sender.key, name: turn.message.sender.name };
    if (text.includes("按钮")) return answer(turn, "请确认：", { buttons: [{ text: "确认", data: "确认" }, { text: "重新填写", data: "重填" }] });
    if (text.includes("文件")) return answer(turn, "报表在这里", { file: { name: "活动报表.csv", mimeType: "text/csv", data: Buffer.from("日期,人数\n3月16日,12\n") } });
    if (text.includes("两条")) return { replies: [answer(turn, "第一条").replies[0]!, answer(turn, "第二条").replies[0]!] };
    return answer(turn, text, { mention });
  },
};
const withEcho = { features: (context: Parameters<typeof createFeatures>[0]) => [echo, ...createFeatures(context)] };

describe("WeChat transcripts", () => {
  let wechat: WechatTestBot | undefined;
  afterEach(async () => {
    await wechat?.close();
    wechat = undefined;
  });

  it("answers a mention in a room with three people, in the room", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice", "bob", "carol"]);
    const replies = await room.member("alice", "小李").says("@小园助手 你好");
    expect(replies).toHaveLength(1);
    expect(room.transcript()).toEqual(["小李: @小园助手\u2005你好", `小园助手: ${replies[0]}`]);
  });

  it("stays silent on chatter in a room", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice", "bob", "carol"]);
    expect(await room.member("alice").says("大家今天辛苦了")).toEqual([]);
    expect(await room.member("bob").says("明天几点集合？")).toEqual([]);
    expect(await room.member("carol").says("@小王 你带横幅")).toEqual([]);
    expect(await room.member("carol").sendsImage()).toEqual([]);
    expect(room.botMessages()).toEqual([]);
  });

  it("answers a private message in the private chat only", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice", "bob"]);
    const chat = wechat.private("alice");
    const replies = await chat.says("嗯嗯");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/help/);
    expect(chat.botMessages()).toEqual(replies);
    expect(room.botMessages()).toEqual([]);
    expect(wechat.private("bob").transcript()).toEqual([]);
  });

  it("never answers itself, not even its own account mentioning the bot from a phone", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    await room.member("alice").says("@小园助手 /help");
    const before = wechat.lines.length;
    // The same account typing in the room from the phone: WeChat delivers it as the bot's own message.
    wechat.mocker.ContactMock.load(wechat.self.id).say(`@小园助手\u2005你好`, [wechat.mocker.ContactMock.load(wechat.self.id)]).to(wechat.mocker.RoomMock.load(room.id));
    await wechat.settled();
    // Only the phone's message itself: no answer to it, and no answer to the bot's own /help reply.
    expect(wechat.lines.slice(before).map((line) => line.text)).toEqual(["@小园助手\u2005你好"]);
    expect(room.transcript().filter((line) => line.startsWith("小园助手:"))).toHaveLength(2);
  });

  it("carries the mention of a reply as a WeChat @ of the asker", async () => {
    wechat = await startWechatBot(withEcho);
    const room = wechat.room("新牧社区志愿者群", ["alice", "bob", "carol"]);
    const alice = wechat.person("alice", "小李");
    expect(await room.member("alice").says("@小园助手 回声 收到")).toEqual(["@小李 回声 收到"]);
    expect(wechat.lines.at(-1)).toMatchObject({ roomId: room.id, from: { bot: true }, mentions: [alice.id] });
  });

  it("answers /help in a room without a mention", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice", "bob", "carol"]);
    const [help] = await room.member("bob").says("/help");
    expect(help).toMatch(/\/help/);
    expect(help).toMatch(/帮助/);
    expect(await room.member("bob").says("@小园助手 帮助")).toHaveLength(1);
  });

  it("hears a mention that comes without a mention list, by the bot's name", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    expect(await room.member("alice").says("@小园助手 你好", { raw: true })).toHaveLength(1);
  });

  it("counts a photo as a photo and renders buttons as lines to reply", async () => {
    wechat = await startWechatBot(withEcho);
    const chat = wechat.private("alice", "小李");
    expect(await chat.sendsImage()).toEqual(["收到 1 张照片"]);
    expect(await chat.says("回声 按钮")).toEqual(["请确认：\n回复“确认”\n回复“重填”：重新填写"]);
  });

  it("sends a file as a WeChat file after its text", async () => {
    wechat = await startWechatBot(withEcho);
    const room = wechat.room("园区工作群", ["staff"]);
    expect(await room.member("staff").says("@小园助手 回声 文件")).toEqual(["报表在这里", "[文件 活动报表.csv]"]);
  });

  it("waits the configured interval between two messages to one chat", async () => {
    wechat = await startWechatBot({ ...withEcho, config: { wechat: { pacing: { perChatIntervalSeconds: 5, overallPerMinute: 40 } } } });
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    const sleptBefore = wechat.clock.slept();
    expect(await room.member("alice").says("@小园助手 回声 两条")).toEqual(["第一条", "第二条"]);
    expect(wechat.clock.slept() - sleptBefore).toBeGreaterThanOrEqual(5000);
  });

  it("keeps answering after the puppet reports errors", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    wechat.puppet.emit("error", { gerror: "grpc stream ended" });
    wechat.puppet.emit("message", { messageId: "a-message-the-puppet-never-had" });
    expect(await room.member("alice").says("@小园助手 你好")).toHaveLength(1);
    expect((await wechat.app.health()).platforms).toContainEqual({ platform: "wechat", state: "running" });
  });
});
