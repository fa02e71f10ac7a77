import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createQaFeature } from "../../../src/features/qa/index.js";
import { socialAct } from "../../../src/features/qa/social.js";
import { startTestBot, type TestBot } from "../../support/bot.js";
import { askShipped } from "./helpers.js";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** Lines written for the lexicon: act (or none: a question that merely carries a social word) and text. */
const examples = readFileSync("test/fixtures/qa/social-acts.tsv", "utf8")
  .trim()
  .split("\n")
  .map((line) => line.split("\t") as [string, string]);

describe("social acts: a greeting, thanks or who-are-you gets a friendly word, not a search or a refusal", () => {
  it("says you're welcome to thanks in the group, and forwards nothing to staff", async () => {
    bot = await startTestBot({ features: (context) => [createQaFeature(context)], config: { qa: { staffChat: "playground:staff-room" } } });
    const [thanks] = await bot.group("g1").user("alice", "Alice").says("@小园助手 谢谢机器人 太给力了👍");
    expect(thanks).toContain("不客气");
    const [morning] = await bot.group("g1").user("bob", "老王").says("@小园助手 早上好啊🌞");
    expect(morning).toMatch(/^你好！我是创新园的小助手/);
    const [who] = await bot.group("g1").user("bob", "老王").says("@小园助手 你是谁 是真人吗");
    expect(who).toContain("不是真人");
    expect(await bot.group("staff-room").botMessages()).toEqual([]);
  });

  it("answers in English to English", async () => {
    expect((await askShipped("thanks bot!")).text).toBe("You're welcome! Ask me any time about registration or governance.");
    expect((await askShipped("Are you human?")).text).toMatch(/not a person/);
  });

  it("still answers a question that opens with a greeting or thanks", async () => {
    const answer = await askShipped("你好，社团登记要多少人");
    expect(answer.handoff).toBe(false);
    expect(answer.text).toContain("50个");
    expect((await askShipped("谢谢！那基金会的理事最多几个人")).reason).not.toBe("social");
  });

  it("reads every written example as its act, and never takes a question for small talk", () => {
    const wrong = examples.filter(([act, text]) => (socialAct(text) ?? "none") !== act);
    const swallowed = wrong.filter(([act]) => act === "none");
    expect(swallowed).toEqual([]);
    // (小助手是真人在回吗: 在回 is no word of the lexicon; it goes to the search, which is harmless.)
    expect(wrong.length).toBeLessThanOrEqual(2);
  });

  it("takes no line written blind as a rule question, look-up or request for small talk", () => {
    for (const file of ["scope-unseen.jsonl", "scope-unseen2.jsonl", "scope-unseen3.jsonl"]) {
      const lines = readFileSync(`test/fixtures/qa/${file}`, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { text: string; label: string });
      const taken = lines.filter(({ text, label }) => label !== "other" && socialAct(text) !== undefined);
      expect(taken, file).toEqual([]);
    }
  });
});
