import { answer, type Outcome, type Turn } from "../../core/feature.js";
import type { Texts } from "../../core/i18n.js";
import type { Outbox } from "../../core/outbox.js";
import type { KeyValue, Storage } from "../../ports/storage/index.js";

/** A notice that came due while the bot was down and was not sent late (past the grace window). */
export interface MissedNotice {
  /** The compliance entry's id. */
  entry: string;
  /** When it was due (ISO). */
  due: string;
  /** The notice's text, so staff can send it by hand. */
  text: string;
}

const keepMs = 90 * 24 * 3600_000;

/**
 * Missed notices are recorded (one key per entry and day) and told once to the staff chat, so
 * staff learn of them from the bot and can list them with /missed, not only from the log.
 */
export class MissedNotices {
  private readonly records: KeyValue<MissedNotice>;

  constructor(
    storage: Storage,
    private readonly deps: { outbox: Outbox; texts: Texts; timeZone: string; staffChat: string | null },
  ) {
    this.records = storage.namespace<MissedNotice>("missed-notices");
  }

  async record(key: string, notice: MissedNotice): Promise<void> {
    if (await this.records.get(key)) return;
    await this.records.set(key, notice, keepMs);
    const { staffChat, texts } = this.deps;
    if (staffChat) await this.deps.outbox.send({ chat: staffChat, text: texts.t("zh-CN", "trainings.missedNotices.staffLine", this.describe(notice)), once: `missed-notice:${key}` });
  }

  /** Newest first. The namespace holds a few entries a year, so reading it whole is cheap. */
  async list(): Promise<MissedNotice[]> {
    const all: MissedNotice[] = [];
    for await (const [, notice] of this.records.entries()) all.push(notice);
    return all.sort((a, b) => b.due.localeCompare(a.due));
  }

  /** /missed: staff see what was not sent and its text. */
  async command(turn: Turn): Promise<Outcome> {
    if (!turn.isStaff) return answer(turn, turn.t("core.staffOnly"));
    const notices = (await this.list()).slice(0, 20);
    if (notices.length === 0) return answer(turn, turn.t("trainings.missedNotices.none"));
    return answer(turn, [turn.t("trainings.missedNotices.title"), ...notices.map((notice) => turn.t("trainings.missedNotices.line", this.describe(notice)))].join("\n"));
  }

  private describe(notice: MissedNotice): Record<string, string> {
    const due = new Intl.DateTimeFormat("zh-CN", { timeZone: this.deps.timeZone, month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(notice.due));
    return { entry: notice.entry, due, text: notice.text };
  }
}
