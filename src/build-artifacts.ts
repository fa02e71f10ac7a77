/**
 * `npm run build` (and so `npm start`) runs this after compiling: it builds the derived data the
 * bot would otherwise build at every start (locale tables, the knowledge index, the trained
 * classifiers) into the artifact cache, through the same code paths the running bot takes, so
 * what it stores is exactly what a start would have built. Inputs that are already built are
 * left as they are.
 */
import { loadConfig } from "./config/load.js";
import { ConfigError } from "./core/errors.js";
import { artifactsFromEnvironment, type Artifacts } from "./core/artifacts.js";
import { loadTexts } from "./core/i18n.js";
import { projectPath } from "./core/paths.js";
import { QaService } from "./features/qa/service.js";
import { turnClassifier } from "./features/reports/turns.js";

function main(): void {
  const setting = process.env.INCUBOT_ARTIFACTS?.trim();
  if (setting === "off" || setting === "memory") {
    console.log(`artifacts: INCUBOT_ARTIFACTS=${setting}, nothing to build`);
    return;
  }
  const config = loadConfig();
  const events = {
    // Here a missing artifact is the expected case, not news; a cache that cannot be written is.
    warn: (details: { problem?: string; err?: unknown }, message: string) => {
      if (details.problem !== "missing") console.warn(`artifacts: ${message}${details.err ? ` (${(details.err as Error).message})` : ""}`);
    },
    debug: () => {},
  };
  const store = artifactsFromEnvironment(events);
  const done: string[] = [];
  // Notes which artifacts had to be built, for the summary line.
  const artifacts: Artifacts = {
    get(name, inputs, build, options) {
      const started = performance.now();
      let built = false;
      const value = store.get(name, inputs, () => ((built = true), build()), options);
      done.push(`${name} ${built ? `built (${Math.round(performance.now() - started)} ms)` : "up to date"}`);
      return value;
    },
  };
  const texts = loadTexts(projectPath("config/locales"), artifacts);
  new QaService({ config, texts, artifacts });
  turnClassifier(artifacts);
  console.log(`artifacts: ${done.join(", ")}`);
}

try {
  main();
} catch (error) {
  // A wrong setting or a broken article: the same one line the bot would print at start.
  if (error instanceof ConfigError || (error as Error)?.name === "KnowledgeError") {
    console.error((error as Error).message);
    process.exit(2);
  }
  throw error;
}
