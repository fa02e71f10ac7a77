import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/core/logging.js";
import type { BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { botId, secret, startWecomBot, type WecomTestBot } from "../../support/wecom.js";

const staff = { config: { staff: ["wecom:laowang"] } };

describe("WeCom smart bot transcripts, over the real SDK against a fake WeCom", () => {
  let wecom: WecomTestBot | undefined;
  afterEach(async () => {
    await wecom?.close();
    wecom = undefined;
  });

  it("subscribes with the bot id and secret and reports running", async () => {
    wecom = await startWecomBot();
    const subscribe = wecom.server.frames.find((frame) => frame.cmd === "aibot_subscribe");
    expect(subscribe?.body).toMatchObject({ bot_id: botId, secret });
    expect(wecom.server.subscriptions()).toBe(1);
    expect((await wecom.app.health()).platforms).toContainEqual({ platform: "wecom", state: "running" });
  });

  it("answers a group @-question on the question's own req_id, as one finished stream", async () => {
    wecom = await startWecomBot();
    const [answer] = await wecom.group("wrkGroup1").member("zhangsan").says("@小园助手 成立社会团体最少要多少个会员？");
    expect(answer).toMatch(/50个以上/);
    const respond = wecom.server.frames.filter((frame) => frame.cmd === "aibot_respond_msg");
    expect(new Set(respond.map((frame) => frame.headers.req_id)).size).toBe(1);
    expect(respond.at(-1)?.body).toMatchObject({ msgtype: "stream", stream: { finish: true, content: answer } });
    // Nothing went out as a new message.
    expect(wecom.server.pushed("wrkGroup1")).toEqual([]);
  });

  it("answers /help in a single chat", async () => {
    wecom = await startWecomBot();
    const [help] = await wecom.private("lisi").says("/help");
    expect(help).toMatch(/\/help/);
    expect(help).toMatch(/帮助/);
  });

  it("welcomes a person opening the single chat with the AI label and the privacy notice", async () => {
    wecom = await startWecomBot();
    const reqId = wecom.server.enterChat("lisi");
    const welcome = await wecom.server.waitFor(() => wecom!.server.frames.find((frame) => frame.cmd === "aibot_respond_welcome_msg" && frame.headers.req_id === reqId), "the welcome");
    expect(welcome.body.msgtype).toBe("text");
    expect(welcome.body.text.content).toMatch(/智能助手“小园助手”/);
    expect(welcome.body.text.content).toMatch(/自动生成.*AI/);
    expect(welcome.body.text.content).toMatch(/隐私提示/);
  });

  it("takes a voice message as its transcript", async () => {
    wecom = await startWecomBot();
    const [voice] = await wecom.private("lisi").sends({ msgtype: "voice", voice: { content: "帮助" } });
    expect(voice).toMatch(/\/help/);
  });

  it("binds a group, then a staff broadcast from a single chat reaches that group exactly once", async () => {
    wecom = await startWecomBot(staff);
    const [bound] = await wecom.group("wrkGroup1").member("laowang").says("@小园助手 /bind 书法协会 tag:文化");
    expect(bound).toMatch(/书法协会/);
    const office = wecom.private("laowang");
    const [preview] = await office.says("/broadcast to:文化 周六上午创新园停电，活动请改期。");
    expect(preview).toMatch(/将发送到 1 个群/);
    // WeCom refuses the first push for frequency: the outbox waits and sends it again, once.
    wecom.server.refuse("aibot_send_msg", 45009, "api freq out of limit");
    expect(await office.says("确认")).toEqual([expect.stringMatching(/开始发送通知 #1/)]);
    await (wecom.app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature).idle();
    const notices = wecom.server.pushed("wrkGroup1").filter((text) => text.includes("园区通知"));
    expect(notices).toEqual(["📢 园区通知\n周六上午创新园停电，活动请改期。\n（收到请回复“收到”）\n回复“@小园助手 收到 1”：收到"]);
    // A member answers as the line says: recorded and thanked once; a repeat stays silent.
    expect(await wecom.group("wrkGroup1").member("lisi").says("@小园助手 收到 1")).toEqual([expect.stringMatching(/已记下你收到了通知 #1/)]);
    expect(await wecom.group("wrkGroup1").member("lisi").says("@小园助手 收到 1")).toEqual([]);
    expect((await office.says("/broadcast status 1"))[0]).toMatch(/1 个群有人回复收到/);
    // The report comes to the staff member's single chat as a new message (the 确认 turn is over).
    await wecom.server.waitFor(() => wecom!.server.pushed("laowang").some((text) => /发送完成：1\/1/.test(text)), "the delivery report");
  });

  it("pushes a training reminder to the group at its minute, once", async () => {
    wecom = await startWecomBot(staff);
    wecom.clock.set("2026-03-16T10:00:20+08:00");
    const group = wecom.group("wrkGroup2");
    const [added] = await group.member("laowang").says("@小园助手 /training add 今天 10:05-11:00 财务制度小课堂 @创新园二楼会议室 remind:1m");
    expect(added).toMatch(/已发布培训 #1/);
    const reminders = () => wecom!.server.pushed("wrkGroup2").filter((text) => text.includes("培训提醒"));
    await wecom.scheduler.tick(new Date("2026-03-16T10:03:00+08:00"));
    expect(reminders()).toEqual([]);
    await wecom.scheduler.tick(new Date("2026-03-16T10:04:00+08:00"));
    await wecom.scheduler.tick(new Date("2026-03-16T10:04:00+08:00"));
    await wecom.scheduler.tick(new Date("2026-03-16T10:05:00+08:00"));
    expect(reminders()).toEqual([expect.stringMatching(/^⏰ 培训提醒：“财务制度小课堂”（#1）将于 3月16日（周一）10:05 开始/)]);
  });

  it("pushes a reminder once when two instances on one store tick the same minute", async () => {
    wecom = await startWecomBot({ config: { ...staff.config, instanceId: "bot-a" } });
    wecom.clock.set("2026-03-16T10:00:20+08:00");
    await wecom.group("wrkGroup4").member("laowang").says("@小园助手 /training add 今天 10:05-11:00 财务制度小课堂 @创新园 remind:1m");
    const second = await startWecomBot({ config: { ...staff.config, instanceId: "bot-b" }, server: wecom.server, storage: wecom.app.storage, clock: wecom.clock });
    try {
      const minute = new Date("2026-03-16T10:04:00+08:00");
      await Promise.all([wecom.scheduler.tick(minute), second.scheduler.tick(minute)]);
      expect(wecom.server.pushed("wrkGroup4").filter((text) => text.includes("培训提醒"))).toHaveLength(1);
    } finally {
      await second.app.stop();
    }
  });

  it("holds a reminder due while WeCom is unreachable and pushes it once the connection is back", async () => {
    wecom = await startWecomBot(staff);
    wecom.clock.set("2026-03-16T10:00:20+08:00");
    await wecom.group("wrkGroup3").member("laowang").says("@小园助手 /training add 今天 10:05-11:00 财务制度小课堂 @创新园 remind:1m");
    wecom.server.down();
    wecom.server.drop();
    await wecom.server.waitFor(() => wecom!.adapter.health().state !== "running", "the drop");
    const due = wecom.scheduler.tick(new Date("2026-03-16T10:04:00+08:00"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(wecom.server.pushed("wrkGroup3")).toEqual([]);
    wecom.server.up();
    await due;
    await wecom.scheduler.tick(new Date("2026-03-16T10:05:00+08:00"));
    expect(wecom.server.pushed("wrkGroup3").filter((text) => text.includes("培训提醒"))).toHaveLength(1);
  });

  it("resumes after the connection drops and answers on the new connection", async () => {
    wecom = await startWecomBot();
    wecom.server.drop();
    await wecom.server.waitFor(() => wecom!.server.subscriptions() === 2 && wecom!.adapter.health().state === "running", "the bot to reconnect");
    const [help] = await wecom.private("lisi").says("/help");
    expect(help).toMatch(/帮助/);
  });

  it("shows a lost connection in /healthz while WeCom is unreachable, and running again after", async () => {
    wecom = await startWecomBot({ listen: true });
    wecom.server.down();
    wecom.server.drop();
    const wecomHealth = async () => ((await (await fetch(`${wecom!.url}/healthz`)).json()) as { platforms: Array<{ platform: string; state: string; detail?: string }> }).platforms.find((platform) => platform.platform === "wecom");
    const down = await wecom.server.waitFor(async () => {
      const health = await wecomHealth();
      return health?.state !== "running" && /reconnecting/.test(health?.detail ?? "") ? health : undefined;
    }, "healthz to show the reconnect");
    expect(down.state).toBe("starting");
    wecom.server.up();
    await wecom.server.waitFor(async () => (await wecomHealth())?.state === "running", "healthz to show running again");
  });

  it("says so in /healthz when another connection takes the bot over", async () => {
    wecom = await startWecomBot();
    wecom.server.takeOver();
    await wecom.server.waitFor(() => wecom!.adapter.health().state === "error", "the take-over");
    expect(wecom.adapter.health().detail).toMatch(/another connection took over/);
  });

  it("reports a wrong secret by its key and keeps the playground answering", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    wecom = await startWecomBot({ secret: "a-wrong-secret", connect: false, logger: createLogger({ level: "error", stream }) });
    await wecom.server.waitFor(() => wecom!.adapter.health().state === "error", "the refusal");
    expect(wecom.adapter.health().detail).toMatch(/WECOM_BOT_SECRET \(wecom\.secret\)/);
    expect(lines.join("")).toMatch(/WECOM_BOT_SECRET/);
    expect(lines.join("")).not.toMatch(/a-wrong-secret/);
    const health = await wecom.app.health();
    expect(health.ok).toBe(false);
    const reply = await wecom.app.playground!.post({ chat: { id: "g1", type: "private" }, from: { id: "u1", name: "小李" }, text: "/help" });
    expect(reply.status).toBe(200);
    // The SDK tries a refused secret again a few times with back-off, then stops; the error stays.
    await wecom.server.waitFor(() => /gave up/.test(wecom!.adapter.health().detail ?? ""), "the bot to give up");
    expect(wecom.server.refusals()).toBe(6);
    expect(wecom.adapter.health().detail).toMatch(/WECOM_BOT_SECRET \(wecom\.secret\)/);
  });
});
