import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Clock } from "../../ports/clock.js";
import type { KeyValue, Storage } from "../../ports/storage/index.js";
import { chatKey, splitKey, userKey, type IncomingMessage, type Reply } from "../../core/message.js";
import { httpError, jsonResponse, type HttpRequest, type HttpResponse } from "../../core/http.js";
import type { Translate } from "../../core/i18n.js";
import type { Sender } from "../../core/outbox.js";
import type { PacingRules } from "../../core/pacing.js";
import { projectPath } from "../../core/paths.js";
import type { HttpRoute, MessageSink, PlatformAdapter, PlatformHealth } from "../types.js";
import { Transcripts } from "./transcript.js";

const incomingSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  chat: z.object({
    id: z.string().min(1).max(200),
    type: z.enum(["group", "private"]),
    title: z.string().max(200).optional(),
  }),
  from: z.object({
    id: z.string().min(1).max(200),
    name: z.string().min(1).max(100),
    role: z.enum(["staff", "leader", "volunteer"]).optional(),
  }),
  text: z.string().max(20_000).default(""),
  mentions_bot: z.boolean().optional(),
  reply_to_bot: z.boolean().optional(),
  reply_to: z.object({ seq: z.number().int().optional(), text: z.string().optional() }).optional(),
  photos: z.number().int().min(0).max(50).optional(),
  sent_at: z.iso.datetime({ offset: true }).optional(),
});

/** How long an exported file's link in the chat keeps working. */
const fileLifetimeMs = 30 * 24 * 3600_000;

export type PlaygroundInput = z.input<typeof incomingSchema>;

export interface PlaygroundOptions {
  storage: Storage;
  clock: Clock;
  botName: string;
  /** Called when a person picks a role on the page (leader / volunteer). */
  setRole?: (user: string, role: "leader" | "volunteer") => Promise<void>;
  /** Extra status for the page (e.g. the WeChat login QR code). */
  status?: () => Record<string, unknown>;
  /** Sends a second, like a real platform's limit (default: unpaced). */
  perSecond?: number;
}

/** The local playground: an HTTP API and a web page that simulate groups and users. */
export class PlaygroundAdapter implements PlatformAdapter {
  readonly platform = "playground" as const;
  readonly pacing: PacingRules;
  readonly transcripts: Transcripts;
  private sink?: MessageSink;
  /** Files the bot sent (exports), kept in the store so their links survive a restart. */
  private readonly files: KeyValue<{ name: string; mimeType: string; data: string }>;
  readonly sender: Sender;

  constructor(private readonly options: PlaygroundOptions) {
    this.transcripts = new Transcripts(options.storage);
    this.pacing = { overall: options.perSecond ? [{ limit: 1, windowMs: 1000 / options.perSecond }] : [], perGroup: [], perPrivate: [] };
    this.files = options.storage.namespace("playground-files");
    this.sender = {
      platform: "playground",
      maxLength: 4096,
      send: async (reply) => this.deliver(reply),
    };
  }

  readonly routes: HttpRoute[] = [
    { method: "GET", path: "/", handle: (request) => this.page(request.nonce) },
    { method: "POST", path: "/api/messages", handle: (request) => this.receive(request) },
    {
      method: "GET",
      path: "/api/chats/:id/messages",
      handle: async (request) => {
        const after = Number(request.query.get("after") ?? 0) || 0;
        return jsonResponse(200, await this.transcripts.after(chatKey("playground", request.params.id!), after));
      },
    },
    {
      method: "GET",
      path: "/api/chats",
      handle: async () => {
        const chats = await this.transcripts.chats();
        return jsonResponse(200, chats.map((chat) => ({ ...chat, id: splitKey(chat.id).id })));
      },
    },
    {
      method: "GET",
      path: "/api/status",
      handle: () => jsonResponse(200, { bot: { name: this.options.botName }, ...(this.options.status?.() ?? {}) }),
    },
    {
      method: "GET",
      path: "/api/files/:id",
      handle: async (request) => {
        const file = await this.files.get(request.params.id!);
        if (!file) return httpError(request, 404, "fileGone");
        return {
          status: 200,
          body: Buffer.from(file.data, "base64"),
          headers: { "content-type": file.mimeType, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` },
        };
      },
    },
  ];

  async start(sink: MessageSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {
    this.sink = undefined;
  }

  health(): PlatformHealth {
    return { platform: "playground", state: this.sink ? "running" : "stopped" };
  }

  /** Handles one message as the HTTP API does; used by tests and the CLI too. */
  async post(input: PlaygroundInput, t: Translate = (key) => key): Promise<{ status: number; body: unknown }> {
    const parsed = incomingSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { status: 400, body: { error: t("http.invalidField", { field: issue.path.join(".") || "body", reason: issue.message }) } };
    }
    // Held for this message: a stop that begins meanwhile must not pull it away mid-way.
    const sink = this.sink;
    if (!sink) return { status: 503, body: { error: t("http.notStarted") } };
    const data = parsed.data;
    if (data.text.trim() === "" && !data.photos) return { status: 400, body: { error: t("http.emptyText") } };
    const chat = chatKey("playground", data.chat.id);
    const user = userKey("playground", data.from.id);
    if (data.from.role && data.from.role !== "staff") await this.options.setRole?.(user, data.from.role);
    const sentAt = data.sent_at ? new Date(data.sent_at) : this.options.clock.now();
    const mention = `@${this.options.botName}`;
    const mentioned = data.mentions_bot === true || data.text.includes(mention);
    await this.transcripts.append(chat, { from: { id: data.from.id, name: data.from.name, bot: false }, text: data.text + (data.photos ? " [图片]".repeat(data.photos) : ""), sent_at: sentAt.toISOString() }, { type: data.chat.type, title: data.chat.title });
    const replyTo = data.reply_to ? await this.findEntry(chat, data.reply_to) : undefined;
    const message: IncomingMessage = {
      id: data.id ?? randomUUID(),
      platform: "playground",
      chat: { key: chat, type: data.chat.type, title: data.chat.title },
      sender: { key: user, name: data.from.name },
      text: data.text.split(mention).join(" ").replace(/\s+/g, " ").trim(),
      mentionsBot: mentioned,
      replyToBot: data.reply_to_bot === true || replyTo?.from.bot === true,
      replyTo: replyTo ? { messageId: String(replyTo.seq), text: replyTo.text } : data.reply_to?.text ? { messageId: "", text: data.reply_to.text } : undefined,
      photos: data.photos ?? 0,
      sentAt,
    };
    const replies = await sink.handle(message);
    return { status: 200, body: { replies: replies.map((reply) => ({ chat_id: this.nativeId(reply.chat), text: this.render(reply) })) } };
  }

  private async findEntry(chat: string, reference: { seq?: number; text?: string }) {
    if (reference.seq === undefined) return undefined;
    return (await this.transcripts.after(chat, reference.seq - 1)).find((entry) => entry.seq === reference.seq);
  }

  private async receive(request: HttpRequest): Promise<HttpResponse> {
    let input: unknown;
    try {
      input = JSON.parse(request.body.toString("utf8"));
    } catch {
      return httpError(request, 400, "invalidJson");
    }
    const result = await this.post(input as PlaygroundInput, request.t);
    return jsonResponse(result.status, result.body);
  }

  private async deliver(reply: Reply): Promise<{ messageId: string }> {
    let file: { name: string; url: string } | undefined;
    if (reply.file) {
      const id = randomUUID();
      await this.files.set(id, { name: reply.file.name, mimeType: reply.file.mimeType, data: reply.file.data.toString("base64") }, fileLifetimeMs);
      file = { name: reply.file.name, url: `/api/files/${id}` };
    }
    const entry = await this.transcripts.append(reply.chat, {
      from: { id: "bot", name: this.options.botName, bot: true },
      text: this.render(reply),
      sent_at: this.options.clock.now().toISOString(),
      buttons: reply.buttons,
      file,
    });
    return { messageId: String(entry.seq) };
  }

  private render(reply: Reply): string {
    return reply.mention ? `@${reply.mention.name} ${reply.text}` : reply.text;
  }

  private nativeId(chat: string): string {
    const { platform, id } = splitKey(chat);
    return platform === "playground" ? id : chat;
  }

  /** The page, its inline scripts carrying this response's CSP nonce. Read from the sources, also when running compiled code. */
  private page(nonce: string): HttpResponse {
    const html = readFileSync(projectPath("src/platforms/playground/page.html"), "utf8")
      .replaceAll("{{BOT_NAME}}", escapeHtml(this.options.botName))
      .replace(/<script(?=[\s>])/g, `<script nonce="${nonce}"`);
    return { status: 200, body: html, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
