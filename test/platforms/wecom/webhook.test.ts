import { createServer, type Server } from "node:http";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/core/logging.js";
import type { BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { startWecomBot, type WecomTestBot } from "../../support/wecom.js";

const robotKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

/** A loopback stand-in for WeCom's group robot endpoint: records posts, answers with `errcode`. */
async function startRobot(errcode = 0): Promise<{ url: string; posts: Array<{ key: string | null; body: any }>; server: Server }> {
  const posts: Array<{ key: string | null; body: any }> = [];
  const server = createServer((request, response) => {
    let data = "";
    request.on("data", (chunk) => (data += chunk));
    request.on("end", () => {
      posts.push({ key: new URL(request.url!, "http://x").searchParams.get("key"), body: JSON.parse(data) });
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(errcode ? { errcode, errmsg: `invalid webhook url, hint: [key=${robotKey}]` } : { errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/cgi-bin/webhook/send`, posts, server };
}

describe("send-only groups through a WeCom group robot", () => {
  let wecom: WecomTestBot | undefined;
  let robot: Awaited<ReturnType<typeof startRobot>> | undefined;
  afterEach(async () => {
    await wecom?.close();
    robot?.server.close();
    wecom = robot = undefined;
  });

  const start = async (errcode = 0) => {
    robot = await startRobot(errcode);
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    wecom = await startWecomBot({
      logger: createLogger({ level: "info", stream }),
      config: { staff: ["wecom:laowang"], wecom: { webhookUrl: robot.url, webhooks: [{ id: "shufa", title: "书法协会外部群", key: robotKey, organization: "书法协会", tags: ["文化"] }] } },
    });
    return lines;
  };

  it("get a staff broadcast by tag, once, without the robot's key in any reply or log", async () => {
    const lines = await start();
    const office = wecom!.private("laowang");
    const [preview] = await office.says("/broadcast to:文化 周六上午创新园停电，活动请改期。");
    expect(preview).toMatch(/将发送到 1 个群/);
    await office.says("确认");
    await (wecom!.app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature).idle();
    expect(robot!.posts).toEqual([{ key: robotKey, body: { msgtype: "markdown", markdown: { content: "📢 园区通知\n周六上午创新园停电，活动请改期。\n（收到请回复“收到”）" } } }]);
    const report = await wecom!.server.waitFor(() => wecom!.server.pushed("laowang").find((text) => /发送完成/.test(text)), "the delivery report");
    expect(report).toMatch(/1\/1/);
    const said = [...wecom!.server.frames.map((frame) => JSON.stringify(frame.body ?? {})), ...lines].join("\n");
    expect(said).not.toContain(robotKey);
  });

  it("that refuse the key are reported by the group's name, never by the key", async () => {
    const lines = await start(93000);
    await wecom!.private("laowang").says("/broadcast to:文化 明天书法展");
    await wecom!.private("laowang").says("确认");
    await (wecom!.app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature).idle();
    const report = await wecom!.server.waitFor(() => wecom!.server.pushed("laowang").find((text) => /发送完成/.test(text)), "the delivery report");
    expect(report).toMatch(/0\/1/);
    expect(lines.join("")).toMatch(/书法协会外部群/);
    const said = [...wecom!.server.frames.map((frame) => JSON.stringify(frame.body ?? {})), ...lines].join("\n");
    expect(said).not.toContain(robotKey);
  });
});
