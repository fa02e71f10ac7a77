import { describe, expect, it } from "vitest";
import type { Reply } from "../../../src/core/message.js";
import { openMemoryStorage } from "../../../src/ports/storage/index.js";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { fakeClock } from "../../support/clock.js";
import { killable } from "../../support/killable.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function reminders(bot: TestBot, group: string): Promise<string[]> {
  return (await bot.group(group).botMessages()).filter((text) => text.includes("培训提醒"));
}

describe("a reminder whose instance dies while sending it", () => {
  it("is sent by the other instance once the dead one's claim lapses, and only once", async () => {
    const shared = openMemoryStorage();
    const first = killable(shared);
    const start = "2026-03-16T10:00:00+08:00";
    const a = await startTestBot({ storage: first.storage, config: { instanceId: "bot-a" }, clock: fakeClock(start), claimLeaseMs: 300 });
    const b = await startTestBot({ storage: shared, config: { instanceId: "bot-b" }, clock: fakeClock(start), claimLeaseMs: 300 });
    await a.group("g1", "协会群").user(a.staff).says("/training add 今天 12:00-13:00 换届选举流程 @创新园 remind:1h");

    // a claims the 11:00 reminder and hangs on the platform; then it is killed.
    const hung: Reply[] = [];
    a.playground.sender.send = async (reply) => {
      hung.push(reply);
      return new Promise(() => undefined);
    };
    const eleven = new Date("2026-03-16T11:00:00+08:00");
    a.clock.set(eleven);
    void a.scheduler.tick(eleven);
    while (hung.length === 0) await pause(5);
    first.kill();

    // b ticks the same minute: a's claim is still live, so b leaves it, but does not forget it.
    b.clock.set(eleven);
    await b.scheduler.tick(eleven);
    expect(await reminders(b, "g1")).toEqual([]);

    // One lease later the dead claim has lapsed; b's next tick sends it, and later ticks do not repeat it.
    await pause(400);
    for (const minute of ["11:01", "11:02"]) {
      const at = new Date(`2026-03-16T${minute}:00+08:00`);
      b.clock.set(at);
      await b.scheduler.tick(at);
    }
    expect(await reminders(b, "g1")).toEqual([expect.stringContaining("还有59分钟")]);
    await b.close();
  });
});
