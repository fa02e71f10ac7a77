/**
 * Activity reports: the conversation that collects them, the store, staff review, statistics,
 * exports and the reporter's privacy rights. The extractor lives in extract/.
 */
import type { Feature, Outcome, Turn } from "../../core/feature.js";
import type { Translate } from "../../core/i18n.js";
import type { Reply } from "../../core/message.js";
import type { FeatureContext } from "../context.js";
import { reportsRoutes } from "./api.js";
import { step, type DialogEvent, type StepResult } from "./dialog.js";
import { DraftStore, isCurrent, type Draft, type StoredDraft } from "./draft.js";
import { isConfidentReport } from "./extract/index.js";
import { looksLikeReport, readReports, readReportsWithLlm } from "./extraction.js";
import { Privacy } from "./privacy.js";
import { AuditLog } from "../../core/audit.js";
import { approve, exportCommand, listReports, returnReport, stats, type ReviewDeps } from "./review.js";
import { ReportStore } from "./store.js";
import { mergeCommand, Organizations } from "./organizations.js";
import { Corrections } from "./resubmit.js";
import { pickFields } from "./fields.js";
import { QUESTION, splitIntent } from "./dialog-words.js";
import { readClauses, turnClassifier } from "./turns.js";

export type ReportsContext = Pick<FeatureContext, "config" | "storage" | "clock" | "logger" | "chats" | "outbox" | "scheduler" | "texts" | "llm" | "artifacts">;

const hourMs = 3600_000;
const amendWindowMs = 10 * 60_000;

export function createReportsFeature(context: ReportsContext): Feature {
  const { config } = context;
  const timeZone = config.timeZone;
  const expiryMs = config.reports.draftExpiryHours * hourMs;
  const organizations = new Organizations(context.storage, context.chats);
  const store = new ReportStore(context.storage, timeZone, organizations);
  // The storage TTL is a safety net only; the notice comes from the expiry check below.
  const drafts = new DraftStore(context.storage, expiryMs * 2 + 24 * hourMs);
  const privacy = new Privacy(context.storage, store, drafts);
  const audit = new AuditLog(context.storage, context.clock);
  const corrections = new Corrections({ storage: context.storage, store, timeZone, staffChat: config.qa.staffChat });
  const review: ReviewDeps = { store, outbox: context.outbox, timeZone, exportFormat: config.reports.exportFormat, chats: context.chats, corrections };
  // Trained once, from the examples shipped in config/reports, or read from the artifact cache.
  const turns = turnClassifier(context.artifacts);

  const expired = (draft: Draft, now: Date) => now.getTime() - new Date(draft.updatedAt).getTime() > expiryMs;
  const expiredText = (t: Translate, draft: Draft) => t("reports.expired", { hours: config.reports.draftExpiryHours, started: draft.startedAt.slice(0, 10) });

  /** Runs the step, stores what it submits, and tells the step what happened. */
  async function run(draft: Draft | undefined, event: DialogEvent, turn: Turn): Promise<{ draft?: Draft; replies: string[]; unrelated?: boolean }> {
    const input = (next: DialogEvent) => ({ event: next, t: turn.t, timeZone, turns });
    let result: StepResult = step(draft, input(event), turn.now);
    if (result.unrelated) return { draft, replies: [], unrelated: true };
    // Group small talk not addressed to the bot gets no answer; the draft stays as it was.
    if (result.aside && turn.message.chat.type === "group" && !turn.message.mentionsBot && !turn.message.replyToBot) return { draft, replies: [] };
    const replies = [...result.replies];
    if (result.amend) {
      // A stored report is amended only until staff approved it (REPORTS.md, "edits").
      const stored = await store.get(result.amend.id);
      if (!stored) return { replies: [turn.t("reports.amendMissing")] };
      if (stored.status === "approved") return { draft, replies: [turn.t("reports.amendApproved", { id: stored.id })] };
      await store.update(stored.id, pickFields(result.amend.fields), turn.now);
      context.logger.info({ chat: stored.chat, id: stored.id }, "report amended");
    }
    while (result.submit && result.draft) {
      const current = result.draft;
      const { indices, force } = result.submit;
      const duplicates: number[] = [];
      const matches = new Set<string>();
      if (!force) {
        for (const index of indices) {
          const found = await store.duplicatesOf(current.reports[index]!);
          if (found.length) duplicates.push(index);
          for (const report of found) matches.add(report.id);
        }
      }
      if (duplicates.length) {
        result = step(current, input({ kind: "duplicates", indices: duplicates, pending: indices, matches: [...matches] }), turn.now);
      } else {
        const ids: string[] = [];
        for (const index of indices) {
          const stored = await store.add(current.reports[index]!, { chat: current.chat, reporter: current.user, reporterName: current.userName }, turn.now);
          ids.push(stored.id);
        }
        context.logger.info({ chat: current.chat, ids }, "reports stored");
        result = step(current, input({ kind: "stored", indices, ids }), turn.now);
      }
      replies.push(...result.replies);
    }
    return { draft: result.draft, replies };
  }

  async function conversation(turn: Turn): Promise<Outcome | undefined> {
    const message = photoMarksAsPhotos(turn.message);
    const notices: string[] = [];
    let draft: Draft | undefined;
    const stored: StoredDraft | undefined = await drafts.get(message.chat.key, message.sender.key);
    if (stored && !isCurrent(stored)) {
      await drafts.delete(message.chat.key, message.sender.key);
      notices.push(turn.t("reports.versionDropped"));
    } else if (stored && expired(stored, turn.now)) {
      await drafts.delete(message.chat.key, message.sender.key);
      if (stored.asking.kind !== "done") notices.push(expiredText(turn.t, stored));
    } else if (stored) {
      draft = stored;
    }
    const spokenTo = message.chat.type === "private" || message.mentionsBot || message.replyToBot;
    // Right after storing, the reporter's next words in a group may still correct it without a
    // mention; later, only words addressed to the bot do.
    if (draft?.asking.kind === "done" && !spokenTo && turn.now.getTime() - new Date(draft.updatedAt).getTime() > amendWindowMs) draft = undefined;

    const command = turn.command?.name === "report" ? turn.command : undefined;
    let outcome: { draft?: Draft; replies: string[]; unrelated?: boolean } | undefined;
    if (command) {
      const extraction = command.args && context.llm ? await readWithLlm(command.args, message.sentAt) : undefined;
      // Photos sent before /report (kept by a draft still waiting for the description) stay.
      const earlier = draft?.asking.kind === "content" ? (draft.pendingPhotos ?? 0) : 0;
      const event = startEvent(turn, command.args, await boundOrganization(message.chat.key));
      outcome = await run(undefined, { ...event, earlierPhotos: earlier, extraction }, turn);
    } else if (draft && !turn.command) {
      // The description after a bare /report is read like a first message (with the LLM, if any).
      const extraction = draft.asking.kind === "content" && message.text.trim() && context.llm ? await readWithLlm(message.text, message.sentAt) : undefined;
      outcome = await run(draft, { kind: "message", text: message.text, photos: message.photos, sentAt: message.sentAt, extraction }, turn);
    } else if (!turn.command && message.text.trim() !== "") {
      const rules = readReports([message.text], message.sentAt, { timeZone });
      // Spoken to, a looser reading: 昨天我们在社区陪老人聊天 is a report whose facts the dialog asks;
      // 你好 我来报个活动 is the wish to report, the description follows.
      const starts = (rules.is_report && (spokenTo || (config.reports.autoDetect && isConfidentReport(rules)))) || (spokenTo && (looksLikeReport(message.text, message.sentAt, { timeZone }) || splitIntent(message.text).intent || tellsOfActivity(message.text)));
      // The LLM is asked only once the rules decided to take the message.
      const extraction = starts && context.llm ? await readWithLlm(message.text, message.sentAt) : rules;
      if (starts) outcome = await run(undefined, { ...startEvent(turn, message.text, await boundOrganization(message.chat.key)), extraction }, turn);
    } else if (!turn.command && message.photos > 0 && message.chat.type === "private") {
      // Photos first, in a private chat: kept for the report whose description follows.
      outcome = await run(undefined, startEvent(turn, "", await boundOrganization(message.chat.key)), turn);
    }

    if (outcome?.unrelated) {
      // A question in the middle of a report: to the bot, other features answer it; to the group,
      // it is chatter. Either way the draft waits unchanged.
      if (draft?.asking.kind === "done") return undefined;
      return spokenTo ? undefined : { replies: [] };
    }
    if (!outcome) {
      if (notices.length) return { replies: toReplies(turn, notices), conversation: "close" };
      // Our conversation ended (expired by the sweep, forgotten): close it quietly in groups.
      if (turn.conversation === "reports" && !turn.command && message.chat.type === "group" && !message.mentionsBot && !message.replyToBot) return { replies: [], conversation: "close" };
      return undefined;
    }
    // Told before anything is stored (PIPL): the first time a person starts a report.
    const starting = command !== undefined || !draft;
    if (starting && (await privacy.firstReport(message.sender.key, turn.now))) outcome.replies.push(turn.t("reports.privacy.notice", { hours: config.reports.draftExpiryHours }));
    if (outcome.draft) await drafts.save(outcome.draft);
    else await drafts.delete(message.chat.key, message.sender.key);
    // A stored report waits for corrections, but the conversation is over: the group is not held.
    const open = outcome.draft !== undefined && outcome.draft.asking.kind !== "done";
    return { replies: toReplies(turn, [...notices, ...outcome.replies]), conversation: open ? "open" : "close" };
  }

  function startEvent(turn: Turn, text: string, organization: string | undefined): Extract<DialogEvent, { kind: "start" }> {
    const message = photoMarksAsPhotos(turn.message);
    return { kind: "start", text, photos: message.photos, sentAt: message.sentAt, chat: message.chat.key, group: message.chat.type === "group", user: message.sender.key, userName: message.sender.name, organization };
  }

  function readWithLlm(text: string, sentAt: Date) {
    return readReportsWithLlm(context.llm, [text], sentAt, { timeZone });
  }

  async function boundOrganization(chat: string): Promise<string | undefined> {
    return (await context.chats.get(chat))?.organization ?? undefined;
  }

  /** Expired drafts are dropped with a notice even when the person never writes again. */
  async function sweep(at: Date): Promise<void> {
    for await (const [key, stored] of drafts.all()) {
      if (!isCurrent(stored) || !expired(stored, at)) continue;
      await drafts.deleteKey(key);
      if (stored.asking.kind === "done") continue;
      const t = context.texts.translator("zh-CN");
      await context.outbox.send({ chat: stored.chat, text: expiredText(t, stored), mention: stored.group ? { key: stored.user, name: stored.userName } : undefined, once: `report-draft-expired:${key}:${stored.updatedAt}` });
    }
  }

  function toReplies(turn: Turn, texts: string[]): Reply[] {
    const message = turn.message;
    const mention = message.chat.type === "group" ? { key: message.sender.key, name: message.sender.name } : undefined;
    const joined = texts.filter(Boolean).join("\n");
    return joined ? [{ chat: message.chat.key, text: joined, mention, replyTo: message.id }] : [];
  }

  return {
    name: "reports",
    commands: [
      { name: "report", aliases: ["上报", "报活动", "填报"], summaryKey: "reports.commands.report" },
      { name: "reports", aliases: ["审核"], staffOnly: true, summaryKey: "reports.commands.reports" },
      { name: "approve", aliases: ["通过"], staffOnly: true, summaryKey: "reports.commands.approve" },
      { name: "return", aliases: ["退回"], staffOnly: true, summaryKey: "reports.commands.return" },
      { name: "stats", aliases: ["统计"], staffOnly: true, summaryKey: "reports.commands.stats" },
      { name: "export", aliases: ["导出"], staffOnly: true, summaryKey: "reports.commands.export" },
      { name: "merge", aliases: ["合并"], staffOnly: true, summaryKey: "reports.commands.merge" },
      { name: "fix", aliases: ["修改上报", "改上报"], summaryKey: "reports.commands.fix" },
      { name: "mydata", aliases: ["我的数据"], summaryKey: "reports.commands.mydata" },
      { name: "forgetme", aliases: ["删除我的数据"], summaryKey: "reports.commands.forgetme" },
    ],
    routes: reportsRoutes({ store, staffToken: config.server.staffToken, trustLoopback: config.server.playground, timeZone, chats: context.chats }),
    async handle(turn) {
      // A returned report being corrected field by field (resubmit.ts) goes before everything else.
      const correcting = await corrections.handle(turn);
      if (correcting) return correcting;
      switch (turn.command?.name) {
        case "reports":
          return listReports(turn, review);
        case "approve":
          await audit.record(turn, "report.approve", turn.message.text);
          return approve(turn, review);
        case "return":
          await audit.record(turn, "report.return", turn.message.text);
          return returnReport(turn, review);
        case "stats":
          return stats(turn, review);
        case "export":
          await audit.record(turn, "report.export", turn.message.text);
          return exportCommand(turn, review);
        case "merge":
          await audit.record(turn, "report.merge", turn.message.text);
          return mergeCommand(turn, { organizations, chats: context.chats, renameReports: (from, to, now) => store.renameOrganization(from, to, now) });
        case "mydata":
          return { replies: toReplies(turn, [await privacy.describe(turn.t, turn.message.sender.key, turn.message.sender.name)]) };
        case "forgetme": {
          const done = await privacy.forget(turn.message.sender.key, turn.now);
          return { replies: toReplies(turn, [turn.t("reports.privacy.forgotten", { reports: done.reports })]), conversation: "close" };
        }
        default:
          return conversation(turn);
      }
    },
    async start() {
      context.scheduler.every("reports-draft-expiry", config.reports.expirySweep, (tick) => sweep(tick));
    },
    async rekeyChat(from, to) {
      await drafts.rekeyChat(from, to);
      await store.rekeyChat(from, to, context.clock.now());
    },
  };
}

/** A message that is nothing but [图片] marks (a transcript, a bridge) is photos without a caption. */
function photoMarksAsPhotos(message: Turn["message"]): Turn["message"] {
  const marks = (message.text.match(/\[(?:图片|照片)\]/g) ?? []).length;
  if (marks === 0 || message.text.replace(/\[(?:图片|照片)\]/g, "").trim() !== "") return message;
  return { ...message, text: "", photos: message.photos + marks };
}

/** English verbs of work done: the Chinese rules already read Chinese accounts. */
const ENGLISH_DEED = /\b(?:did|done|held|ran|organi[sz]ed|visited|cleaned|cleared|helped|volunteered|taught|served|delivered|collected|hosted|planted|picked)\b/i;

/**
 * Told to the bot in English, an account of work done that the rules missed (We did some
 * volunteer work this morning: …): the turn classifier is sure it is a report and it asks nothing.
 */
function tellsOfActivity(text: string): boolean {
  if (QUESTION.test(text) || (text.match(/[a-z]{2,}/gi) ?? []).length < 4 || !ENGLISH_DEED.test(text)) return false;
  const reading = readClauses(text);
  return reading.kind === "report" && reading.scores.report >= 0.9;
}
