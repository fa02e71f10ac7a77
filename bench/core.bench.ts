import { spawn } from "node:child_process";
import { projectRoot } from "../src/core/paths.js";
import { freePort } from "../test/support/process.js";

/** Start-up time of the real process (`npm start` path) until /healthz answers, and its memory. */
export async function run() {
  const samples: number[] = [];
  let rssKiB = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: projectRoot,
      env: { ...process.env, PORT: String(port), DATA_URL: "memory://", LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    samples.push(performance.now() - started);
    const status = await import("node:fs").then((fs) => fs.readFileSync(`/proc/${child.pid}/status`, "utf8")).catch(() => "");
    rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  samples.sort((a, b) => a - b);
  return [
    { name: "start-up to ready (median of 3, playground on, tsx)", value: samples[1]!, unit: "ms" },
    { name: "resident memory after start-up", value: rssKiB / 1024, unit: "MiB" },
  ];
}
