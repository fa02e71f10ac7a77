import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBotProcess } from "../support/process.js";

describe("restart", () => {
  const folder = mkdtempSync(join(tmpdir(), "incubot-restart-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("keeps what one process stored for the next one (transcript and de-duplication)", async () => {
    const env = { DATA_URL: `sqlite://${join(folder, "bot.sqlite")}` };
    const message = { id: "tg-42", chat: { id: "g1", type: "group" }, from: { id: "alice", name: "小李" }, text: "/help" };
    const first = await startBotProcess(env);
    expect((await first.post(message)).body.replies).toHaveLength(1);
    expect(await first.stop()).toBe(0);

    const second = await startBotProcess(env);
    try {
      // The same platform message delivered again after the restart is still recognised.
      expect((await second.post(message)).body.replies).toEqual([]);
      const transcript = (await second.get("/api/chats/g1/messages?after=0")).body as Array<{ text: string; from: { bot: boolean } }>;
      expect(transcript.map((entry) => entry.from.bot)).toEqual([false, true, false]);
    } finally {
      await second.stop();
    }
  });
});
