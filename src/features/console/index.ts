/** /console (控制台): a staff member asks for a one-time login link to the web console. */
import { AuditLog } from "../../core/audit.js";
import { answer, type Feature } from "../../core/feature.js";
import type { FeatureContext } from "../context.js";
import { ConsoleSessions, linkLifetimeMs } from "./sessions.js";

type Context = Pick<FeatureContext, "storage" | "clock">;

export interface ConsoleFeatureOptions {
  /** Where staff open the console, without a trailing slash (server.publicUrl or the local address). */
  publicUrl: () => string;
}

export function createConsoleFeature(context: Context, options: ConsoleFeatureOptions): Feature {
  const sessions = new ConsoleSessions(context.storage, context.clock);
  const audit = new AuditLog(context.storage, context.clock);
  return {
    name: "console",
    // staffOnly: the dispatcher politely refuses everyone else, and menus show it to staff only.
    commands: [{ name: "console", aliases: ["控制台"], staffOnly: true, summaryKey: "console.commands.console", chats: "private", roles: [] }],
    async handle(turn) {
      if (turn.command?.name !== "console" || !turn.isStaff) return undefined;
      // A link in a group could be opened by anybody there.
      if (turn.message.chat.type !== "private") return answer(turn, turn.t("console.privateOnly"));
      const token = await sessions.issueLink({ user: turn.message.sender.key, name: turn.message.sender.name });
      await audit.record(turn, "console.link", turn.message.text);
      const link = `${options.publicUrl().replace(/\/+$/, "")}/console/login?t=${token}`;
      return answer(turn, turn.t("console.link", { link, minutes: linkLifetimeMs / 60_000 }));
    },
  };
}
