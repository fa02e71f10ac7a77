import { answer, type CommandSpec, type Feature, type Turn } from "../../core/feature.js";
import type { FeatureContext } from "../context.js";

/** /help lists what the bot does here for this person; /whoami tells them who the bot thinks they are. */
export function createHelpFeature(context: Pick<FeatureContext, "commands" | "config">): Feature {
  return {
    name: "help",
    commands: [
      { name: "help", aliases: ["帮助", "菜单", "使用说明"], summaryKey: "help.commands.help" },
      { name: "start", summaryKey: "help.commands.help", chats: "private" },
      { name: "whoami", aliases: ["我是谁"], summaryKey: "help.commands.whoami" },
    ],
    async handle(turn) {
      const name = turn.command?.name;
      if (name === "help" || name === "start") return answer(turn, helpText(turn, context.commands(), context.config.bot.name));
      if (name === "whoami") {
        return answer(
          turn,
          turn.t("help.whoami", {
            name: turn.message.sender.name,
            user: turn.message.sender.key,
            role: turn.t(`help.roles.${turn.role}`),
            chat: turn.message.chat.key,
          }),
        );
      }
      return undefined;
    },
  };
}

function helpText(turn: Turn, commands: CommandSpec[], botName: string): string {
  const chatType = turn.message.chat.type;
  const lines = commands
    .filter((spec) => spec.name !== "start")
    .filter((spec) => !spec.staffOnly || turn.isStaff)
    // Staff also learn about commands that work only in the other kind of chat (e.g. /bind in a group).
    .filter((spec) => !spec.chats || spec.chats === "any" || spec.chats === chatType || turn.isStaff)
    .filter((spec) => turn.isStaff || !spec.roles || spec.roles.includes(turn.role))
    .map((spec) => {
      const alias = spec.aliases?.[0] ? `（${spec.aliases[0]}）` : "";
      const elsewhere = spec.chats && spec.chats !== "any" && spec.chats !== chatType ? turn.t(`help.only.${spec.chats}`) : "";
      return `/${spec.name}${alias} ${turn.t(spec.summaryKey)}${elsewhere}`;
    });
  const intro = turn.t(chatType === "group" ? "help.introGroup" : "help.introPrivate", { bot: botName });
  const staff = turn.isStaff ? `\n${turn.t("help.staffNote")}` : "";
  return `${intro}\n${lines.join("\n")}${staff}`;
}
