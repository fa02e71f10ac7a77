import { readFileSync } from "node:fs";
import { projectPath } from "../src/core/paths.js";
import { readReports } from "../src/features/reports/extraction.js";
import { startTestBot } from "../test/support/bot.js";

interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** The rule extractor over the project's sample messages (the chat's and the CLI's code path). */
function extraction(): Figure[] {
  const items = readFileSync(projectPath("test/fixtures/reports-sample.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { messages: string[]; reference_datetime: string });
  const options = { timeZone: "Asia/Shanghai" };
  for (const item of items) readReports(item.messages, new Date(item.reference_datetime), options); // warm-up
  const latencies: number[] = [];
  const rounds = 300;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const begin = performance.now();
      readReports(item.messages, new Date(item.reference_datetime), options);
      latencies.push(performance.now() - begin);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const note = `${items.length} sample items × ${rounds}`;
  return [
    { name: "report extraction throughput", value: latencies.length / seconds, unit: "items/s", note },
    { name: "report extraction latency p50", value: percentile(latencies, 0.5), unit: "ms", note },
    { name: "report extraction latency p99", value: percentile(latencies, 0.99), unit: "ms", note },
  ];
}

/** Whole dialogs through the dispatcher over the playground (memory store, no network). */
async function dialogs(): Promise<Figure[]> {
  const bot = await startTestBot();
  const turns = ["昨天我们去敬老院陪老人包饺子了，一共8个人", "新牧社区夕阳红志愿服务队", "9点到11点", "确认"];
  const people = 150;
  try {
    for (const text of turns) await bot.private("warm").user("warm").says(text);
    const started = performance.now();
    for (let person = 0; person < people; person++) {
      const speaker = bot.private(`p${person}`).user(`p${person}`);
      for (const text of turns) await speaker.says(text);
    }
    const seconds = (performance.now() - started) / 1000;
    return [{ name: "report dialog turns through the dispatcher", value: (people * turns.length) / seconds, unit: "turns/s", note: `${people} dialogs × ${turns.length} turns, sequential, memory store` }];
  } finally {
    await bot.close();
  }
}

export async function run(): Promise<Figure[]> {
  return [...extraction(), ...(await dialogs())];
}
