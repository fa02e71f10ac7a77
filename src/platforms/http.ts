import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { HttpRoute } from "./types.js";

const maxBody = 1024 * 1024;

/** Writes a JSON response with the right charset. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/** The one HTTP server: health, Telegram webhook, playground. Routes are plain records. */
export class HttpServer {
  private server?: Server;

  constructor(
    private readonly routes: () => HttpRoute[],
    private readonly logger: Logger,
  ) {}

  async listen(host: string, port: number): Promise<{ host: string; port: number }> {
    const server = createServer((request, response) => void this.dispatch(request, response));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    return { host: address.address, port: address.port };
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    try {
      for (const route of this.routes()) {
        if (route.method !== request.method) continue;
        const params = match(route.path, url.pathname);
        if (!params) continue;
        const body = request.method === "POST" ? await readBody(request) : Buffer.alloc(0);
        await route.handle(request, response, params, body);
        return;
      }
      sendJson(response, 404, { error: "not found" });
    } catch (error) {
      const tooLarge = (error as Error).message === "body too large";
      if (!tooLarge) this.logger.error({ err: error, path: url.pathname }, "http handler failed");
      if (!response.headersSent) sendJson(response, tooLarge ? 413 : 500, { error: tooLarge ? "请求太大 body too large" : "服务器内部错误 internal error" });
      else response.end();
    }
  }
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const expected = pattern.split("/");
  const actual = path.split("/");
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(actual[index]!);
    else if (part !== actual[index]) return undefined;
  }
  return params;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
