import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskPersonalData } from "../../src/core/logging.js";

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
