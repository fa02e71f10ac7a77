import type { TestBot } from "../../support/bot.js";

/** The reports a test bot has stored, in id order. */
export async function storedReports(bot: TestBot): Promise<Array<Record<string, unknown>>> {
  const list: Array<Record<string, unknown>> = [];
  for await (const [, report] of bot.app.storage.namespace<Record<string, unknown>>("reports").entries()) list.push(report);
  return list.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
