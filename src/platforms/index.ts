import type { Logger } from "pino";
import type { Config } from "../config/schema.js";
import type { Clock } from "../ports/clock.js";
import type { Storage } from "../ports/storage/index.js";
import { PlaygroundAdapter } from "./playground/adapter.js";
import type { PlatformAdapter } from "./types.js";

export interface PlatformOptions {
  config: Config;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  setRole: (user: string, role: "leader" | "volunteer") => Promise<void>;
}

/** The platforms the config turns on. The playground is there unless switched off. */
export async function createPlatforms(options: PlatformOptions): Promise<PlatformAdapter[]> {
  const { config } = options;
  const platforms: PlatformAdapter[] = [];
  if (config.server.playground) {
    platforms.push(new PlaygroundAdapter({ storage: options.storage, clock: options.clock, botName: config.bot.name, setRole: options.setRole }));
  }
  return platforms;
}
