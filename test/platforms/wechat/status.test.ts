import { afterEach, describe, expect, it } from "vitest";
import { startWechatBot, type WechatTestBot } from "../../support/wechat.js";

describe("WeChat login on /healthz and the playground page", () => {
  let wechat: WechatTestBot | undefined;
  afterEach(async () => {
    await wechat?.close();
    wechat = undefined;
  });

  it("shows the QR code while waiting for a scan, and running after login", async () => {
    wechat = await startWechatBot({ login: false, listen: true });
    await wechat.scan("https://login.weixin.qq.com/l/park-bot");

    const health = await (await fetch(`${wechat.url}/healthz`)).json();
    expect(health.platforms).toContainEqual(expect.objectContaining({ platform: "wechat", state: "waiting-for-login", qrCode: "https://login.weixin.qq.com/l/park-bot" }));
    const status = await (await fetch(`${wechat.url}/api/status`)).json();
    expect(status.wechat.state).toBe("waiting-for-login");
    expect(status.wechat.qrImage).toMatch(/^data:image\/png;base64,/);

    await wechat.login();
    const after = await (await fetch(`${wechat.url}/api/status`)).json();
    expect(after.wechat).toEqual({ state: "running", user: "小园助手" });
    const healthAfter = await fetch(`${wechat.url}/healthz`);
    expect(healthAfter.status).toBe(200);
    expect((await healthAfter.json()).platforms).toContainEqual({ platform: "wechat", state: "running" });
  });

  it("answers in WeChat once logged in after a scan", async () => {
    wechat = await startWechatBot({ login: false });
    await wechat.scan();
    await wechat.login();
    const room = wechat.room("新牧社区志愿者群", ["alice"]);
    expect(await room.member("alice").says("@小园助手 你好")).toHaveLength(1);
  });
});
