import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBotProcess } from "../../support/process.js";

describe("a report dialog across a real restart", () => {
  const folder = mkdtempSync(join(tmpdir(), "incubot-reports-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("resumes after the process stops and starts, and stores one complete report", async () => {
    const env = { DATA_URL: `sqlite://${join(folder, "bot.sqlite")}` };
    const sentAt = "2026-03-16T10:00:00+08:00";
    const say = (text: string) => ({ chat: { id: "g1", type: "group", title: "夕阳红群" }, from: { id: "alice", name: "小李" }, text, sent_at: sentAt });

    const first = await startBotProcess(env);
    let replies: Array<{ text: string }>;
    try {
      replies = (await first.post({ ...say("昨天我们去敬老院陪老人包饺子了，一共8个人"), mentions_bot: true })).body.replies;
      expect(replies[0]!.text).toMatch(/哪个组织/);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startBotProcess(env);
    try {
      // No mention: the conversation survived the restart.
      replies = (await second.post(say("新牧社区夕阳红志愿服务队"))).body.replies;
      expect(replies[0]!.text).toMatch(/多久|几点/);
      replies = (await second.post(say("9点到11点"))).body.replies;
      expect(replies[0]!.text).toContain("8人，共16小时");
      replies = (await second.post(say("确认"))).body.replies;
      expect(replies[0]!.text).toMatch(/已登记：R\d{8}-001/);

      const reports = (await second.get("/api/reports")).body as Array<Record<string, unknown>>;
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        status: "submitted",
        chat: "playground:g1",
        reporter: "playground:alice",
        organization: "新牧社区夕阳红志愿服务队",
        category: "助老",
        date: "2026-03-15",
        start_time: "09:00",
        end_time: "11:00",
        location: "敬老院",
        volunteers: 8,
        volunteer_hours: 16,
      });
    } finally {
      await second.stop();
    }
  });
});
