import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/core/errors.js";
import { silentLogger } from "../../src/core/logging.js";
import type { Reply } from "../../src/core/message.js";
import { Outbox, type Sender } from "../../src/core/outbox.js";
import { splitText } from "../../src/core/pacing.js";
import { openMemoryStorage, type Storage } from "../../src/ports/storage/index.js";
import { fakeClock, type FakeClock } from "../support/clock.js";

interface Recorded {
  chat: string;
  text: string;
  at: number;
}

function recordingSender(clock: FakeClock, refuse: (reply: Reply, call: number) => Error | undefined = () => undefined): Sender & { sent: Recorded[] } {
  const sent: Recorded[] = [];
  let calls = 0;
  return {
    platform: "telegram",
    maxLength: 20,
    sent,
    isGroup: (chat) => !chat.endsWith("private"),
    async send(reply) {
      calls++;
      const error = refuse(reply, calls);
      if (error) throw error;
      sent.push({ chat: reply.chat, text: reply.text, at: clock.now().getTime() });
      return { messageId: String(calls) };
    },
  };
}

const telegramRules = {
  overall: [{ limit: 30, windowMs: 1000 }],
  perGroup: [{ limit: 20, windowMs: 60_000 }],
  perPrivate: [{ limit: 1, windowMs: 1000 }],
};

function outbox(clock: FakeClock, storage: Storage = openMemoryStorage(), instanceId = "test") {
  const blocked: string[] = [];
  const box = new Outbox({ storage, clock, logger: silentLogger(), instanceId, onBlocked: async (chat) => void blocked.push(chat) });
  return { box, blocked, storage };
}

describe("outbox", () => {
  it("paces one group at 20 messages a minute", async () => {
    const clock = fakeClock();
    const sender = recordingSender(clock);
    const { box } = outbox(clock);
    box.register(sender, telegramRules);
    const start = clock.now().getTime();
    for (let index = 0; index < 41; index++) await box.send({ chat: "telegram:-1", text: `m${index}` });
    const times = sender.sent.map((entry) => entry.at - start);
    expect(times[19]).toBeLessThan(60_000);
    expect(times[20]).toBeGreaterThanOrEqual(60_000);
    expect(times[40]).toBeGreaterThanOrEqual(120_000);
  });

  it("paces all groups together at 30 messages a second", async () => {
    const clock = fakeClock();
    const sender = recordingSender(clock);
    const { box } = outbox(clock);
    box.register(sender, telegramRules);
    const start = clock.now().getTime();
    await Promise.all(Array.from({ length: 90 }, (_, index) => box.send({ chat: `telegram:-${index}`, text: "通知" })));
    const last = Math.max(...sender.sent.map((entry) => entry.at)) - start;
    expect(sender.sent).toHaveLength(90);
    expect(last).toBeGreaterThanOrEqual(2000);
    for (let second = 0; second * 1000 <= last; second++) {
      const inWindow = sender.sent.filter((entry) => entry.at - start >= second * 1000 && entry.at - start < second * 1000 + 1000);
      expect(inWindow.length).toBeLessThanOrEqual(30);
    }
  });

  it("waits out a 429 for the time the platform asks, then delivers once", async () => {
    const clock = fakeClock();
    const sender = recordingSender(clock, (_reply, call) => (call === 1 ? new DeliveryError("rate-limited", "Too Many Requests", 7) : undefined));
    const { box } = outbox(clock);
    box.register(sender, telegramRules);
    const start = clock.now().getTime();
    const result = await box.send({ chat: "telegram:-1", text: "你好" });
    expect(result.status).toBe("sent");
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]!.at - start).toBeGreaterThanOrEqual(7000);
  });

  it("waits out several 429s in a row for one chat instead of giving the group up, but not forever", async () => {
    const clock = fakeClock();
    const sender = recordingSender(clock, (_reply, call) => (call <= 8 ? new DeliveryError("rate-limited", "Too Many Requests", 1) : undefined));
    const { box } = outbox(clock);
    box.register(sender, telegramRules);
    expect((await box.send({ chat: "telegram:-1", text: "通知" })).status).toBe("sent");
    expect(sender.sent).toHaveLength(1);
    const refusing = recordingSender(clock, () => new DeliveryError("rate-limited", "Too Many Requests", 1));
    const other = outbox(clock);
    other.box.register(refusing, telegramRules);
    expect((await other.box.send({ chat: "telegram:-2", text: "通知" })).status).toBe("failed");
  });

  it("reports a chat that removed the bot and does not retry it", async () => {
    const clock = fakeClock();
    let calls = 0;
    const sender = recordingSender(clock, () => {
      calls++;
      return new DeliveryError("blocked", "Forbidden: bot was kicked");
    });
    const { box, blocked } = outbox(clock);
    box.register(sender, telegramRules);
    expect((await box.send({ chat: "telegram:-9", text: "hi" })).status).toBe("blocked");
    expect(calls).toBe(1);
    expect(blocked).toEqual(["telegram:-9"]);
  });

  it("sends a reply with a once key only once, also from a second outbox on the same store", async () => {
    const clock = fakeClock();
    const storage = openMemoryStorage();
    const sender = recordingSender(clock);
    const first = outbox(clock, storage, "a").box;
    const second = outbox(clock, storage, "b").box;
    first.register(sender, telegramRules);
    second.register(sender, telegramRules);
    const reply = { chat: "telegram:-1", text: "培训提醒", once: "reminder:t1:1d:telegram:-1" };
    const results = await Promise.all([first.send(reply), second.send(reply), first.send(reply)]);
    // The second outbox finds the first one's claim: in flight elsewhere, not yet sent.
    expect(results.map((result) => result.status).sort()).toEqual(["duplicate", "in-flight", "sent"]);
    expect((await second.send(reply)).status).toBe("duplicate");
    expect(sender.sent).toHaveLength(1);
  });

  it("takes over its own claim left by a crash between claim and send", async () => {
    const clock = fakeClock();
    const storage = openMemoryStorage();
    await storage.claim("once:broadcast:b1:telegram:-1", 600_000, "host:3000");
    const sender = recordingSender(clock);
    const { box } = outbox(clock, storage, "host:3000");
    box.register(sender, telegramRules);
    expect((await box.send({ chat: "telegram:-1", text: "通知", once: "broadcast:b1:telegram:-1" })).status).toBe("sent");
    const other = outbox(clock, storage, "other").box;
    other.register(sender, telegramRules);
    expect((await other.send({ chat: "telegram:-1", text: "通知", once: "broadcast:b1:telegram:-1" })).status).toBe("duplicate");
    expect(sender.sent).toHaveLength(1);
  });

  it("splits a long text into several messages", async () => {
    const clock = fakeClock();
    const sender = recordingSender(clock);
    const { box } = outbox(clock);
    box.register(sender, telegramRules);
    await box.send({ chat: "telegram:5-private", text: "第一句话说完了。第二句话也说完了。第三句。" });
    expect(sender.sent.map((entry) => entry.text)).toEqual(["第一句话说完了。第二句话也说完了。", "第三句。"]);
  });

  it("says when no platform can deliver to a chat", async () => {
    const { box } = outbox(fakeClock());
    expect((await box.send({ chat: "wechat:room1", text: "hi" })).status).toBe("no-platform");
  });
});

describe("splitText", () => {
  it("cuts at sentence ends within the limit and keeps every character", () => {
    const text = "这是第一句。".repeat(700) + "最后一句没有句号";
    const pieces = splitText(text, 1800);
    expect(pieces.every((piece) => piece.length <= 1800)).toBe(true);
    expect(pieces.slice(0, -1).every((piece) => piece.endsWith("。"))).toBe(true);
    expect(pieces.join("")).toBe(text);
  });

  it("cuts hard when a text has no sentence end", () => {
    expect(splitText("a".repeat(10), 4)).toEqual(["aaaa", "aaaa", "aa"]);
  });

  it("leaves a short text whole", () => {
    expect(splitText("好的", 4096)).toEqual(["好的"]);
  });
});

describe("outbox and messages a platform rejects", () => {
  it("does not retry a message the platform rejects as malformed", async () => {
    const clock = fakeClock();
    let calls = 0;
    const sender = recordingSender(clock, () => {
      calls++;
      return new DeliveryError("rejected", "Bad Request: can't parse entities");
    });
    const { box } = outbox(clock);
    box.register(sender, telegramRules);
    expect((await box.send({ chat: "telegram:-1", text: "hi" })).status).toBe("failed");
    expect(calls).toBe(1);
  });
});
