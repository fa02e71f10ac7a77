import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Feature } from "../../src/core/feature.js";
import { createLogger, maskPersonalData } from "../../src/core/logging.js";
import { startTestBot } from "../support/bot.js";

describe("log masking", () => {
  it("masks mobile and ID-card numbers in text", () => {
    expect(maskPersonalData("联系13912345678")).toBe("联系139****5678");
    expect(maskPersonalData("身份证230108199001011234")).toBe("身份证230108********1234");
    expect(maskPersonalData("订单号 20261126")).toBe("订单号 20261126");
  });

  it("masks them in every field of a JSON log line", () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "info", stream });
    logger.info({ text: "我的电话13800001111", nested: { id: "23010819900101123X" } }, "user said 13800001111");
    const line = lines.join("");
    expect(line).not.toMatch(/13800001111|23010819900101123X/);
    expect(line).toContain("138****1111");
  });
});

describe("personal numbers never reach the log", () => {
  const phone = "13912345678";
  const idCard = "230108199001011234";
  const bankCard = "6222021234567890123";
  const typed = [
    `电话${phone}`,
    "电话 139 1234 5678",
    "电话：+86 139-1234-5678",
    "电话１３９１２３４５６７８",
    `身份证号${idCard}`,
    "身份证 23010819900101123x",
    `工资卡${bankCard}`,
    "卡号 6222 0212 3456 7890",
    "卡号6228-4800-1234-5678-9",
  ];

  it("masks them however they are typed: spaced, hyphenated, full-width, with +86", () => {
    for (const text of typed) expect(maskPersonalData(text), text).not.toMatch(/\d{4}[ -]?\d{4}[ -]?\d{4}|[０-９]{5}|1391234|12345678|4800/);
    expect(maskPersonalData("卡号 6222 0212 3456 7890")).toBe("卡号 6222 **** **** 7890");
    expect(maskPersonalData("报告 R20260316-001，8人，3小时，2026-03-16 14:00")).toBe("报告 R20260316-001，8人，3小时，2026-03-16 14:00");
  });

  it("keeps them out of every line at LOG_LEVEL=debug, from messages, fields and errors", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const failing: Feature = {
      name: "failing",
      handle: async (turn) => {
        if (turn.message.text.includes("出错")) throw new Error(`could not store ${turn.message.text}`);
        return undefined;
      },
    };
    const bot = await startTestBot({ logger: createLogger({ level: "debug", stream }), features: () => [failing] });
    for (const text of typed) await bot.private("alice").user("alice").says(text);
    await bot.private("alice").user("alice").says(`出错了 ${phone} ${idCard} ${bankCard}`);
    bot.app.logger.info({ user: { phone, bank_card: bankCard }, note: `卡 ${bankCard}` }, "fields");
    await bot.close();
    const log = lines.join("");
    expect(log).toContain('"msg":"message in"');
    expect(log).toMatch(/"level":50/);
    for (const secret of [phone, idCard, bankCard, "1234 5678", "１３９１２３４５６７８", "6222 0212 3456 7890", "1234-5678-9"]) expect(log).not.toContain(secret);
  });
});
