/**
 * The report conversation as a pure function over a persisted draft:
 * `step(draft, input, now) → { draft?, replies, submit?, amend? }`. Each message is first read as
 * one kind of turn (turns.ts) — answer, correction, confirmation, cancellation, side question,
 * new report or chatter — and only answers, corrections and confirmations touch the draft. The
 * step never touches storage; the feature stores what `submit` or `amend` names and tells the
 * step what happened.
 */
import { emptyReport, type ReportFields } from "./extract/index.js";
import { summarizeOne, question } from "./describe.js";
import type { Draft } from "./draft.js";
import { namesFutureDay, readReports } from "./extraction.js";
import { hoursEach, readChange } from "./corrections.js";
import { answerSide } from "./side-questions.js";
import { readClauses, turnClassifier, type TurnKind } from "./turns.js";
import { addPhotos, advance, anotherActivity, freshDraft, joinLines, pendingPrompt, takeContent, type DialogEvent, type DialogInput, type MessageEvent, type StepResult } from "./dialog-flow.js";
import { CANCEL, CANCEL_CUE, CONFIRM, CONFIRM_ONE, DROP_ONE, FORCE, KEEP_OUT, QUESTION, REJECT, RESTART, SKIP, VAGUE, WHICH, bare, numberIn, splitIntent } from "./dialog-words.js";

export type { DialogEvent, DialogInput, StepResult } from "./dialog-flow.js";

/** The reporter speaking for a team: 我们, 咱们队. */
const WE = /我们|咱们|我们队|咱队|\bwe\b|\bour\b/i;

export function step(draft: Draft | undefined, input: DialogInput, now: Date): StepResult {
  const { event, t } = input;
  if (event.kind === "start") {
    const fresh = freshDraft(event, event.sentAt, now, event.earlierPhotos ?? 0);
    if (event.text.trim() === "") return { draft: { ...fresh, pendingPhotos: (fresh.pendingPhotos ?? 0) + event.photos }, replies: [event.photos > 0 ? t("reports.photos.early", { count: event.photos }) : t("reports.ask.content")] };
    return takeContent(fresh, event.text, event.photos, event.sentAt, input, event.extraction);
  }
  if (!draft) return { replies: [] };
  const touched: Draft = { ...draft, updatedAt: now.toISOString() };
  if (event.kind === "duplicates") {
    const next: Draft = { ...touched, asking: { kind: "duplicate", indices: event.indices, pending: event.pending, matches: event.matches } };
    return { draft: next, replies: [t("reports.duplicate.ask", { ids: event.matches.join("、") })] };
  }
  if (event.kind === "stored") {
    const stored = touched.reports.filter((_, index) => event.indices.includes(index));
    const remaining = touched.reports.filter((_, index) => !event.indices.includes(index));
    const said = t("reports.stored", { ids: event.ids.join("、") });
    // Kept as "done" so that a correction before review amends the stored report.
    if (remaining.length === 0) return { draft: { ...touched, reports: stored, asking: { kind: "done", ids: event.ids } }, replies: [said] };
    return advance({ ...touched, reports: remaining }, input, said);
  }
  return answer(touched, event, input, now);
}

function answer(draft: Draft, event: MessageEvent, input: DialogInput, now: Date): StepResult {
  const { t } = input;
  let word = bare(event.text);
  if (word === "" && /👌|👍|✅|🆗/u.test(event.text)) word = "ok";
  const asking = draft.asking;
  if (asking.kind === "done") return afterStored(draft, event, input, now);
  if (RESTART.test(word)) return { draft: { ...draft, reports: [], approximate: [], asking: { kind: "content" }, pendingPhotos: 0 }, replies: [t("reports.restarted")] };
  if (asking.kind === "duplicate") return duplicateStep(draft, asking, word, input);
  if (asking.kind === "content") {
    if (CANCEL.test(word)) return { replies: [t("reports.cancelled")] };
    if (word === "") return { draft: { ...draft, pendingPhotos: (draft.pendingPhotos ?? 0) + event.photos }, replies: [t("reports.photos.early", { count: event.photos })] };
    // A question while the bot waits for the description: answered here or by the knowledge base.
    if (readClauses(event.text, input.turns).kind === "question" && !readReports([event.text], event.sentAt, { timeZone: input.timeZone }).is_report) {
      const said = answerSide(t, event.text, undefined);
      return said ? { draft, replies: [joinLines(said, pendingPrompt(draft, t))] } : { draft, replies: [], unrelated: true };
    }
    return takeContent(draft, event.text, event.photos, event.sentAt, input, event.extraction);
  }
  if (word === "" && event.photos > 0) return addPhotos(draft, event.photos, input);
  const kind = readTurn(draft, event, word, input);
  const index = asking.kind === "field" ? asking.index : 0;
  switch (kind) {
    case "cancel":
      return cancel(draft, event, input, now);
    case "question": {
      const said = answerSide(t, event.text, draft.reports[index]);
      return said ? { draft, replies: [joinLines(said, pendingPrompt(draft, t))] } : { draft, replies: [], unrelated: true };
    }
    case "chatter":
      return { draft, replies: [joinLines(t("reports.chatter"), pendingPrompt(draft, t))], aside: true };
    case "confirm":
      if (asking.kind === "confirm") return { draft, replies: [], submit: { indices: draft.reports.map((_, position) => position), force: false } };
      // 确认 while a field is missing: the answer may ride along (行 那就5个 确认); else ask again.
      if (asking.kind === "field" && !CONFIRM.test(word) && asking.field in readChange(draft, event.text, input.timeZone, asking.field, draft.reports[index]!).update) return correct(draft, index, event, input, asking.field);
      return { draft, replies: [joinLines(t("reports.stillMissing"), pendingPrompt(draft, t))] };
    default:
      break;
  }
  const added = anotherActivity(draft, event, input);
  if (added) return added;
  if (asking.kind === "confirm") return confirmStep(draft, event, word, input);
  if (asking.kind !== "field") return { draft, replies: [pendingPrompt(draft, t)] };
  const asked = draft.reports[asking.index]?.[asking.field];
  const filled = asked !== null && asked !== undefined && asked !== "";
  if (REJECT.test(word)) return { draft, replies: [joinLines(t("reports.stillMissing"), question(t, draft.reports, asking.index, asking.field))] };
  if (SKIP.test(word) && !filled) {
    const skipped = [...(draft.skipped ?? []), `${asking.index}:${asking.field}`];
    return advance({ ...draft, skipped }, input, t("reports.skipped"));
  }
  const target = draft.reports.length > 1 ? (numberIn(event.text, WHICH) ?? asking.index) : 0;
  return correct(draft, target, event, input, target === asking.index ? asking.field : undefined);
}

/**
 * The kind of turn: exact control words first, then the classifier, checked against what the
 * message would fill. Chatter or a question that gives the asked value (是8个人吗) is an answer;
 * a confirmation that also says something is wrong is a correction.
 */
function readTurn(draft: Draft, event: MessageEvent, word: string, input: DialogInput): TurnKind {
  if (CANCEL.test(word)) return "cancel";
  if (CONFIRM.test(word)) return "confirm";
  if (REJECT.test(word) || SKIP.test(word) || CONFIRM_ONE.test(word) || DROP_ONE.test(word)) return "answer";
  const reading = readClauses(event.text, input.turns);
  const { scores } = reading;
  let kind = reading.kind;
  const asking = draft.asking;
  if (kind === "chatter" || kind === "question") {
    const field = asking.kind === "field" ? asking.field : undefined;
    const index = asking.kind === "field" ? asking.index : 0;
    const change = readChange(draft, event.text, input.timeZone, field, draft.reports[index] ?? emptyReport());
    // 活动名称改成… names what it changes; 明天 answers "which day?" even though it cannot be taken.
    if (change.named && !QUESTION.test(event.text)) return "correction";
    if (field && scores[kind] < 0.9 && field in change.update) return "answer";
    if (field === "date" && word.length <= 4 && namesFutureDay(event.text, new Date(draft.reference), input)) return "answer";
  }
  if (kind === "confirm" && scores.correction >= 0.25) kind = "correction";
  // Dropping a draft loses work: a cancellation must say no or take something back.
  if (kind === "cancel" && !CANCEL_CUE.test(event.text)) kind = "chatter";
  return kind;
}

function duplicateStep(draft: Draft, asking: Extract<Draft["asking"], { kind: "duplicate" }>, word: string, input: DialogInput): StepResult {
  const { t } = input;
  if (FORCE.test(word)) return { draft, replies: [], submit: { indices: asking.pending, force: true } };
  if (!KEEP_OUT.test(word)) return { draft, replies: [t("reports.duplicate.ask", { ids: asking.matches.join("、") })] };
  const remaining = draft.reports.filter((_, index) => !asking.indices.includes(index));
  const shift = (index: number) => index - asking.indices.filter((dropped) => dropped < index).length;
  const pending = asking.pending.filter((index) => !asking.indices.includes(index)).map(shift);
  if (remaining.length === 0) return { replies: [t("reports.duplicate.dropped")] };
  const kept: Draft = { ...draft, reports: remaining, asking: { kind: "confirm" } };
  if (pending.length) return { draft: kept, replies: [t("reports.duplicate.dropped")], submit: { indices: pending, force: true } };
  return advance(kept, input, t("reports.duplicate.dropped"));
}

/**
 * 算了不报了: the draft goes. When the same message goes on to describe another activity
 * (…这个不报了。我报下今天的：…), that one starts a new draft.
 */
function cancel(draft: Draft, event: MessageEvent, input: DialogInput, now: Date): StepResult {
  const { t } = input;
  const sentences = event.text.split(/(?<=[。！!；;\n：:])/).map((part) => part.trim()).filter(Boolean);
  for (let from = 1; from < sentences.length; from += 1) {
    const rest = sentences.slice(from).join("");
    if (!readReports([splitIntent(rest).rest], event.sentAt, { timeZone: input.timeZone }).is_report) continue;
    const known = draft.reports[0]?.organization ?? draft.organization;
    const result = takeContent(freshDraft(draft, event.sentAt, now), rest, event.photos, event.sentAt, input, undefined, known ?? undefined);
    return { ...result, replies: [joinLines(t("reports.cancelled"), ...result.replies)] };
  }
  return { replies: [t("reports.cancelled")] };
}

function confirmStep(draft: Draft, event: MessageEvent, word: string, input: DialogInput): StepResult {
  const { t } = input;
  const one = numberIn(word, CONFIRM_ONE);
  if (one !== undefined && one < draft.reports.length) return { draft, replies: [], submit: { indices: [one], force: false } };
  const dropMatch = DROP_ONE.exec(word);
  if (dropMatch) {
    const drop = numberIn(dropMatch[1] ?? dropMatch[2]!, /([1-9一二三四五六七八九])/);
    if (drop !== undefined && drop < draft.reports.length) {
      const remaining = draft.reports.filter((_, index) => index !== drop);
      if (remaining.length === 0) return { replies: [t("reports.cancelled")] };
      return advance({ ...draft, reports: remaining }, input, t("reports.dropped", { number: drop + 1 }));
    }
  }
  if (REJECT.test(word)) return { draft, replies: [t("reports.whatToFix")] };
  let target = 0;
  if (draft.reports.length > 1) {
    const named = numberIn(event.text, WHICH);
    if (named === undefined || named >= draft.reports.length) return { draft, replies: [t("reports.whichOne")] };
    target = named;
  }
  return correct(draft, target, event, input, undefined);
}

/** Applies an answer or correction to one report, then asks on or re-summarises. */
function correct(draft: Draft, index: number, event: MessageEvent, input: DialogInput, asking: keyof ReportFields | undefined): StepResult {
  const { t } = input;
  const report = draft.reports[index] ?? emptyReport();
  const text = event.text.replace(WHICH, " ").trim();
  const { update, unread } = readChange(draft, text, input.timeZone, asking, report);
  if (unread && Object.keys(update).length === 0) {
    // 时间错了 / 人数不对: the field is named, its new value is not: ask for it.
    const next: Draft = { ...draft, asking: { kind: "field", index, field: unread } };
    return { draft: next, replies: [`${t("reports.ok")}${question(t, draft.reports, index, unread)}`] };
  }
  const photos = /\[图片\]/.test(event.text) ? 0 : event.photos;
  if (Object.keys(update).length === 0 && photos === 0) {
    if (QUESTION.test(text)) return { draft, replies: [], unrelated: true };
    if (draft.asking.kind === "field" && draft.asking.field === "date" && namesFutureDay(text, new Date(draft.reference), input)) return { draft, replies: [t("reports.futureDay")] };
    if (draft.asking.kind === "field" && VAGUE.test(text)) return { draft, replies: [`${t("reports.vague")}${pendingPrompt(draft, t)}`] };
    return { draft, replies: [joinLines(t("reports.notUnderstood"), pendingPrompt(draft, t))] };
  }
  // Restating what is on record (it was today) changes nothing: say so by asking on.
  const changes = (Object.keys(update) as Array<keyof ReportFields>).filter((field) => update[field] !== report[field]);
  if (changes.length === 0 && photos === 0) return { draft, replies: [joinLines(t("reports.chatter"), pendingPrompt(draft, t))], aside: true };
  const merged: ReportFields = { ...report, ...update, photos: (update.photos ?? report.photos) + photos };
  const reports = draft.reports.map((existing, position) => (position === index ? merged : existing));
  const each = merged.volunteer_hours === null ? hoursEach(text) : undefined;
  const told = each === undefined ? draft.hoursEach : { ...draft.hoursEach, [index]: each };
  const approximate = draft.approximate.filter((field) => !(field in update));
  const asked = draft.asking.kind === "field" ? draft.asking.field : undefined;
  const lead = draft.asking.kind === "confirm" || (asked && !missingIn(report, asked))
    ? t("reports.updated")
    // 地点改成… while asked how many: say it was taken before asking again.
    : asked && !(asked in update) && !(asked === "volunteer_hours" && ("start_time" in update || "end_time" in update)) ? t("reports.noted") : undefined;
  const skipped = draft.skipped?.filter((entry) => !Object.keys(update).some((field) => entry === `${index}:${field}`));
  const result = advance({ ...draft, reports, approximate, skipped, hoursEach: told }, input, lead);
  if (unread && result.draft) {
    result.draft = { ...result.draft, asking: { kind: "field", index, field: unread } };
    result.replies = [joinLines(lead, question(t, reports, index, unread))];
  }
  return result;
}

/**
 * After the reports were stored: a new activity starts a new draft; a correction amends the
 * stored report (the feature refuses once staff approved it); anything else is not ours.
 */
function afterStored(draft: Draft, event: MessageEvent, input: DialogInput, now: Date): StepResult {
  const { t } = input;
  if (draft.asking.kind !== "done") return { draft, replies: [], unrelated: true };
  // Photos alone after a report: the start of the next one (they belong to the description that follows).
  if (event.text.trim() === "") return { draft: freshDraft(draft, event.sentAt, now, event.photos), replies: [t("reports.photos.early", { count: event.photos })] };
  const reading = (input.turns ?? turnClassifier()).read(event.text);
  const { intent, rest } = splitIntent(event.text);
  const known = draft.reports[0]?.organization ?? draft.organization;
  if (intent || (reading.kind !== "correction" && readReports([rest], event.sentAt, { timeZone: input.timeZone }).is_report)) {
    // 还有一个 昨天我们…: "we", right after a report, is the team of that report.
    const base = WE.test(rest) && known ? { ...draft, organization: known } : draft;
    return takeContent(freshDraft(base, event.sentAt, now), event.text, event.photos, event.sentAt, input, undefined, known ?? undefined);
  }
  if (reading.kind !== "correction" && reading.kind !== "answer") return { draft, replies: [], unrelated: true };
  const ids = draft.asking.ids;
  const index = Math.min(numberIn(event.text, WHICH) ?? ids.length - 1, ids.length - 1);
  const report = draft.reports[index] ?? emptyReport();
  const { update } = readChange(draft, event.text.replace(WHICH, " "), input.timeZone, undefined, report);
  if (Object.keys(update).length === 0) return { draft, replies: [], unrelated: true };
  const merged: ReportFields = { ...report, ...update };
  const reports = draft.reports.map((existing, position) => (position === index ? merged : existing));
  return { draft: { ...draft, reports }, replies: [joinLines(t("reports.amended", { id: ids[index]! }), summarizeOne(t, merged))], amend: { id: ids[index]!, fields: merged } };
}

function missingIn(report: ReportFields | undefined, field: keyof ReportFields): boolean {
  const value = report?.[field];
  return value === null || value === undefined || value === "";
}
