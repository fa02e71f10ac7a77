import type { Feature, Outcome, Turn } from "../../core/feature.js";
import { AuditLog } from "../../core/audit.js";
import type { FeatureContext } from "../context.js";
import { ComplianceCalendar } from "./compliance.js";
import { listTrainings, signup, unsignup } from "./public.js";
import { ReminderService } from "./reminders.js";
import type { TrainingsDeps } from "./service.js";
import { subcommands, trainingCommand } from "./staff.js";
import { TrainingStore } from "./store.js";
import { MissedNotices } from "./missed.js";

type Context = Pick<FeatureContext, "config" | "storage" | "clock" | "logger" | "texts" | "chats" | "outbox" | "scheduler">;

/**
 * Trainings: staff schedule them (/training), anyone lists (/trainings) and signs up (/signup);
 * reminders and the compliance calendar are posted by a minute tick, each slot exactly once.
 */
export function createTrainingsFeature(context: Context): Feature {
  const { config } = context;
  const store = new TrainingStore(context.storage, context.clock);
  const deps: TrainingsDeps = {
    store,
    chats: context.chats,
    outbox: context.outbox,
    texts: context.texts,
    audit: new AuditLog(context.storage, context.clock),
    clock: context.clock,
    logger: context.logger,
    timeZone: config.timeZone,
    defaultReminders: config.trainings.defaultReminders,
  };
  const graceMs = config.trainings.catchUpGraceHours * 3600_000;
  const reminders = new ReminderService({ ...deps, remindPrivately: config.trainings.remindPrivately, graceMs });
  const missed = new MissedNotices(context.storage, { outbox: context.outbox, texts: context.texts, timeZone: config.timeZone, staffChat: config.qa.staffChat });
  const compliance = new ComplianceCalendar({ ...deps, entries: config.trainings.compliance, graceMs, missed });
  async function commandOutcome(turn: Turn): Promise<Outcome | undefined> {
    const command = turn.command;
    if (command?.name === "training") return trainingCommand(deps, turn, command.args);
    if (command?.name === "trainings") {
      // Staff write 培训 添加 … / 培训 取消 3 as readily as /training add …: the same command.
      const word = command.args.trim().split(/\s+/)[0] ?? "";
      if (word && subcommands[word.toLowerCase()] && turn.isStaff) return trainingCommand(deps, turn, command.args);
      return listTrainings(deps, turn);
    }
    if (command?.name === "missed") return missed.command(turn);
    if (command?.name === "signup") return signup(deps, turn, command.args);
    if (command?.name === "unsignup") return unsignup(deps, turn, command.args);
    // 报名3 / 取消报名3 (no space) is how many people type it; the command parser wants a space.
    const glued = command ? null : /^(取消报名|报名)(?:[#＃]|第)?(\d+)(?:个|号|期)?$/.exec(turn.message.text.trim());
    if (glued) return glued[1] === "报名" ? signup(deps, turn, glued[2]!) : unsignup(deps, turn, glued[2]!);
    return undefined;
  }

  return {
    name: "trainings",
    commands: [
      { name: "training", staffOnly: true, summaryKey: "trainings.commands.training" },
      { name: "trainings", aliases: ["培训", "培训列表"], summaryKey: "trainings.commands.trainings" },
      { name: "signup", aliases: ["报名"], summaryKey: "trainings.commands.signup" },
      { name: "unsignup", aliases: ["取消报名"], summaryKey: "trainings.commands.unsignup" },
      { name: "missed", aliases: ["漏发提醒"], staffOnly: true, summaryKey: "trainings.missedNotices.command" },
    ],
    rekeyChat: (from, to) => store.rekeyChat(from, to),
    async handle(original) {
      // Private reminders need the person's private chat; their own messages are how we learn it.
      if (original.message.chat.type === "private") await store.rememberPrivateChat(original.message.sender.key, original.message.chat.key);
      const command = original.command;
      if (command && ["training", "trainings", "signup", "unsignup", "missed"].includes(command.name)) {
        return commandOutcome(original);
      }
      return commandOutcome(original);
    },
    async start() {
      context.scheduler.every("trainings:reminders", "* * * * *", async (tick) => {
        await reminders.tick(tick);
        await compliance.tick(tick);
      });
      // Catch up on what came due while the bot was down.
      const now = context.clock.now();
      await reminders.tick(now, true);
      await compliance.catchUp(now);
    },
  };
}
