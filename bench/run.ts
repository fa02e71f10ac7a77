/**
 * Runs every bench/*.bench.ts and prints a table (and bench/results/latest.json).
 * `npm run bench` or `npm run bench -- telegram` for one.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { arch, cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const folder = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}`;
console.log(`incubot benchmarks — ${new Date().toISOString()}\nmachine: ${machine}\n`);
const results: Record<string, Figure[]> = {};
for (const file of files) {
  const module = (await import(new URL(file, import.meta.url).href)) as { run: () => Promise<Figure[]> };
  const started = Date.now();
  try {
    results[file] = await module.run();
  } catch (error) {
    console.error(`${file} failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
    continue;
  }
  console.log(`## ${file.replace(".bench.ts", "")} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const figure of results[file]!) {
    const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(figure.value < 10 ? 2 : 1);
    console.log(`  ${figure.name.padEnd(58)} ${value.padStart(10)} ${figure.unit}${figure.note ? `  (${figure.note})` : ""}`);
  }
  console.log("");
}
mkdirSync(new URL("results/", import.meta.url), { recursive: true });
writeFileSync(new URL("results/latest.json", import.meta.url), JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2));
process.exit(process.exitCode ?? 0);
