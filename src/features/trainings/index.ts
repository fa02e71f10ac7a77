import type { Feature } from "../../core/feature.js";
import { AuditLog } from "../admin/audit.js";
import type { FeatureContext } from "../context.js";
import { ComplianceCalendar } from "./compliance.js";
import { listTrainings, signup, unsignup } from "./public.js";
import { ReminderService } from "./reminders.js";
import type { TrainingsDeps } from "./service.js";
import { trainingCommand } from "./staff.js";
import { TrainingStore } from "./store.js";

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
  const reminders = new ReminderService({ ...deps, remindPrivately: config.trainings.remindPrivately });
  const compliance = new ComplianceCalendar({ ...deps, entries: config.trainings.compliance });
  return {
    name: "trainings",
    commands: [
      { name: "training", staffOnly: true, summaryKey: "trainings.commands.training" },
      { name: "trainings", aliases: ["培训", "培训列表"], summaryKey: "trainings.commands.trainings" },
      { name: "signup", aliases: ["报名"], summaryKey: "trainings.commands.signup" },
      { name: "unsignup", aliases: ["取消报名"], summaryKey: "trainings.commands.unsignup" },
    ],
    async handle(turn) {
      // Private reminders need the person's private chat; their own messages are how we learn it.
      if (turn.message.chat.type === "private") await store.rememberPrivateChat(turn.message.sender.key, turn.message.chat.key);
      const command = turn.command;
      if (command?.name === "training") return trainingCommand(deps, turn, command.args);
      if (command?.name === "trainings") return listTrainings(deps, turn);
      if (command?.name === "signup") return signup(deps, turn, command.args);
      if (command?.name === "unsignup") return unsignup(deps, turn, command.args);
      return undefined;
    },
    async start() {
      context.scheduler.every("trainings:reminders", "* * * * *", async (tick) => {
        await reminders.tick(tick);
        await compliance.tick(tick);
      });
      // Catch up on what came due while the bot was down.
      const now = context.clock.now();
      await reminders.tick(now, true);
      await compliance.tick(now);
    },
  };
}
