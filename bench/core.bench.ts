import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../src/core/paths.js";
import { freePort } from "../test/support/process.js";
import { seedReports } from "./seed.js";

/** The `npm start` command line, read from package.json so the bench measures what production runs. */
function startCommand(): string[] {
  const scripts = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")).scripts as Record<string, string>;
  return scripts.start!.split(/\s+/).slice(1);
}

async function start(dataUrl: string): Promise<{ child: ChildProcess; port: number; readyMs: number; cpuMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, startCommand(), {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), DATA_URL: dataUrl, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return { child, port, readyMs: performance.now() - started, cpuMs: cpuMs(child) };
}

/** CPU seconds (user + system) the process has used: start-up work, whatever the machine's load. */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

/**
 * The production run (`npm start`: compiled JavaScript from dist/): start-up until /healthz
 * answers, resident memory when idle, and with 10k stored reports after listing them all once.
 */
export async function run() {
  // What `npm start` runs first (prestart): compile, then build the artifact cache.
  const built = spawnSync("npm", ["run", "-s", "build"], { cwd: projectRoot, stdio: "inherit" });
  if (built.status !== 0) throw new Error("build failed");
  const folder = mkdtempSync(join(tmpdir(), "incubot-bench-"));
  try {
    const samples: number[] = [];
    const cpu: number[] = [];
    let idle = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const { child, readyMs, cpuMs } = await start(`sqlite://${join(folder, `empty-${attempt}.sqlite`)}`);
      samples.push(readyMs);
      cpu.push(cpuMs);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      idle = Math.max(idle, rssMiB(child));
      await stop(child);
    }
    samples.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const full = `sqlite://${join(folder, "reports.sqlite")}`;
    await seedReports(full, 10_000);
    const { child, port } = await start(full);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stored = rssMiB(child);
    const listed = performance.now();
    const reports = (await (await fetch(`http://127.0.0.1:${port}/api/reports`)).json()) as unknown[];
    const listMs = performance.now() - listed;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const loaded = rssMiB(child);
    await stop(child);
    return [
      { name: "start-up to ready (median of 3, compiled, playground, SQLite)", value: samples[1]!, unit: "ms", note: "goal ≤ 1000" },
      { name: "CPU time (user + system) to ready (median of 3)", value: cpu[1]!, unit: "ms", note: "wall time above depends on the machine's load" },
      { name: "resident memory when idle after start-up (max of 3)", value: idle, unit: "MiB", note: "goal ≤ 120" },
      { name: "resident memory with 10k stored reports, idle", value: stored, unit: "MiB", note: "goal ≤ 150" },
      { name: `GET /api/reports with ${reports.length} stored reports`, value: listMs, unit: "ms" },
      { name: "resident memory 5 s after listing all 10k reports once", value: loaded, unit: "MiB" },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
