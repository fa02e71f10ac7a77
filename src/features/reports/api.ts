/** GET /api/reports: JSON, or `?format=csv|xlsx`, `?month=YYYY-MM`; loopback or staff token only. */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../../platforms/http.js";
import type { HttpRoute } from "../../platforms/types.js";
import type { ChatDirectory } from "../../core/chats.js";
import { chatNames, exportName, exportReports } from "./export.js";
import { publicReport } from "./fields.js";
import type { ReportStore } from "./store.js";

export interface ReportsApiOptions {
  store: ReportStore;
  /** config.server.staffToken */
  staffToken: string | null;
  /** Loopback requests are trusted only while the local playground is on (DESIGN.md). */
  trustLoopback: boolean;
  /** Exports show times in the park's zone and groups by name. */
  timeZone: string;
  chats: ChatDirectory;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * A request that came through a proxy carries forwarding headers; it is not "local" even
 * though the proxy connects from loopback.
 */
function fromLoopback(request: IncomingMessage): boolean {
  const forwarded = request.headers["x-forwarded-for"] ?? request.headers.forwarded ?? request.headers["x-real-ip"];
  return forwarded === undefined && LOOPBACK.has(request.socket.remoteAddress ?? "");
}

function hasToken(request: IncomingMessage, token: string | null): boolean {
  if (!token) return false;
  const header = request.headers.authorization ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!.trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function reportsRoutes(options: ReportsApiOptions): HttpRoute[] {
  return [
    {
      method: "GET",
      path: "/api/reports",
      handle: async (request: IncomingMessage, response: ServerResponse) => {
        if (!(options.trustLoopback && fromLoopback(request)) && !hasToken(request, options.staffToken)) {
          response.setHeader("www-authenticate", 'Bearer realm="incubot"');
          return sendJson(response, 401, { error: "需要工作人员令牌 staff token required" });
        }
        const query = new URL(request.url ?? "/", "http://localhost").searchParams;
        const month = query.get("month") ?? undefined;
        if (month !== undefined && !/^\d{4}-\d{2}$/.test(month)) return sendJson(response, 400, { error: "month 应为 YYYY-MM month must be YYYY-MM" });
        const format = query.get("format") ?? "json";
        if (!["json", "csv", "xlsx"].includes(format)) return sendJson(response, 400, { error: "format 应为 json、csv 或 xlsx" });
        const reports = await options.store.list({ month });
        if (format === "json") return sendJson(response, 200, reports.map(publicReport));
        const file = await exportReports(reports, format as "csv" | "xlsx", { timeZone: options.timeZone, chatNames: await chatNames(options.chats, reports) });
        response.writeHead(200, {
          "content-type": file.mimeType,
          "content-length": file.data.length,
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(exportName(month, file.extension))}`,
        });
        response.end(file.data);
      },
    },
  ];
}
