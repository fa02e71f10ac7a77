import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.js";
import { silentLogger } from "../../../src/core/logging.js";
import type { Reply } from "../../../src/core/message.js";
import type { BroadcastFeature } from "../../../src/features/broadcast/index.js";
import { createManualScheduler } from "../../../src/ports/scheduler.js";
import { TelegramAdapter } from "../../../src/platforms/telegram/adapter.js";
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram.js";

const broadcasts = (app: App) => app.features.find((feature) => feature.name === "broadcast") as BroadcastFeature;

/** Until `check` holds (real time; the work runs on loopback). */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("broadcast to 200 Telegram groups through the Bot API emulator", () => {
  const groups = Array.from({ length: 200 }, (_, index) => ({ id: -100_000 - index, title: `社区群${index + 1}` }));
  const limited = [groups[5]!, groups[60]!, groups[170]!];
  const kicked = [groups[17]!, groups[140]!];
  let tg: TelegramHarness;
  let second: App | undefined;
  let releaseCrashed: (() => void) | undefined;
  afterAll(async () => {
    await second?.stop();
    releaseCrashed?.();
    await tg?.close();
  });

  it("survives 429s, kicked groups and a crash in the middle: every group exactly once, waits honoured", { timeout: 60_000 }, async () => {
    tg = await startTelegramHarness({ config: { staff: ["telegram:42"] } });
    for (const group of groups) await tg.app.chats.update(`telegram:${group.id}`, { type: "group", title: group.title, tags: ["park"] });
    for (const group of limited) tg.inject({ method: "sendMessage", chatId: group.id, errorCode: 429, retryAfter: 7 });
    for (const group of kicked) tg.inject({ method: "sendMessage", chatId: group.id, errorCode: 403 });

    // Every send attempt, in virtual time, from both processes.
    const attempts: Array<{ process: number; chat: string; at: number }> = [];
    let dead = false;
    const record = (process: number, adapter: TelegramAdapter, crashAfter?: number) => {
      const original = adapter.sender.send.bind(adapter.sender);
      let delivered = 0;
      const hung: Array<() => void> = [];
      adapter.sender.send = async (reply: Reply) => {
        // The crash hits the announcement's fan-out; an answer to a member afterwards is not part of it.
        if (crashAfter !== undefined && reply.text.startsWith("📢") && delivered >= crashAfter) {
          // The process "dies" here: claimed, never sent. Released only at clean-up, into a throw.
          if (!dead) await new Promise<void>((resolve) => hung.push(resolve));
          throw new Error("process gone");
        }
        attempts.push({ process, chat: reply.chat, at: tg.clock.now().getTime() });
        const result = await original(reply);
        if (reply.chat !== "telegram:42") delivered++;
        return result;
      };
      return hung;
    };
    const hung = record(1, tg.adapter, 100);
    releaseCrashed = () => {
      dead = true;
      hung.forEach((resolve) => resolve());
    };

    const staff = tg.private(42, "园区老王").user(42, "园区老王");
    expect(await staff.says("/broadcast to:park 本周六上午园区停电，请各组织调整活动安排。")).toEqual([expect.stringMatching(/^将发送到 200 个群（park）/)]);
    expect(await staff.says("确认")).toEqual(["开始发送通知 #1，共 200 个群。发送进度和送达报告会发到这里。"]);
    await until(() => hung.length === 8, "the first process to stall on all its workers");

    // The restarted process: same identity, same store, same Bot API.
    const adapter = new TelegramAdapter({ config: tg.app.config, logger: silentLogger(), clock: tg.clock, storage: tg.app.storage });
    record(2, adapter);
    second = await createApp({ config: tg.app.config, storage: tg.app.storage, clock: tg.clock, logger: silentLogger(), llm: null, scheduler: createManualScheduler(), platforms: [adapter] });
    await second.start({ listen: false });
    await broadcasts(second).idle();

    const received = (group: { id: number }) => tg.botMessages(group.id).filter((message) => message.text.includes("本周六上午园区停电")).length;
    for (const group of groups) expect(received(group), group.title).toBe(kicked.includes(group) ? 0 : 1);

    // retry_after was waited out before the same group was tried again.
    for (const group of limited) {
      const times = attempts.filter((attempt) => attempt.chat === `telegram:${group.id}`).map((attempt) => attempt.at);
      expect(times).toHaveLength(2);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(7000);
    }
    // Kicked groups were tried once, not again and again.
    for (const group of kicked) expect(attempts.filter((attempt) => attempt.chat === `telegram:${group.id}`)).toHaveLength(1);
    // Telegram's overall pace: no process sends more than 30 messages in any second.
    for (const process of [1, 2]) {
      const times = attempts.filter((attempt) => attempt.process === process).map((attempt) => attempt.at).sort((a, b) => a - b);
      expect(times.length).toBeGreaterThan(60);
      for (let index = 30; index < times.length; index++) expect(times[index]! - times[index - 30]!).toBeGreaterThanOrEqual(1000);
    }

    const toStaff = tg.botMessages(42).map((message) => message.text);
    expect(toStaff.filter((text) => text.includes("中断后继续发送"))).toEqual([expect.stringMatching(/^通知 #1 在中断后继续发送（已完成 10\d\/200）。$/)]);
    const report = toStaff.filter((text) => text.startsWith("通知 #1 发送完成"));
    expect(report).toEqual(["通知 #1 发送完成：198/200 个群已送达。\n未送达 2 个群：\n· 社区群18（机器人已被移出群，之后的通知会跳过该群）\n· 社区群141（机器人已被移出群，之后的通知会跳过该群）"]);
    expect((await second.chats.get(`telegram:${kicked[0]!.id}`))?.active).toBe(false);

    // A minute later a member presses 收到 under the announcement and is thanked; status lists the groups still silent.
    const announcement = tg.botMessages(groups[0]!.id).at(-1)!;
    expect(announcement.buttons).toEqual([{ text: "收到", data: "收到 1" }]);
    tg.clock.advance(60_000);
    const thanks = await tg.group(groups[0]!.id, groups[0]!.title).user(7, "小李").presses("收到 1", announcement);
    expect(thanks).toEqual([expect.stringContaining("已记下你收到了通知 #1")]);
    const [status] = await staff.says("/broadcast status 1");
    expect(status).toMatch(/^通知 #1：已送达 198\/200 个群，1 个群有人回复收到，未送达 2 个。\n尚无人回复“收到”的群（197 个）：\n社区群2、/);
  });
});
