import { describe, expect, it } from "vitest";
import { CommandTable } from "../../src/core/commands.js";

describe("command parsing", () => {
  const table = new CommandTable();
  table.add({ name: "report", aliases: ["上报", "报活动", "填报"], summaryKey: "x" });
  table.add({ name: "broadcast", aliases: ["通知"], summaryKey: "x" });

  it.each([
    ["/report", { name: "report", args: "" }],
    ["/report@xiaoyuan_bot 今天包饺子", { name: "report", args: "今天包饺子" }],
    ["／REPORT", { name: "report", args: "" }],
    ["上报", { name: "report", args: "" }],
    ["报活动：今天上午包饺子", { name: "report", args: "今天上午包饺子" }],
    ["通知 明天停电", { name: "broadcast", args: "明天停电" }],
    ["/上报 今天", { name: "report", args: "今天" }],
  ])("reads %s as a command", (text, expected) => {
    expect(table.parse(text)).toEqual(expected);
  });

  it.each(["上报材料什么时候截止", "通知大家明天开会", "今天 /report", "报名"])("reads %s as plain text", (text) => {
    expect(table.parse(text)).toBeUndefined();
  });

  it("refuses to register one command twice", () => {
    expect(() => table.add({ name: "report", summaryKey: "x" })).toThrow(/registered twice/);
  });
});

describe("reply language", async () => {
  const { localeOf } = await import("../../src/core/dispatcher.js");
  it.each([
    ["/help", "zh-CN"],
    ["/training edit 3 remind:1h cap:30", "zh-CN"],
    ["/broadcast to:all 明天停电", "zh-CN"],
    ["/broadcast to:all x", "zh-CN"],
    ["/broadcast status", "zh-CN"],
    ["/kb reload", "zh-CN"],
    ["/training add 2026-12-03 9:00-11:00 all remind:1d", "zh-CN"],
    ["How many members does an association need?", "en"],
    ["/ask how long does registration take", "en"],
    ["民非 can set up branches?", "zh-CN"],
  ])("answers %s in %s", (text, locale) => {
    expect(localeOf(text)).toBe(locale);
  });
});
