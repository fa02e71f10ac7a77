import type { Logger } from "pino";
import type { ChatDirectory } from "../../core/chats.js";
import type { Texts } from "../../core/i18n.js";
import type { Outbox } from "../../core/outbox.js";
import type { Clock } from "../../ports/clock.js";
import type { AuditLog } from "../../core/audit.js";
import type { TrainingStore } from "./store.js";

/** What the trainings command handlers share. */
export interface TrainingsDeps {
  store: TrainingStore;
  chats: ChatDirectory;
  outbox: Outbox;
  texts: Texts;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  defaultReminders: string[];
}
