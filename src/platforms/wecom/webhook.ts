import type { ChatDirectory } from "../../core/chats.js";
import { DeliveryError } from "../../core/errors.js";
import { chatKey } from "../../core/message.js";

/** A send-only group reached through a WeCom group robot (消息推送) key: config wecom.webhooks. */
export interface WebhookTarget {
  /** Short name of your choice: the chat key is `wecom:webhook:<id>`. */
  id: string;
  /** The group's name, as broadcast reports show it. */
  title: string;
  /** The `key` of the robot's webhook address. A secret: it never goes into a reply or a log. */
  key: string;
  organization?: string;
  tags: string[];
}

export const webhookPrefix = "webhook:";

/**
 * Posts markdown to group robots. Errors name the group's title, never the address, which
 * carries the key: anyone holding it can post to the group.
 */
export class WebhookSender {
  private readonly targets: Map<string, WebhookTarget>;

  constructor(
    targets: WebhookTarget[],
    private readonly endpoint: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.targets = new Map(targets.map((target) => [`${webhookPrefix}${target.id}`, target]));
  }

  /** True when the native chat id (`webhook:<id>`) is a configured robot. */
  has(id: string): boolean {
    return this.targets.has(id);
  }

  /** Makes each robot a bound group in the directory, so broadcasts and reminders by tag reach it. */
  async register(chats: ChatDirectory): Promise<void> {
    for (const [id, target] of this.targets) {
      await chats.update(chatKey("wecom", id), { type: "group", title: target.title, organization: target.organization, tags: target.tags, active: true });
    }
  }

  async send(id: string, content: string): Promise<void> {
    const target = this.targets.get(id);
    if (!target) throw new DeliveryError("blocked", `no WeCom group robot is configured as ${id}`);
    const what = `WeCom group robot of "${target.title}"`;
    let answer: { errcode?: number; errmsg?: string };
    try {
      const response = await fetch(`${this.endpoint}?key=${encodeURIComponent(target.key)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ msgtype: "markdown", markdown: { content } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      answer = (await response.json().catch(() => ({ errcode: response.status, errmsg: `HTTP ${response.status}` }))) as typeof answer;
    } catch (error) {
      // fetch's own message can quote the address; only its kind is kept.
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new DeliveryError("failed", `${what}: network error (${cause})`);
    }
    if (!answer.errcode) return;
    const text = `${what}: errcode ${answer.errcode} ${(answer.errmsg ?? "").replace(/key=[^\s&,]+/g, "key=…")}`.trim();
    if (answer.errcode === 45009) throw new DeliveryError("rate-limited", text, 60);
    // 93000: the key is wrong or the robot was removed from the group.
    if (answer.errcode === 93000) throw new DeliveryError("blocked", text);
    throw new DeliveryError("failed", text);
  }
}
