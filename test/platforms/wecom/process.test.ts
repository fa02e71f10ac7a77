import { describe, expect, it } from "vitest";
import { startBotProcess } from "../../support/process.js";
import { startWecomServer } from "../../support/wecom-server.js";

describe("npm start with WECOM_BOT_ID, WECOM_BOT_SECRET and WECOM_WS_URL", () => {
  it("subscribes, shows WeCom in /healthz and answers a group @-question on its req_id, as a real process", async () => {
    const wecom = await startWecomServer({ botId: "aibot-process", secret: "process-secret" });
    const bot = await startBotProcess({ WECOM_BOT_ID: "aibot-process", WECOM_BOT_SECRET: "process-secret", WECOM_WS_URL: wecom.url, DATA_URL: "memory://" });
    try {
      await wecom.waitFor(() => wecom.connections() === 1, "the process to subscribe", 15_000);
      const health = async () => ((await bot.get("/healthz")).body as { platforms: Array<{ platform: string; state: string }> }).platforms.find((platform) => platform.platform === "wecom");
      await wecom.waitFor(async () => (await health())?.state === "running", "healthz to say running");
      expect(await health()).toEqual({ platform: "wecom", state: "running" });

      const chatter = wecom.callback({ chattype: "single", from: { userid: "lisi" }, msgtype: "file" });
      const question = wecom.callback({ chattype: "group", chatid: "wrkProcess", from: { userid: "zhangsan" }, msgtype: "text", text: { content: "@小园助手 成立社会团体最少要多少个会员？" } });
      const answer = await wecom.waitFor(() => (wecom.answer(question)?.finished ? wecom.answer(question) : undefined), "the answer", 15_000);
      expect(answer.content).toMatch(/50个以上/);
      expect(wecom.answer(chatter)).toBeUndefined();
      expect(bot.output()).not.toMatch(/process-secret/);
    } finally {
      await bot.stop();
      await wecom.close();
    }
  });

  it("keeps the playground up with a wrong secret and says which key to check, in /healthz and the log", async () => {
    const wecom = await startWecomServer({ botId: "aibot-process", secret: "process-secret", refusalDelayMs: 1500 });
    const bot = await startBotProcess({ WECOM_BOT_ID: "aibot-process", WECOM_BOT_SECRET: "a-wrong-secret", WECOM_WS_URL: wecom.url, DATA_URL: "memory://" });
    try {
      const health = await wecom.waitFor(async () => {
        const answer = await bot.get("/healthz");
        return answer.status === 503 ? (answer.body as { platforms: Array<{ platform: string; state: string; detail?: string }> }) : undefined;
      }, "healthz to report the refusal", 15_000);
      expect(health.platforms.find((platform) => platform.platform === "wecom")).toMatchObject({ state: "error", detail: expect.stringMatching(/WECOM_BOT_SECRET \(wecom\.secret\)/) });
      const reply = await bot.post({ chat: { id: "g1", type: "private" }, from: { id: "u1", name: "小李" }, text: "/help" });
      expect(reply.status).toBe(200);
      expect(bot.output()).toMatch(/WeCom platform error.*WECOM_BOT_SECRET|WECOM_BOT_SECRET.*WeCom platform error/);
      expect(bot.output()).not.toMatch(/a-wrong-secret/);
    } finally {
      await bot.stop();
      await wecom.close();
    }
  });
});
