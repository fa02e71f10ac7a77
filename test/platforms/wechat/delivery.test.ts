import { afterEach, describe, expect, it } from "vitest";
import { startWechatBot, type WechatTestBot } from "../../support/wechat.js";

describe("WeChat delivery", () => {
  let wechat: WechatTestBot | undefined;
  afterEach(async () => {
    await wechat?.close();
    wechat = undefined;
  });

  it("posts a proactive message to a room and to a person", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    const alice = wechat.person("alice", "小李");
    expect((await wechat.app.outbox.send({ chat: room.key, text: "明天上午9点培训，别迟到" })).status).toBe("sent");
    expect((await wechat.app.outbox.send({ chat: `wechat:${alice.id}`, text: "你的活动记录已登记" })).status).toBe("sent");
    expect(room.botMessages()).toEqual(["明天上午9点培训，别迟到"]);
    expect(wechat.private("alice").botMessages()).toEqual(["你的活动记录已登记"]);
  });

  it("reports a room or contact that cannot be found as blocked, and marks the chat inactive", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    await room.member("alice").says("/help");
    expect((await wechat.app.chats.get(room.key))?.active).toBe(true);
    // The room is gone for the puppet (dissolved, or the bot was removed while offline).
    wechat.mocker.cacheRoomPayload.delete(room.id);
    await wechat.puppet.roomPayloadDirty(room.id);
    const result = await wechat.app.outbox.send({ chat: room.key, text: "还在吗" });
    expect(result.status).toBe("blocked");
    expect((await wechat.app.chats.get(room.key))?.active).toBe(false);
    expect((await wechat.app.outbox.send({ chat: "wechat:wxid_nobody", text: "你好" })).status).toBe("blocked");
  });

  it("fails a send while the account is not logged in", async () => {
    wechat = await startWechatBot({ login: false });
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    const result = await wechat.app.outbox.send({ chat: room.key, text: "培训提醒" });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/not logged in/);
    expect(room.botMessages()).toEqual([]);
  });

  it("marks a room inactive when the bot is removed from it", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    await room.member("alice").says("/help");
    const roomMock = wechat.mocker.RoomMock.load(room.id);
    roomMock.remove(wechat.mocker.ContactMock.load(wechat.self.id)).by(wechat.mocker.ContactMock.load(wechat.person("alice").id));
    for (let attempt = 0; attempt < 100 && (await wechat.app.chats.get(room.key))?.active !== false; attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await wechat.app.chats.get(room.key))?.active).toBe(false);
  });

  it("does not repeat a file's text when only the file failed and is retried", async () => {
    wechat = await startWechatBot();
    const room = wechat.room("园区工作群", ["staff"]);
    const puppet = wechat.puppet;
    const sendFile = puppet.messageSendFile.bind(puppet);
    let failures = 1;
    puppet.messageSendFile = async (conversationId, file) => {
      if (failures-- > 0) throw new Error("upload timed out");
      return sendFile(conversationId, file);
    };
    const result = await wechat.app.outbox.send({ chat: room.key, text: "三月活动汇总见附件", file: { name: "三月.csv", mimeType: "text/csv", data: Buffer.from("a,b\n") } });
    expect(result.status).toBe("sent");
    expect(room.transcript()).toEqual(["小园助手: 三月活动汇总见附件", "小园助手: [文件 三月.csv]"]);
  });
});
