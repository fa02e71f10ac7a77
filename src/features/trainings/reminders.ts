import type { Logger } from "pino";
import type { ChatDirectory } from "../../core/chats.js";
import type { Texts } from "../../core/i18n.js";
import type { Reply } from "../../core/message.js";
import type { Outbox } from "../../core/outbox.js";
import { offsetMs } from "./parse.js";
import type { Training, TrainingStore } from "./store.js";
import { privateChatOf, trainingGroups } from "./targets.js";
import { describeTraining, durationText } from "./texts.js";

export interface ReminderDeps {
  store: TrainingStore;
  chats: ChatDirectory;
  outbox: Outbox;
  texts: Texts;
  logger: Logger;
  timeZone: string;
  remindPrivately: boolean;
  /** How late a reminder may still go out (downtime); older ones are reported missed. Default 6 h. */
  graceMs?: number;
}

const defaultGraceMs = 6 * 3600_000;

export interface ReminderSlot {
  offset: string;
  at: Date;
}

/** The idempotency key of one reminder post; a rescheduled training gets fresh keys. */
export function reminderKey(training: Training, offset: string, chat: string): string {
  const id = training.revision > 0 ? `${training.id}.${training.revision}` : training.id;
  return `reminder:${id}:${offset}:${chat}`;
}

/** Reminder times of a training, earliest first. */
export function reminderSlots(training: Training): ReminderSlot[] {
  const start = new Date(training.start).getTime();
  return training.reminders.map((offset) => ({ offset, at: new Date(start - offsetMs(offset)) })).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Posts due reminders. Every tick looks at all slots that are due and not superseded, so a
 * minute missed (downtime, a slow tick) is caught up by the next one; the outbox's `once`
 * keys make repeated looks harmless. Slots whose time had passed when the training was
 * planned are never due, and once a training begins nothing more is sent.
 */
export class ReminderService {
  /** Keys this process already saw settled, to spare the store a look-up every minute. */
  private readonly settled = new Set<string>();

  constructor(private readonly deps: ReminderDeps) {}

  async tick(now: Date, catchingUp = false): Promise<number> {
    let posted = 0;
    for (const training of await this.deps.store.upcoming(now)) {
      const slots = reminderSlots(training).filter((slot) => slot.at.getTime() >= plannedAt(training) && slot.at <= now);
      if (slots.length === 0) continue;
      if (new Date(training.start) <= now) {
        if (catchingUp) await this.logSkipped(training, slots);
        continue;
      }
      // Only the latest due slot is posted: after downtime, "starts in 1 hour" replaces a stale "tomorrow".
      const slot = slots.at(-1)!;
      if (now.getTime() - slot.at.getTime() > (this.deps.graceMs ?? defaultGraceMs)) await this.missed(training, slot);
      else posted += await this.post(training, slot, now);
    }
    return posted;
  }

  private async post(training: Training, slot: ReminderSlot, now: Date): Promise<number> {
    const { texts, chats, store } = this.deps;
    const params = { ...describeTraining(texts, training, this.deps.timeZone), left: durationText(texts, new Date(training.start).getTime() - now.getTime()) };
    const replies: Reply[] = [];
    for (const group of await trainingGroups(chats, training)) {
      replies.push({ chat: group.key, text: texts.t("zh-CN", "trainings.reminder.group", params), once: reminderKey(training, slot.offset, group.key), buttons: [{ text: texts.t("zh-CN", "trainings.reminder.signupButton"), data: `/signup ${training.id}` }] });
    }
    if (this.deps.remindPrivately) {
      const { confirmed } = await store.roster(training);
      for (const registration of confirmed) {
        const chat = await privateChatOf(store, chats, registration.user);
        if (chat) replies.push({ chat, text: texts.t("zh-CN", "trainings.reminder.private", { ...params, name: registration.name }), once: reminderKey(training, slot.offset, chat) });
      }
    }
    const pending = replies.filter((reply) => !this.settled.has(reply.once!));
    const results = await Promise.all(pending.map((reply) => this.deps.outbox.send(reply)));
    let sent = 0;
    for (const [index, result] of results.entries()) {
      if (result.status === "sent") sent++;
      // In flight: another instance holds the send's claim. Not settled: if that instance dies, its
      // claim lapses after one lease and a later tick here sends the reminder (once, by its key).
      if (result.status !== "failed" && result.status !== "in-flight") this.remember(pending[index]!.once!);
      if (result.status === "blocked" || result.status === "failed") this.deps.logger.warn({ training: training.id, chat: pending[index]!.chat, status: result.status }, "reminder not delivered");
    }
    if (sent > 0) this.deps.logger.info({ training: training.id, offset: slot.offset, sent }, "training reminder posted");
    return sent;
  }

  private async logSkipped(training: Training, slots: ReminderSlot[]): Promise<void> {
    for (const slot of slots) {
      if (await this.deps.outbox.wasSent(reminderKey(training, slot.offset, training.origin))) continue;
      this.deps.logger.warn({ training: training.id, offset: slot.offset, due: slot.at.toISOString() }, "reminder missed while the bot was down; the training has begun, so it is skipped");
    }
  }

  /** Past the grace window: not sent late, but recorded and told to the staff chat the training came from. */
  private async missed(training: Training, slot: ReminderSlot): Promise<void> {
    const notice = `missed:${reminderKey(training, slot.offset, training.origin)}`;
    if (this.settled.has(notice)) return;
    const groups = await trainingGroups(this.deps.chats, training);
    for (const group of groups) {
      if (await this.deps.outbox.wasSent(reminderKey(training, slot.offset, group.key))) return this.remember(notice);
    }
    const { texts, timeZone } = this.deps;
    const due = new Intl.DateTimeFormat("zh-CN", { timeZone, month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(slot.at);
    this.deps.logger.warn({ training: training.id, offset: slot.offset, due: slot.at.toISOString() }, "reminder missed while the bot was down, past the grace window");
    const result = await this.deps.outbox.send({ chat: training.origin, text: texts.t("zh-CN", "trainings.reminder.missed", { ...describeTraining(texts, training, timeZone), due, hours: Math.round((this.deps.graceMs ?? defaultGraceMs) / 3600_000) }), once: notice });
    if (result.status !== "failed" && result.status !== "in-flight") this.remember(notice);
  }

  private remember(key: string): void {
    if (this.settled.size > 50_000) this.settled.clear();
    this.settled.add(key);
  }
}

/** Reminders are due only from the minute the current schedule was planned. */
function plannedAt(training: Training): number {
  return Math.floor(new Date(training.plannedAt).getTime() / 60_000) * 60_000;
}
