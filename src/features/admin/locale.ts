import { UserError } from "../../core/errors.js";
import type { Outcome, Turn } from "../../core/feature.js";
import { answer } from "../../core/feature.js";
import type { Texts } from "../../core/i18n.js";
import { localeOf } from "../../core/dispatcher.js";

/** Subcommands and option names of staff commands: syntax, not the language the person writes in. */
const syntax = /^(?:add|list|show|edit|cancel|roster|status|all|to|remind|cap|tags?|type)(?:[:：].*)?$/i;

/**
 * The turn as a staff command should be answered: `/training edit 3 remind:1d cap:30` is written
 * with English keywords but by a Chinese speaker, so the keywords do not make the reply English.
 */
export function staffCommandTurn(turn: Turn, texts: Texts): Turn {
  const words = turn.message.text.trim().replace(/^[/／]\S+/, "").split(/\s+/).filter((word) => word && !syntax.test(word));
  return { ...turn, t: texts.translator(localeOf(words.join(" "))) };
}

/** Runs a staff command, answering a UserError in the turn's own language (as the dispatcher would). */
export async function answeringErrors<T extends Outcome | undefined>(turn: Turn, run: () => Promise<T>): Promise<T | Outcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) return answer(turn, turn.t(error.key, error.params));
    throw error;
  }
}
