import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";
import { chatKey, splitKey, userKey, type IncomingMessage, type Reply } from "../../core/message.js";
import type { Sender } from "../../core/outbox.js";
import { sendJson } from "../http.js";
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

export type PlaygroundInput = z.input<typeof incomingSchema>;

export interface PlaygroundOptions {
  storage: Storage;
  clock: Clock;
  botName: string;
  /** Called when a person picks a role on the page (leader / volunteer). */
  setRole?: (user: string, role: "leader" | "volunteer") => Promise<void>;
  /** Extra status for the page (e.g. the WeChat login QR code). */
  status?: () => Record<string, unknown>;
}

/** The local playground: an HTTP API and a web page that simulate groups and users. */
export class PlaygroundAdapter implements PlatformAdapter {
  readonly platform = "playground" as const;
  readonly pacing = { overall: [], perGroup: [], perPrivate: [] };
  readonly transcripts: Transcripts;
  private sink?: MessageSink;
  private readonly files = new Map<string, { name: string; mimeType: string; data: Buffer }>();
  readonly sender: Sender;

  constructor(private readonly options: PlaygroundOptions) {
    this.transcripts = new Transcripts(options.storage);
    this.sender = {
      platform: "playground",
      maxLength: 4096,
      send: async (reply) => this.deliver(reply),
    };
  }

  readonly routes: HttpRoute[] = [
    { method: "GET", path: "/", handle: (_request, response) => this.page(response) },
    { method: "POST", path: "/api/messages", handle: (_request, response, _params, body) => this.receive(response, body) },
    {
      method: "GET",
      path: "/api/chats/:id/messages",
      handle: async (request, response, params) => {
        const after = Number(new URL(request.url ?? "/", "http://localhost").searchParams.get("after") ?? 0) || 0;
        sendJson(response, 200, await this.transcripts.after(chatKey("playground", params.id!), after));
      },
    },
    {
      method: "GET",
      path: "/api/chats",
      handle: async (_request, response) => {
        const chats = await this.transcripts.chats();
        sendJson(response, 200, chats.map((chat) => ({ ...chat, id: splitKey(chat.id).id })));
      },
    },
    {
      method: "GET",
      path: "/api/status",
      handle: (_request, response) => sendJson(response, 200, { bot: { name: this.options.botName }, ...(this.options.status?.() ?? {}) }),
    },
    {
      method: "GET",
      path: "/api/files/:id",
      handle: (_request, response, params) => {
        const file = this.files.get(params.id!);
        if (!file) return sendJson(response, 404, { error: "文件不存在或已过期 file not found" });
        response.writeHead(200, { "content-type": file.mimeType, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` });
        response.end(file.data);
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
  async post(input: PlaygroundInput): Promise<{ status: number; body: unknown }> {
    const parsed = incomingSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { status: 400, body: { error: `请求格式不对 invalid request: ${issue.path.join(".") || "body"}: ${issue.message}` } };
    }
    if (!this.sink) return { status: 503, body: { error: "机器人尚未启动 bot not started" } };
    const data = parsed.data;
    if (data.text.trim() === "" && !data.photos) return { status: 400, body: { error: "消息不能为空 text is empty" } };
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
    const replies = await this.sink.handle(message);
    return { status: 200, body: { replies: replies.map((reply) => ({ chat_id: this.nativeId(reply.chat), text: this.render(reply) })) } };
  }

  private async findEntry(chat: string, reference: { seq?: number; text?: string }) {
    if (reference.seq === undefined) return undefined;
    return (await this.transcripts.after(chat, reference.seq - 1)).find((entry) => entry.seq === reference.seq);
  }

  private async receive(response: import("node:http").ServerResponse, body: Buffer): Promise<void> {
    let input: unknown;
    try {
      input = JSON.parse(body.toString("utf8"));
    } catch {
      return sendJson(response, 400, { error: "请求不是合法的 JSON invalid JSON" });
    }
    const result = await this.post(input as PlaygroundInput);
    sendJson(response, result.status, result.body);
  }

  private async deliver(reply: Reply): Promise<{ messageId: string }> {
    let file: { name: string; url: string } | undefined;
    if (reply.file) {
      const id = randomUUID();
      this.files.set(id, reply.file);
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

  private page(response: import("node:http").ServerResponse): void {
    const html = readFileSync(new URL("./page.html", import.meta.url), "utf8").replaceAll("{{BOT_NAME}}", escapeHtml(this.options.botName));
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(html);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
