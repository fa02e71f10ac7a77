import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { projectPath, projectRoot } from "../../../src/core/paths.js";
import { runEvalReports, runExport, runExtractJsonl } from "../../../src/features/reports/cli.js";
import { emptyReport } from "../../../src/features/reports/extract/index.js";
import { ReportStore } from "../../../src/features/reports/store.js";
import { openStorage } from "../../../src/ports/storage/index.js";

// The project's own sample, in the eval format, so a clone of this repository alone runs these tests.
const sampleSet = projectPath("test/fixtures/reports-sample.jsonl");
const fields = ["organization", "title", "category", "date", "start_time", "end_time", "location", "volunteers", "volunteer_hours", "beneficiaries", "description", "photos"];

function collect(): { write(chunk: string): void; lines(): Array<Record<string, any>> } {
  let text = "";
  return { write: (chunk) => void (text += chunk), lines: () => text.trim().split("\n").map((line) => JSON.parse(line)) };
}

describe("reports command line", () => {
  const folder = mkdtempSync(join(tmpdir(), "incubot-reports-cli-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const config = configSchema.parse({ storage: { url: `sqlite://${join(folder, "store.sqlite")}` } });

  it("extract --jsonl: one line per input line, every field present, unknown ones null", async () => {
    const input = readFileSync(sampleSet, "utf8");
    const output = collect();
    const count = await runExtractJsonl(input, output, { config });
    const lines = output.lines();
    const items = input.trim().split("\n").map((line) => JSON.parse(line));
    expect(count).toBe(items.length);
    expect(lines.map((line) => line.id)).toEqual(items.map((item) => item.id));
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(["id", "is_report", "reports", "missing"]);
      for (const report of line.reports) expect(Object.keys(report)).toEqual(fields);
      for (const field of line.missing) expect(line.reports.some((report: Record<string, unknown>) => report[field] === null)).toBe(true);
    }
    const first = lines.find((line) => line.id === "sample-01")!;
    expect(first.reports[0]).toMatchObject({ date: "2025-12-31", end_time: "00:00", volunteers: 12, volunteer_hours: 48, beneficiaries: null });
    expect(lines.find((line) => line.id === "sample-04")).toEqual({ id: "sample-04", is_report: false, reports: [], missing: [] });
  });

  it("extract --jsonl answers a broken line with an error line instead of stopping", async () => {
    const output = collect();
    await runExtractJsonl('{"id":"a","reference_datetime":"2026-03-16T10:00:00+08:00","messages":["大家好"]}\nnot json\n', output, { config });
    const [good, bad] = output.lines();
    expect(good).toEqual({ id: "a", is_report: false, reports: [], missing: [] });
    expect(bad).toMatchObject({ id: null, is_report: false, error: expect.any(String) });
  });

  it("runs as `npm run -s cli -- extract --jsonl` on standard input", () => {
    const input = '{"id":"x1","reference_datetime":"2026-01-04T11:00:00+08:00","messages":["12月31号跨年那天晚上，平房蓝天救援队在平房区冰雪嘉年华现场搞安全保障，14名队员，晚8点到12点"],"notes":"ignored"}\n';
    const stdout = execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "extract", "--jsonl"], { cwd: projectRoot, input, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
    const [line] = stdout.trim().split("\n").map((text) => JSON.parse(text));
    expect(line).toMatchObject({ id: "x1", is_report: true, missing: [] });
    expect(line.reports[0]).toMatchObject({ organization: "平房蓝天救援队", date: "2025-12-31", volunteer_hours: 56 });
  });

  it("exports the stored month to an XLSX file", async () => {
    const storage = await openStorage(config.storage.url);
    const store = new ReportStore(storage, config.timeZone);
    const who = { chat: "playground:g1", reporter: "playground:alice", reporterName: "小李" };
    await store.add({ ...emptyReport(), organization: "新牧社区夕阳红志愿服务队", title: "包饺子", category: "助老", date: "2026-03-15", location: "养老院", volunteers: 8, volunteer_hours: 24, description: "陪老人包饺子" }, who, new Date("2026-03-16T02:00:00Z"));
    await store.add({ ...emptyReport(), organization: "哈飞青年志愿者服务队", title: "献血宣传", category: "健康卫生", date: "2026-04-02", location: "文化广场", volunteers: 5, volunteer_hours: 10, description: "献血宣传" }, who, new Date("2026-04-02T02:00:00Z"));
    await storage.close();

    const out = join(folder, "march.xlsx");
    expect(await runExport({ month: "2026-03", format: "xlsx", out, config })).toMatch(/已导出 1 条/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3); // the report and the totals row
    expect(sheet.getRow(1).getCell(1).value).toBe("编号");
    expect(sheet.getRow(2).getCell(1).value).toBe("R20260316-001");
    expect(sheet.getRow(2).getCell(3).value).toBe("新牧社区夕阳红志愿服务队");

    const csv = join(folder, "all.csv");
    await runExport({ format: "csv", out: csv, config });
    expect(readFileSync(csv, "utf8").trim().split("\r\n")).toHaveLength(4); // header, two reports, totals
  });

  it("eval-reports prints the three figures of the report set", async () => {
    const text = await runEvalReports(sampleSet, { config });
    expect(text).toMatch(/report \/ not-a-report accuracy: \d+\.\d%/);
    expect(text).toMatch(/field accuracy: \d+\.\d%/);
    expect(text).toMatch(/missing: precision \d+\.\d%, recall \d+\.\d%, F1 \d+\.\d%/);
  });
});
