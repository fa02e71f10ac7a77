/**
 * What the bot keeps about a reporter, and the person's rights over it: a one-time notice on
 * the first report, /mydata to see it, /forgetme to delete it (reports stay, anonymised).
 */
import type { Translate } from "../../core/i18n.js";
import type { KeyValue, Storage } from "../../ports/storage/index.js";
import { isCurrent, type DraftStore } from "./draft.js";
import type { ReportStore } from "./store.js";

interface NoticeRecord {
  at: string;
}

export class Privacy {
  private readonly notices: KeyValue<NoticeRecord>;

  constructor(
    storage: Storage,
    private readonly reports: ReportStore,
    private readonly drafts: DraftStore,
  ) {
    this.notices = storage.namespace<NoticeRecord>("report-privacy-notices");
  }

  /** True the first time a person stores a report (and records that they were told). */
  async firstReport(user: string, now: Date): Promise<boolean> {
    if (await this.notices.get(user)) return false;
    await this.notices.set(user, { at: now.toISOString() });
    return true;
  }

  async describe(t: Translate, user: string, name: string): Promise<string> {
    const mine = await this.reports.list({ reporter: user });
    let drafts = 0;
    for await (const [, stored] of this.drafts.all()) if (isCurrent(stored) && stored.user === user && stored.asking.kind !== "done") drafts += 1;
    if (mine.length === 0 && drafts === 0) return t("reports.privacy.nothing");
    const lines = mine.slice(-10).map((report) => t("reports.privacy.item", { id: report.id, date: report.date ?? "?", title: report.title ?? "?", status: t(`reports.status.${report.status}`) }));
    const more = mine.length > 10 ? [t("reports.privacy.more", { count: mine.length - 10 })] : [];
    return [t("reports.privacy.heading", { user, name, count: mine.length, drafts }), ...lines, ...more, t("reports.privacy.howToForget")].join("\n");
  }

  /** Deletes the person's drafts and notice record; their reports lose the reporter. */
  async forget(user: string, now: Date): Promise<{ reports: number; drafts: number }> {
    let drafts = 0;
    for await (const [key, stored] of this.drafts.all()) {
      if (stored.user === user || key.endsWith(`|${user}`)) {
        await this.drafts.deleteKey(key);
        drafts += 1;
      }
    }
    await this.notices.delete(user);
    const reports = await this.reports.anonymise(user, now);
    return { reports, drafts };
  }
}
