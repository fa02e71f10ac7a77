import { describe, expect, it } from "vitest";
import { loadTexts } from "../../../src/core/i18n.js";
import { projectPath } from "../../../src/core/paths.js";
import { step, type DialogEvent } from "../../../src/features/reports/dialog.js";
import { DRAFT_VERSION, type Draft } from "../../../src/features/reports/draft.js";

// The engine alone: no bot, no storage; the same input always gives the same output.
const t = loadTexts(projectPath("config/locales")).translator("zh-CN");
const input = (event: DialogEvent) => ({ event, t, timeZone: "Asia/Shanghai" });
const sentAt = new Date("2026-03-16T10:00:00+08:00");
const start = (text: string, organization?: string): DialogEvent => ({ kind: "start", text, photos: 0, sentAt, chat: "playground:g1", group: true, user: "playground:alice", userName: "小李", organization });
const says = (text: string, photos = 0): DialogEvent => ({ kind: "message", text, photos, sentAt });

describe("step", () => {
  it("starts a versioned draft that remembers the first message's time", () => {
    const { draft, replies } = step(undefined, input(start("昨天我们去敬老院陪老人包饺子了，一共8个人")), sentAt);
    expect(draft).toMatchObject({ v: DRAFT_VERSION, reference: sentAt.toISOString(), asking: { kind: "field", index: 0, field: "organization" } });
    expect(replies).toEqual([expect.stringMatching(/哪个组织/)]);
  });

  it("is deterministic", () => {
    const first = step(undefined, input(start("昨天我们去敬老院陪老人包饺子了，一共8个人")), sentAt);
    const second = step(undefined, input(start("昨天我们去敬老院陪老人包饺子了，一共8个人")), sentAt);
    expect(second).toEqual(first);
  });

  it("asks to submit every report on 确认 and, once they are stored, keeps them only for corrections", () => {
    let { draft } = step(undefined, input(start("昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点")), sentAt);
    const confirmed = step(draft, input(says("确认")), sentAt);
    expect(confirmed.submit).toEqual({ indices: [0], force: false });
    draft = confirmed.draft;
    const stored = step(draft, input({ kind: "stored", indices: [0], ids: ["R20260316-001"] }), sentAt);
    expect(stored.draft?.asking).toEqual({ kind: "done", ids: ["R20260316-001"] });
    expect(stored.replies[0]).toMatch(/已登记：R20260316-001/);
  });

  it("asks about duplicates and submits with force on 仍然登记", () => {
    const { draft } = step(undefined, input(start("昨天下午新牧社区夕阳红志愿服务队在新牧社区养老院陪老人包饺子，志愿者8人，2点到5点")), sentAt);
    const asked = step(draft, input({ kind: "duplicates", indices: [0], pending: [0], matches: ["R20260316-001"] }), sentAt);
    expect(asked.replies[0]).toMatch(/R20260316-001 很像/);
    expect(step(asked.draft, input(says("仍然登记")), sentAt).submit).toEqual({ indices: [0], force: true });
    expect(step(asked.draft, input(says("不登记")), sentAt).draft).toBeUndefined();
  });

  it("uses the group's organization when the message names none", () => {
    const { draft } = step(undefined, input(start("昨天我们去敬老院陪老人包饺子了，一共8个人", "新牧社区夕阳红志愿服务队")), sentAt);
    expect(draft!.reports[0]!.organization).toBe("新牧社区夕阳红志愿服务队");
  });

  it("ignores a message when there is no draft", () => {
    expect(step(undefined, input(says("确认")), sentAt)).toEqual({ replies: [] });
  });

  it("never asks for beneficiaries or start/end times when a duration is known", () => {
    let result = step(undefined, input(start("昨天我们去敬老院陪老人包饺子了，一共8个人")), sentAt);
    result = step(result.draft, input(says("新牧社区夕阳红志愿服务队")), sentAt);
    result = step(result.draft, input(says("每人2个小时")), sentAt);
    expect((result.draft as Draft).asking).toEqual({ kind: "confirm" });
    expect(result.draft!.reports[0]).toMatchObject({ volunteer_hours: 16, start_time: null, end_time: null, beneficiaries: null });
  });
});
