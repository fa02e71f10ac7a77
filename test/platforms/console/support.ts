import { emptyReport, type ReportFields } from "../../../src/features/reports/extract/index.js";
import type { StoredReport } from "../../../src/features/reports/fields.js";
import { ReportStore } from "../../../src/features/reports/store.js";
import type { TestBot } from "../../support/bot.js";

/** The login link in the bot's answer to /console, moved onto the test server's address. */
export function linkIn(replies: string[], base: string): string {
  const match = /https?:\/\/\S+\/console\/login\?t=([A-Za-z0-9_-]+)/.exec(replies.join("\n"));
  if (!match) throw new Error(`no login link in ${JSON.stringify(replies)}`);
  return `${base}/console/login?t=${match[1]}`;
}

/** A report as the reports feature would have stored it, sent from a group chat. */
export function storeReport(bot: TestBot, fields: Partial<ReportFields>, from: { chat: string; user: string; name: string }): Promise<StoredReport> {
  const store = new ReportStore(bot.app.storage, bot.app.config.timeZone);
  return store.add({ ...emptyReport(), ...fields }, { chat: `playground:${from.chat}`, reporter: `playground:${from.user}`, reporterName: from.name }, bot.clock.now());
}

/**
 * Everything the bot said to a reporter, in their group and in their private chat: a review
 * notice may go to either, depending on whether the bot knows a private chat with them.
 */
export async function toldReporter(bot: TestBot, group: string, user: string): Promise<string> {
  return [...(await bot.group(group).botMessages()), ...(await bot.private(user).botMessages())].join("\n");
}

/** A tiny cookie jar over fetch: what a browser would keep for the console's path. */
export class Client {
  private readonly cookies = new Map<string, string>();
  csrf = "";

  constructor(private readonly base: string) {}

  async request(path: string, options: { method?: string; body?: unknown; csrf?: boolean } = {}): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (options.csrf !== false && this.csrf) headers["x-csrf-token"] = this.csrf;
    const response = await fetch(`${this.base}${path}`, { method: options.method ?? "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      this.cookies.set(name!.trim(), value.join("="));
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: response.status, body };
  }

  /** Another client holding this one's cookies: someone who copied them. */
  copy(): Client {
    const other = new Client(this.base);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  /** Spends a link token as the login page does. */
  async login(link: string): Promise<number> {
    const token = new URL(link).searchParams.get("t");
    this.csrf = (await this.request("/console/login/token")).body.csrf;
    const result = await this.request("/console/login", { method: "POST", body: { t: token } });
    if (result.status === 200) this.csrf = (await this.request("/console/api/session")).body.csrf;
    return result.status;
  }
}
