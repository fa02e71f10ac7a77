import type { Logger } from "pino";
import type { Config } from "../config/schema.js";
import type { ChatDirectory } from "../core/chats.js";
import type { Artifacts } from "../core/artifacts.js";
import type { Texts } from "../core/i18n.js";
import type { Outbox } from "../core/outbox.js";
import type { Roles } from "../core/roles.js";
import type { Clock } from "../ports/clock.js";
import type { Llm } from "../ports/llm.js";
import type { Scheduler } from "../ports/scheduler.js";
import type { Storage } from "../ports/storage/index.js";

/** What every feature may be given. Each feature takes only the parts it needs. */
export interface FeatureContext {
  config: Config;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  texts: Texts;
  roles: Roles;
  chats: ChatDirectory;
  /** For proactive posts (reminders, broadcasts, hand-off answers) outside a turn. */
  outbox: Outbox;
  scheduler: Scheduler;
  llm?: Llm;
  /** Derived data kept between starts (search index, trained models); absent: built in process. */
  artifacts?: Artifacts;
  /** Lists the commands of all features (for /help). */
  commands: () => import("../core/feature.js").CommandSpec[];
}
