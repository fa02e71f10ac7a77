import type { TestBot } from "./bot.js";

/** Puts a test bot's HTTP server on a free loopback port; resolves with its base URL. */
export async function listen(bot: TestBot): Promise<string> {
  const address = await bot.app.http.listen("127.0.0.1", 0);
  return `http://127.0.0.1:${address.port}`;
}
