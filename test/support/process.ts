import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { projectRoot } from "../../src/core/paths.js";

export interface BotProcess {
  url: string;
  /** POST /api/messages; resolves with the reply texts. */
  post(input: unknown): Promise<{ status: number; body: any }>;
  get(path: string): Promise<{ status: number; body: any; text: string }>;
  /** SIGTERM (or the given signal) and wait for exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function runArtifacts(): Record<string, string> {
  const folder = process.env.INCUBOT_TEST_PROCESS_ARTIFACTS;
  return folder ? { INCUBOT_ARTIFACTS: folder } : {};
}

/** Starts `tsx src/main.ts` as a real process (as `npm start` does) and waits until it is ready. */
export async function startBotProcess(env: Record<string, string> = {}): Promise<BotProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    // (The run's shared artifact folder, see global-setup.ts, unless the test sets its own.)
    env: { ...process.env, LOG_LEVEL: "warn", ...runArtifacts(), ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`bot did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const json = async (response: Response) => {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, text };
  };
  return {
    url,
    post: async (input) => json(await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) })),
    get: async (path) => json(await fetch(`${url}${path}`)),
    stop: async (signal = "SIGTERM") => {
      child.kill(signal);
      return exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
    output: () => output,
  };
}
