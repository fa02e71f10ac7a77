import { Readable } from "node:stream";
import { timingSafeEqual } from "node:crypto";
import type { Translate } from "./i18n.js";

/**
 * The HTTP route contract, owned by the core so features and platforms can serve routes without
 * knowing the server framework. A route gets a plain request and returns a plain response; the
 * server (src/platforms/http.ts) does the framework work: parsing, limits, security headers.
 */
export interface HttpRequest {
  method: string;
  /** The path without the query, as the client sent it. */
  path: string;
  /** Decoded `:name` parameters of the route's path. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body of a POST (empty for GET); routes parse it themselves, so each decides its errors. */
  body: Buffer;
  /** Sent straight from this machine, not through a proxy: the playground's trust rule. */
  local: boolean;
  /** Texts in the language the client asked for (Accept-Language), Chinese by default. */
  t: Translate;
  /** The per-response CSP nonce that inline <script> and <style> tags of a served page must carry. */
  nonce: string;
}

export interface HttpResponse {
  status: number;
  /** A JSON body (sent with charset=utf-8). */
  json?: unknown;
  /** Any other body; set content-type in headers. A stream is sent as it is read (long lists). */
  body?: Buffer | string | Readable;
  /** Response headers; a list sends the header once per item (several Set-Cookie for a console session). */
  headers?: Record<string, string | number | string[]>;
}

export interface HttpRoute {
  method: "GET" | "POST";
  /** A path with `:name` parameters, e.g. /api/chats/:id/messages */
  path: string;
  handle(request: HttpRequest): Promise<HttpResponse> | HttpResponse;
}

/** A JSON response. */
export function jsonResponse(status: number, value: unknown): HttpResponse {
  return { status, json: value };
}

/**
 * A JSON array written item by item as the client reads it: a list of 100,000 reports is never one
 * string (nor one array) in memory. Items go out in batches, since a chunk each would be slow.
 */
export function jsonArrayStream(status: number, items: AsyncIterable<unknown>): HttpResponse {
  async function* chunks() {
    let batch: string[] = [];
    let first = true;
    yield "[";
    for await (const item of items) {
      batch.push(JSON.stringify(item));
      if (batch.length >= 200) {
        yield (first ? "" : ",") + batch.join(",");
        first = false;
        batch = [];
      }
    }
    if (batch.length > 0) yield (first ? "" : ",") + batch.join(",");
    yield "]";
  }
  return { status, body: Readable.from(chunks()), headers: { "content-type": "application/json; charset=utf-8" } };
}

/** A JSON error whose text comes from the locale files (config/locales/<lang>/http.yaml). */
export function httpError(request: Pick<HttpRequest, "t">, status: number, key: string, params?: Record<string, string | number>): HttpResponse {
  return { status, json: { error: request.t(`http.${key}`, params) } };
}

export interface StaffAccess {
  /** config.server.staffToken */
  staffToken: string | null;
  /** Loopback requests are trusted only while the local playground is on (DESIGN.md). */
  trustLoopback: boolean;
}

/**
 * Staff-only routes (/api/reports, /metrics): a local request while the playground is on, or the
 * staff token as `Authorization: Bearer …`, compared in constant time. Undefined when allowed,
 * else the 401 to send.
 */
export function refuseUnlessStaff(request: HttpRequest, access: StaffAccess): HttpResponse | undefined {
  if (access.trustLoopback && request.local) return undefined;
  if (access.staffToken) {
    const header = request.headers.authorization;
    const match = /^Bearer\s+(.+)$/i.exec(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""));
    const given = Buffer.from(match?.[1]?.trim() ?? "");
    const expected = Buffer.from(access.staffToken);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined;
  }
  const refusal = httpError(request, 401, "staffTokenRequired");
  return { ...refusal, headers: { "www-authenticate": 'Bearer realm="incubot"' } };
}
