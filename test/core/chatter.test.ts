import { afterEach, describe, expect, it } from "vitest";
import type { IncomingMessage } from "../../src/core/message.js";
import { openMemoryStorage, type KeyValue, type Storage } from "../../src/ports/storage/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";

/** The store with every write counted (sets, deletes, claims), by namespace or claim kind. */
function counting(): { storage: Storage; writes: Map<string, number> } {
  const inner = openMemoryStorage();
  const writes = new Map<string, number>();
  const count = (what: string) => writes.set(what, (writes.get(what) ?? 0) + 1);
  const storage: Storage = {
    ...inner,
    namespace: <T,>(name: string): KeyValue<T> => {
      const namespace = inner.namespace<T>(name);
      return { ...namespace, set: (key, value, ttl) => (count(`set ${name}`), namespace.set(key, value, ttl)), delete: (key) => (count(`delete ${name}`), namespace.delete(key)) };
    },
    claim: (key, ttl, owner) => (count(`claim ${key.split(":")[0]}`), inner.claim(key, ttl, owner)),
  };
  return { storage, writes };
}

const said = (index: number, text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
  id: `m${index}`,
  platform: "telegram",
  chat: { key: "telegram:-100123", type: "group", title: "新牧社区志愿队" },
  sender: { key: `telegram:${index % 7}`, name: `成员${index % 7}` },
  text,
  mentionsBot: false,
  replyToBot: false,
  photos: 0,
  sentAt: new Date("2026-03-16T10:00:00+08:00"),
  ...extra,
});

describe("group chatter the bot ignores", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("costs no storage write unless something changed (a new member, a new title)", async () => {
    const { storage, writes } = counting();
    bot = await startTestBot({ storage });
    // Each member's first message records where they write (a new member): once per member.
    for (let index = 0; index < 7; index++) await bot.app.sink.handle(said(index, "大家早上好"));
    expect(writes.get("set member-groups")).toBe(7);
    writes.clear();
    const chatter = ["今天天气不错", "吃了吗", "明天见", "好的👍", "哈哈哈", "谁有充电宝"];
    for (let index = 7; index <= 127; index++) expect(await bot.app.sink.handle(said(index, chatter[index % chatter.length]!))).toEqual([]);
    expect(Object.fromEntries(writes)).toEqual({});
    await bot.app.sink.handle(said(200, "周末活动照片", { chat: { key: "telegram:-100123", type: "group", title: "新牧社区志愿服务队" } }));
    expect(writes.get("set chats")).toBe(1);
  });

  it("still answers a mention once when the platform delivers it twice", async () => {
    bot = await startTestBot();
    const mention = said(300, "/help", { mentionsBot: true, platform: "playground", chat: { key: "playground:g1", type: "group", title: "新牧社区志愿队" } });
    expect(await bot.app.sink.handle(mention)).toHaveLength(1);
    expect(await bot.app.sink.handle(mention)).toEqual([]);
  });
});
