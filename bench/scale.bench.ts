import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/app.js";
import { configSchema } from "../src/config/schema.js";
import { silentLogger } from "../src/core/logging.js";
import { openStorage } from "../src/ports/storage/index.js";
import { createManualScheduler } from "../src/ports/scheduler.js";
import { seedReports } from "./seed.js";

const count = Number(process.env.BENCH_REPORTS ?? 100_000);

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/** The staff's report list (GET /api/reports, whole and one month) and /stats with many stored reports. */
export async function run() {
  const folder = mkdtempSync(join(tmpdir(), "incubot-scale-"));
  try {
    const url = `sqlite://${join(folder, "scale.sqlite")}`;
    const [seedMs] = await timed(() => seedReports(url, count));
    const app = await createApp({ config: configSchema.parse({ server: { port: 0 } }), storage: await openStorage(url), logger: silentLogger(), llm: null, scheduler: createManualScheduler() });
    await app.start();
    const base = `http://127.0.0.1:${app.address!.port}`;
    // Seeded straight into the store, as an older version left it: the first month list builds the index.
    const [indexMs] = await timed(async () => (await fetch(`${base}/api/reports?month=2026-01`)).json());
    const [monthMs, month] = await timed(async () => (await (await fetch(`${base}/api/reports?month=2026-03`)).json()) as unknown[]);
    // The whole list is read as it arrives and not kept, so the RSS figures are the server's side.
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    const [allMs, all] = await timed(() => readList(`${base}/api/reports`));
    clearInterval(sampler);
    const staff = { chat: { id: "office", type: "private" as const }, from: { id: "staff", name: "园区老张" } };
    const [statsMs, stats] = await timed(() => app.playground!.post({ ...staff, text: "/stats 2026-03" }));
    const rss = process.memoryUsage().rss / 2 ** 20;
    await app.stop();
    const answered = ((stats.body as { replies?: Array<{ text: string }> }).replies ?? []).length > 0;
    return [
      { name: `seeding ${count} reports into SQLite`, value: seedMs / 1000, unit: "s" },
      { name: "first month list: indexing a store written before the index (once)", value: indexMs / 1000, unit: "s" },
      { name: `GET /api/reports?month=2026-03 (${month.length} of ${count})`, value: monthMs, unit: "ms" },
      { name: `GET /api/reports, all ${all.reports} (${(all.bytes / 2 ** 20).toFixed(0)} MiB of JSON), streamed`, value: allMs, unit: "ms" },
      { name: "GET /api/reports, all: time to the first bytes", value: all.firstMs, unit: "ms" },
      { name: "resident memory growth while the whole list is sent (peak)", value: (rssPeak - rssBefore) / 2 ** 20, unit: "MiB" },
      { name: `/stats 2026-03 with ${count} stored${answered ? "" : " (no answer!)"}`, value: statsMs, unit: "ms" },
      { name: "resident memory of the bench process after these", value: rss, unit: "MiB" },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Reads a JSON list response chunk by chunk, counting reports and bytes, noting when the first bytes came. */
async function readList(url: string): Promise<{ reports: number; bytes: number; firstMs: number }> {
  const started = performance.now();
  let firstMs = 0;
  const response = await fetch(url);
  const decoder = new TextDecoder();
  let reports = 0;
  let bytes = 0;
  let carry = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstMs = performance.now() - started;
    bytes += chunk.length;
    const text = carry + decoder.decode(chunk, { stream: true });
    reports += text.split('"reporter_name":').length - 1;
    // One character short of the marker: a marker cut between two chunks is counted once, none twice.
    carry = text.slice(-('"reporter_name":'.length - 1));
  }
  return { reports, bytes, firstMs };
}
