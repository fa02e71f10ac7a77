import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import { configSchema } from "../../../src/config/schema.js";
import { silentLogger } from "../../../src/core/logging.js";
import { createManualScheduler } from "../../../src/ports/scheduler.js";
import { openStorage } from "../../../src/ports/storage/index.js";

const folder = mkdtempSync(join(tmpdir(), "incubot-streamed-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The raw response: headers and body text, so the test sees how it was sent. */
function get(url: string): Promise<{ headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ headers: response.headers, text }));
    })
      .on("error", reject)
      .end();
  });
}

describe("GET /api/reports with many reports", () => {
  it("sends the whole list as it reads it (chunked, several store pages), each report once; a month stays sorted", async () => {
    const storage = await openStorage(`sqlite://${join(folder, "many.sqlite")}`);
    const reports = storage.namespace("reports");
    const count = 1_234; // more than two pages of the store's listing
    for (let index = 0; index < count; index++) {
      const month = String((index % 3) + 1).padStart(2, "0");
      const day = String(28 - (index % 28)).padStart(2, "0");
      const id = `R2026${month}${day}-${String(index).padStart(4, "0")}`;
      await reports.set(id, { id, status: "submitted", return_reason: null, organization: `第${index % 7}志愿队`, title: "敬老院包饺子", category: null, date: `2026-${month}-${day}`, start_time: null, end_time: null, location: null, volunteers: 3, volunteer_hours: 6, beneficiaries: null, description: null, photos: 0, chat: "playground:g1", reporter: "playground:u1", reporter_name: "小李", created_at: `2026-${month}-${day}T09:00:00.000Z`, updated_at: `2026-${month}-${day}T09:00:00.000Z` });
    }
    const app = await createApp({ config: configSchema.parse({ server: { port: 0 } }), storage, logger: silentLogger(), llm: null, scheduler: createManualScheduler() });
    await app.start();
    try {
      const base = `http://127.0.0.1:${app.address!.port}`;
      const all = await get(`${base}/api/reports`);
      expect(all.headers["content-type"]).toMatch(/^application\/json/);
      // Streamed: no length known up front.
      expect(all.headers["transfer-encoding"]).toBe("chunked");
      expect(all.headers["content-length"]).toBeUndefined();
      const ids = (JSON.parse(all.text) as Array<{ id: string }>).map((report) => report.id);
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);

      const march = JSON.parse((await get(`${base}/api/reports?month=2026-03`)).text) as Array<{ id: string; date: string }>;
      expect(march).toHaveLength(411);
      const dates = march.map((report) => report.date);
      expect(dates).toEqual([...dates].sort());
    } finally {
      await app.stop();
    }
  });
});
