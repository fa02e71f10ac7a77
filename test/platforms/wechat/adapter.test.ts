import { PuppetMock, mock } from "wechaty-puppet-mock";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/logging.js";
import type { IncomingMessage, Reply } from "../../../src/core/message.js";
import { WechatAdapter } from "../../../src/platforms/wechat/adapter.js";
import type { MessageSink } from "../../../src/platforms/types.js";
import { fakeClock } from "../../support/clock.js";
import { wechatTexts } from "./texts.js";

/** The adapter alone over the mock puppet, with a sink that records what reaches the core. */
async function adapterOverMock() {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const printed: string[] = [];
  // The mock stamps messages with the wall clock.
  const clock = fakeClock(new Date());
  const adapter = new WechatAdapter({
    botName: "小园助手",
    pacing: { perChatIntervalSeconds: 3, overallPerMinute: 40 },
    logger: silentLogger(),
    clock,
    texts: wechatTexts(),
    puppetInstance: puppet,
    print: (text) => printed.push(text),
  });
  const received: IncomingMessage[] = [];
  const sink: MessageSink = {
    handle: async (message): Promise<Reply[]> => {
      received.push(message);
      return [];
    },
    rekeyChat: async () => undefined,
    markInactive: async () => undefined,
  };
  await adapter.start(sink);
  const self = mocker.createContact({ id: "wxid_incubot", name: "小园助手" });
  return { mocker, puppet, adapter, printed, received, self, clock };
}

async function until(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("WeChat login and health", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it("shows waiting-for-login with the QR code after a scan, then running after login", async () => {
    const { mocker, adapter, printed, self } = await adapterOverMock();
    stop = () => adapter.stop();
    expect(adapter.health()).toEqual({ platform: "wechat", state: "starting" });

    mocker.scan("https://login.weixin.qq.com/l/abc123");
    await until(() => adapter.status().qrImage !== undefined);
    expect(adapter.health()).toMatchObject({ platform: "wechat", state: "waiting-for-login", qrCode: "https://login.weixin.qq.com/l/abc123" });
    expect(adapter.status().qrImage).toMatch(/^data:image\/png;base64,/);
    expect(printed.join("\n")).toContain("https://login.weixin.qq.com/l/abc123");
    expect(printed.join("\n")).toMatch(/[▄▀█]/);

    mocker.login(self);
    await until(() => adapter.health().state === "running");
    expect(adapter.health()).toEqual({ platform: "wechat", state: "running" });
    expect(adapter.status()).toEqual({ state: "running", user: "小园助手" });
  });

  it("shows logged-out when the account is logged out", async () => {
    const { mocker, puppet, adapter, self } = await adapterOverMock();
    stop = () => adapter.stop();
    mocker.login(self);
    await until(() => adapter.health().state === "running");
    await puppet.logout("手机端退出");
    await until(() => adapter.health().state === "logged-out");
    expect(adapter.health()).toMatchObject({ platform: "wechat", state: "logged-out" });
  });

  it("survives puppet errors and keeps handling messages", async () => {
    const { mocker, puppet, adapter, received, self } = await adapterOverMock();
    stop = () => adapter.stop();
    mocker.login(self);
    await until(() => adapter.health().state === "running");
    puppet.emit("error", { gerror: "websocket closed" });
    puppet.emit("error", { data: "an old-style error payload" });
    // A message id the puppet knows nothing about: wechaty reports it as an error, too.
    puppet.emit("message", { messageId: "no-such-message" });
    const [alice] = mocker.createContacts(1);
    alice!.say("还在吗").to(self);
    await until(() => received.length > 0);
    await adapter.settled();
    expect(received.map((message) => message.text)).toEqual(["还在吗"]);
    expect(adapter.health().state).toBe("running");
  });

  it("hands messages to the core in the order the puppet delivered them", async () => {
    const { mocker, adapter, received, self } = await adapterOverMock();
    stop = () => adapter.stop();
    mocker.login(self);
    await until(() => adapter.health().state === "running");
    const [alice, bob] = mocker.createContacts(2);
    const room = mocker.createRoom({ topic: "测试群", memberIdList: [self.id, alice!.id, bob!.id] });
    // A private message loads faster than a room message (no room payload): wechaty alone would reorder these.
    alice!.say("一").to(room);
    bob!.say("二").to(self);
    alice!.say("三").to(room);
    bob!.say("四").to(room);
    await until(() => received.length >= 4);
    await adapter.settled();
    expect(received.map((message) => message.text)).toEqual(["一", "二", "三", "四"]);
  });

  it("does not answer messages that arrive long after they were sent", async () => {
    const { mocker, adapter, received, self, clock } = await adapterOverMock();
    stop = () => adapter.stop();
    mocker.login(self);
    await until(() => adapter.health().state === "running");
    const [alice] = mocker.createContacts(1);
    clock.advance(2 * 3600_000);
    alice!.say("两小时前的消息").to(self);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await adapter.settled();
    expect(received).toEqual([]);
    clock.advance(-2 * 3600_000);
    alice!.say("刚发的消息").to(self);
    await until(() => received.length > 0);
    expect(received.map((message) => message.text)).toEqual(["刚发的消息"]);
  });
});
