import { createApp } from "./app.js";
import { loadConfig } from "./config/load.js";
import { ConfigError } from "./core/errors.js";

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
    const timer = setTimeout(() => process.exit(1), 20_000);
    timer.unref();
    await app.stop();
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
