import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBotProcess } from "../support/process.js";

const folder = mkdtempSync(join(tmpdir(), "incubot-stop-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const said = (chat: string, user: string, text: string) => ({ chat: { id: chat, type: "private", title: user }, from: { id: user, name: user }, text });

describe("graceful stop of a real process", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal}: messages under way are answered and kept, nothing is cut off, the process exits 0 within 10 s`, { timeout: 90_000 }, async () => {
      const env = { DATA_URL: `sqlite://${join(folder, `${signal}.sqlite`)}` };
      const bot = await startBotProcess(env);
      const users = Array.from({ length: 8 }, (_, index) => `u${index}`);
      // Eight people write at once; the stop arrives while their messages are being handled.
      const outcomes = users.map((user) =>
        bot.post(said(`dm-${user}`, user, "/help")).then(
          (response) => response.status,
          (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
        ),
      );
      // The stop arrives as soon as the first is answered, with the others under way.
      await Promise.race(outcomes);
      const stopping = Date.now();
      const code = await bot.stop(signal);
      const took = Date.now() - stopping;
      const results = await Promise.all(outcomes);
      expect(code, bot.output()).toBe(0);
      expect(took).toBeLessThan(10_000);
      // Answered, or refused at the door (503 / connection refused): never a reset or a 500.
      for (const result of results) expect([200, 503, "ECONNREFUSED"]).toContain(result);
      expect(results.filter((result) => result === 200).length).toBeGreaterThan(0);

      const again = await startBotProcess(env);
      try {
        for (const [index, user] of users.entries()) {
          if (results[index] !== 200) continue;
          const transcript = (await again.get(`/api/chats/dm-${user}/messages`)).body as Array<{ from: { bot: boolean }; text: string }>;
          expect(transcript.map((entry) => entry.from.bot)).toEqual([false, true]);
        }
      } finally {
        await again.stop();
      }
    });
  }
});
