/** The Bot API side of the Telegram test harness (see ./telegram.ts): emulator start-up and the proxy. */
import { createServer, type IncomingMessage as HttpRequest, type Server, type ServerResponse } from "node:http";
import type { MessageEntity, Update } from "grammy/types";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { freePort } from "./process.js";
import type { Fault, SentMessage } from "./telegram.js";

export async function startEmulator(): Promise<TelegramServer> {
  for (let attempt = 0; ; attempt++) {
    // The emulator treats port 0 as "9000", so pick a free port first (and retry a lost race).
    const emulator = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 24 * 3600 });
    try {
      await emulator.start();
      return emulator;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export type Stored = TelegramServer["storage"]["botMessages"][number];

export function toSent(stored: Stored, files: Map<number, SentMessage["document"]>): SentMessage {
  const message = stored.message as unknown as Record<string, unknown>;
  const markup = message.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined;
  const reply = message.reply_parameters as { message_id?: number } | undefined;
  return {
    messageId: stored.messageId,
    chatId: String(message.chat_id),
    text: String(message.text ?? message.caption ?? ""),
    entities: (message.entities ?? message.caption_entities) as MessageEntity[] | undefined,
    buttons: markup?.inline_keyboard?.flat().map((button) => ({ text: button.text, data: button.callback_data })),
    replyTo: reply?.message_id,
    document: files.get(stored.messageId),
  };
}

/** The bot's API root: records calls, injects faults, long-polls its own update queue, forwards the rest. */
export class BotApiProxy {
  readonly calls: Array<{ method: string; body: Record<string, unknown>; faulted: boolean }> = [];
  readonly faults: Array<Fault & { times: number }> = [];
  readonly files = new Map<number, SentMessage["document"]>();
  private readonly updates: Update[] = [];
  private readonly pollers = new Set<() => void>();
  private server?: Server;

  constructor(
    private readonly emulator: TelegramServer,
    private readonly token: string,
  ) {}

  async listen(): Promise<string> {
    const server = createServer((request, response) => void this.serve(request, response).catch((error) => send(response, 500, { ok: false, error_code: 500, description: String(error) })));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  queue(update: Update): void {
    this.updates.push(update);
    for (const wake of this.pollers) wake();
  }

  async close(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async serve(request: HttpRequest, response: ServerResponse): Promise<void> {
    const raw = await readAll(request);
    const method = /^\/bot[^/]+\/(\w+)/.exec(request.url ?? "")?.[1] ?? "";
    const type = request.headers["content-type"] ?? "";
    const form = type.startsWith("multipart/") ? parseMultipart(raw, type) : undefined;
    const body: Record<string, unknown> = form ?? (raw.length ? JSON.parse(raw.toString("utf8")) : {});
    const fault = this.faults.find((candidate) => candidate.times > 0 && candidate.method === method && (candidate.chatId === undefined || String(candidate.chatId) === String(body.chat_id)));
    this.calls.push({ method, body, faulted: fault !== undefined });
    if (fault) {
      fault.times--;
      const parameters = { ...(fault.retryAfter !== undefined ? { retry_after: fault.retryAfter } : {}), ...(fault.migrateToChatId !== undefined ? { migrate_to_chat_id: fault.migrateToChatId } : {}) };
      const description = fault.description ?? describeFault(fault);
      return send(response, fault.errorCode!, { ok: false, error_code: fault.errorCode, description, parameters });
    }
    if (method === "getUpdates") return this.getUpdates(request, response, body);
    if (method === "sendDocument" && form) return this.sendDocument(request, response, body);
    const forwarded = await fetch(`${this.emulator.config.apiURL}${request.url}`, { method: request.method, headers: { "content-type": type || "application/json" }, body: request.method === "GET" ? undefined : new Uint8Array(raw) });
    response.writeHead(forwarded.status, { "content-type": "application/json" }).end(Buffer.from(await forwarded.arrayBuffer()));
  }

  /** Telegram semantics: updates below `offset` are confirmed and dropped; wait up to `timeout` for new ones. */
  private async getUpdates(request: HttpRequest, response: ServerResponse, body: Record<string, unknown>): Promise<void> {
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 100);
    const pending = () => {
      while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
      return this.updates.slice(0, limit);
    };
    if (pending().length === 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.pollers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(Number(body.timeout ?? 0), 25) * 1000);
        this.pollers.add(done);
        request.once("close", done);
      });
    }
    if (!response.destroyed) send(response, 200, { ok: true, result: pending() });
  }

  private sendDocument(_request: HttpRequest, response: ServerResponse, body: Record<string, unknown>): void {
    const reference = String(body.document).replace(/^attach:\/\//, "");
    const file = body[reference] as { name: string; data: Buffer };
    const { document: _document, [reference]: _file, caption, caption_entities, ...rest } = body;
    const message = this.emulator.addBotMessage({ ...rest, text: caption === undefined ? "" : String(caption), entities: caption_entities } as never, this.token);
    this.files.set(message.message_id, { name: file.name, size: file.data.length, data: file.data });
    send(response, 200, { ok: true, result: { ...message, document: { file_id: "d1", file_unique_id: "d1", file_name: file.name } } });
  }
}

function describeFault(fault: Fault): string {
  if (fault.errorCode === 429) return `Too Many Requests: retry after ${fault.retryAfter ?? 1}`;
  if (fault.errorCode === 403) return "Forbidden: bot was kicked from the group chat";
  if (fault.migrateToChatId !== undefined) return "Bad Request: group chat was upgraded to a supergroup chat";
  return "Bad Request: injected by the test harness";
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
}

async function readAll(request: HttpRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** grammY writes multipart without quotes or spaces (`name=x;filename=a.csv`), which undici's parser refuses. */
function parseMultipart(raw: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2] ?? "";
  const fields: Record<string, unknown> = {};
  const text = raw.toString("latin1");
  for (const part of text.split(`--${boundary}`).slice(1, -1)) {
    const split = part.indexOf("\r\n\r\n");
    const headers = part.slice(0, split);
    const content = Buffer.from(part.slice(split + 4, part.length - 2), "latin1");
    const name = /name="?([^";\r\n]+)"?/.exec(headers)?.[1] ?? "";
    const filename = /filename\*?=(?:UTF-8'')?"?([^";\r\n]+)"?/i.exec(headers)?.[1];
    fields[name] = filename === undefined ? tryJson(content.toString("utf8")) : { name: decodeURIComponent(Buffer.from(filename, "latin1").toString("utf8")), data: content };
  }
  return fields;
}

function tryJson(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

