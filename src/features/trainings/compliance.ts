import type { Logger } from "pino";
import type { ChatDirectory, ChatRecord } from "../../core/chats.js";
import type { Texts } from "../../core/i18n.js";
import type { Outbox } from "../../core/outbox.js";
import type { ComplianceEntry } from "./config.js";
import type { MissedNotices } from "./missed.js";
import { parseCron, type CronMatcher } from "./cron.js";
import { dayKey, wallTime } from "./time.js";

export interface ComplianceDeps {
  entries: Record<string, ComplianceEntry>;
  chats: ChatDirectory;
  outbox: Outbox;
  texts: Texts;
  logger: Logger;
  timeZone: string;
  /** How late a notice may still go out after downtime. Default 6 h. */
  graceMs?: number;
  /** Where notices past the grace window are recorded and told to staff. */
  missed?: MissedNotices;
}

/** How far back past the grace window a start looks for cron notices no group got. */
const lookBackMinutes = 24 * 60;

/** 社团 / 民非 / 基金会 from what /bind recorded (it may hold a longer word such as 社会服务机构). */
export function normalizeOrganizationType(type: string | undefined): "社团" | "民非" | "基金会" | undefined {
  if (!type) return undefined;
  if (/基金会/.test(type)) return "基金会";
  if (/民非|民办非企业|社会服务机构/.test(type)) return "民非";
  if (/社团|社会团体|协会|学会|商会|联合会|研究会|促进会/.test(type)) return "社团";
  return undefined;
}

/**
 * The compliance calendar: yearly dates (from `time` until the day ends, so a late start still
 * posts that day) or cron minutes, each sent once per (entry, date, chat).
 */
export class ComplianceCalendar {
  private readonly matchers = new Map<string, CronMatcher>();
  private readonly settled = new Set<string>();

  constructor(private readonly deps: ComplianceDeps) {
    for (const [id, entry] of Object.entries(deps.entries)) if (entry.cron) this.matchers.set(id, parseCron(entry.cron)!);
  }

  private get graceMinutes(): number {
    return Math.floor((this.deps.graceMs ?? 6 * 3600_000) / 60_000);
  }

  /**
   * Entries due in this minute. Yearly entries: any minute of their day from their time on, within
   * the grace window (a start after downtime still sends them); later ones are missed (`late`).
   */
  due(now: Date, late?: (id: string, elapsedMinutes: number) => void): Array<[string, ComplianceEntry]> {
    const wall = wallTime(now, this.deps.timeZone);
    const monthDay = `${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
    return Object.entries(this.deps.entries).filter(([id, entry]) => {
      if (!entry.enabled) return false;
      if (entry.cron) return this.matchers.get(id)!.matches(wall);
      const [hour, minute] = entry.time.split(":").map(Number) as [number, number];
      const elapsed = wall.hour * 60 + wall.minute - (hour * 60 + minute);
      if (!entry.dates.includes(monthDay) || elapsed < 0) return false;
      if (elapsed <= this.graceMinutes) return true;
      late?.(id, elapsed);
      return false;
    });
  }

  /**
   * At start: cron entries whose minute passed within the grace window while the bot was down are
   * sent now (once, by their day's key); yearly entries are covered by `due`; older ones that no
   * group got are recorded as missed and told to staff.
   */
  async catchUp(now: Date): Promise<number> {
    let sent = 0;
    for (let back = this.graceMinutes; back >= 1; back--) {
      const at = new Date(now.getTime() - back * 60_000);
      const wall = wallTime(at, this.deps.timeZone);
      const entries = Object.entries(this.deps.entries).filter(([id, entry]) => entry.enabled && entry.cron && this.matchers.get(id)!.matches(wall));
      sent += await this.send(at, entries);
    }
    const missed: Array<[string, Date]> = [];
    const entries = this.due(now, (id, elapsed) => missed.push([id, new Date(now.getTime() - elapsed * 60_000)]));
    for (let back = this.graceMinutes + 1; this.matchers.size > 0 && back <= this.graceMinutes + lookBackMinutes; back++) {
      const at = new Date(now.getTime() - back * 60_000);
      const wall = wallTime(at, this.deps.timeZone);
      for (const [id, entry] of Object.entries(this.deps.entries)) if (entry.enabled && entry.cron && this.matchers.get(id)!.matches(wall)) missed.push([id, at]);
    }
    for (const [id, at] of missed) await this.recordMissed(id, at);
    return sent + (await this.send(now, entries));
  }

  /** A notice past the grace window that no group got (the bot was down): recorded, staff told. */
  private async recordMissed(id: string, at: Date): Promise<void> {
    const entry = this.deps.entries[id]!;
    const date = dayKey(wallTime(at, this.deps.timeZone));
    const groups = (await this.deps.chats.groupsTagged(entry.tags)).filter((group) => matchesType(entry, group));
    if (groups.length === 0) return;
    for (const group of groups) if (await this.deps.outbox.wasSent(`compliance:${id}:${date}:${group.key}`)) return;
    this.deps.logger.warn({ entry: id, due: at.toISOString(), graceHours: this.graceMinutes / 60 }, "compliance notice missed while the bot was down, past the grace window");
    const text = entry.text ?? this.deps.texts.t("zh-CN", entry.textKey!);
    await this.deps.missed?.record(`compliance:${id}:${date}`, { entry: id, due: new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString(), text });
  }

  async tick(now: Date): Promise<number> {
    return this.send(now, this.due(now));
  }

  private async send(now: Date, due: Array<[string, ComplianceEntry]>): Promise<number> {
    const date = dayKey(wallTime(now, this.deps.timeZone));
    let sent = 0;
    for (const [id, entry] of due) {
      const text = entry.text ?? this.deps.texts.t("zh-CN", entry.textKey!);
      const groups = (await this.deps.chats.groupsTagged(entry.tags)).filter((group) => matchesType(entry, group));
      const replies = groups
        .map((group) => ({ chat: group.key, text: this.deps.texts.t("zh-CN", "trainings.compliance.prefix", { text }), once: `compliance:${id}:${date}:${group.key}` }))
        .filter((reply) => !this.settled.has(reply.once));
      const results = await Promise.all(replies.map((reply) => this.deps.outbox.send(reply)));
      for (const [index, result] of results.entries()) {
        if (result.status === "sent") sent++;
        if (result.status !== "failed") this.remember(replies[index]!.once);
      }
      if (results.length > 0) this.deps.logger.info({ entry: id, date, groups: results.length }, "compliance reminder posted");
    }
    return sent;
  }

  private remember(key: string): void {
    if (this.settled.size > 50_000) this.settled.clear();
    this.settled.add(key);
  }
}

function matchesType(entry: ComplianceEntry, group: ChatRecord): boolean {
  if (entry.organizationTypes.length === 0) return true;
  const type = normalizeOrganizationType(group.organizationType);
  return type !== undefined && entry.organizationTypes.includes(type);
}
