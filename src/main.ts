import { createApp } from "./app.js";
import { loadConfig } from "./config/load.js";
import { ConfigError } from "./core/errors.js";

const stopLimitMs = 9_500;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp({ config });
  await app.start();
  const on = app.platforms.map((platform) => platform.platform).join(", ");
  const url = `http://${app.address!.host}:${app.address!.port}`;
  app.logger.info({ url, platforms: on, store: app.storage.kind }, "incubot ready");
  if (app.playground) console.log(`incubot 已启动：本地试用页面 ${url} （platforms: ${on}; store: ${app.storage.kind}）`);
  else console.log(`incubot 已启动 (platforms: ${on}; health: ${url}/healthz)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, "stopping");
    // Orchestrators kill after 10 s; finish in time or say so and leave (resumable work resumes on start).
    const timer = setTimeout(() => {
      console.error("incubot: stop took longer than 10 s; exiting with work left for the next start");
      process.exit(1);
    }, stopLimitMs);
    timer.unref();
    await app.stop({ drainMs: stopLimitMs - 2000 });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  // A wrong setting or a broken knowledge article: one line that names it, no stack trace.
  if (error instanceof ConfigError || (error as Error)?.name === "KnowledgeError") {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.error("incubot failed to start:", error);
  process.exit(1);
});
