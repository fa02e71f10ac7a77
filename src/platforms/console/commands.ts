/**
 * Console actions run as the chat command a staff member would type (/approve, /return, /training,
 * /broadcast, /reply), through the same features: one implementation of each rule. Replies meant
 * for the staff member come back as text for the page; replies to other chats (the asker, the
 * reporter) go out through the outbox exactly as the dispatcher would send them.
 */
import { AuditLog } from "../../core/audit.js";
import { UserError } from "../../core/errors.js";
import type { CommandSpec, Feature, Outcome, Turn } from "../../core/feature.js";
import type { Texts } from "../../core/i18n.js";
import type { Command, IncomingMessage, Platform, ReplyFile } from "../../core/message.js";
import { splitKey } from "../../core/message.js";
import type { Outbox } from "../../core/outbox.js";
import type { StaffIdentity } from "../../features/console/sessions.js";
import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";
import type { Logger } from "pino";

export interface CommandDeps {
  features: Feature[];
  /** The dispatcher's command table: aliases resolve exactly as in chat. */
  commands: { parse(text: string): Command | undefined; spec(name: string): CommandSpec | undefined };
  outbox: Outbox;
  texts: Texts;
  storage: Storage;
  clock: Clock;
  logger: Logger;
}

/** The commands the console may run; everything else is refused before any feature sees it. */
const allowed = new Set(["approve", "return", "export", "training", "broadcast", "reply"]);
const conversationKeepMs = 30 * 60_000;

export interface CommandResult {
  ok: boolean;
  /** What the bot would have said to the staff member in chat. */
  text: string;
  /** The feature now waits for a follow-up (a broadcast preview waits for 确认). */
  waiting?: string;
  /** A file the bot would have attached (the /export spreadsheet). */
  file?: ReplyFile;
}

export class ConsoleCommands {
  private readonly audit;
  private readonly conversations;

  constructor(private readonly deps: CommandDeps) {
    this.audit = new AuditLog(deps.storage, deps.clock);
    this.conversations = deps.storage.namespace<string>("console-conversations");
  }

  /** The chat key the console's turns come from; nothing is ever delivered to it. */
  static chatOf(who: StaffIdentity): string {
    return `console:${who.user}`;
  }

  /** Runs one command (or the follow-up of an open conversation) as `who`; every run is audited. */
  async run(who: StaffIdentity, text: string, action: string): Promise<CommandResult> {
    const t = this.deps.texts.translator("zh-CN");
    const command = this.deps.commands.parse(text);
    const conversation = command ? undefined : await this.conversations.get(who.user);
    if (command ? !allowed.has(command.name) : !conversation) return { ok: false, text: t("console.api.notAllowed") };
    const turn = this.turn(who, text, command, conversation);
    let outcome: Outcome | undefined;
    let owner: string | undefined;
    try {
      const ordered = conversation ? this.deps.features.filter((feature) => feature.name === conversation) : this.deps.features;
      for (const feature of ordered) {
        outcome = await feature.handle(turn);
        if (outcome) {
          owner = feature.name;
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof UserError)) this.deps.logger.error({ err: error, user: who.user }, "console command failed");
      const message = error instanceof UserError ? t(error.key, error.params) : t("core.apology");
      await this.audit.record(turn, action, `${text} → ${message}`);
      return { ok: false, text: message };
    }
    await this.audit.record(turn, action, text);
    if (!outcome) return { ok: false, text: t("console.api.notAllowed") };
    if (owner && outcome.conversation === "open") await this.conversations.set(who.user, owner, conversationKeepMs);
    if (outcome.conversation === "close") await this.conversations.delete(who.user);
    const here = turn.message.chat.key;
    const mine: string[] = [];
    let file: ReplyFile | undefined;
    for (const reply of outcome.replies) {
      if (reply.chat !== here) await this.deps.outbox.send(reply);
      else {
        mine.push(reply.text);
        file ??= reply.file;
      }
    }
    const waiting = outcome.conversation === "open" ? owner : undefined;
    return { ok: true, text: mine.join("\n"), waiting, file };
  }

  private turn(who: StaffIdentity, text: string, command: Command | undefined, conversation: string | undefined): Turn {
    const now = this.deps.clock.now();
    const message: IncomingMessage = {
      id: `console-${now.getTime()}-${Math.random().toString(36).slice(2)}`,
      platform: splitKey(who.user).platform as Platform,
      chat: { key: ConsoleCommands.chatOf(who), type: "private", title: "console" },
      sender: { key: who.user, name: who.name },
      text,
      mentionsBot: false,
      replyToBot: false,
      photos: 0,
      sentAt: now,
    };
    return { message, command, addressed: true, conversation, role: "staff", isStaff: true, t: this.deps.texts.translator("zh-CN"), now };
  }

  /** An audit entry for something the console did without a command (login, edit). */
  async record(who: StaffIdentity, action: string, detail: string, groups: string[] = []): Promise<void> {
    await this.audit.record(this.turn(who, detail, undefined, undefined), action, detail, groups);
  }
}
