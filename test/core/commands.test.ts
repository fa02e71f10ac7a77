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
