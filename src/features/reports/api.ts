/** GET /api/reports: JSON, or `?format=csv|xlsx`, `?month=YYYY-MM`; loopback or staff token only. */
import { httpError, jsonArrayStream, refuseUnlessStaff, type HttpRoute, type StaffAccess } from "../../core/http.js";
import type { ChatDirectory } from "../../core/chats.js";
import { chatNames, exportName, exportReports } from "./export.js";
import { publicReport } from "./fields.js";
import type { ReportStore } from "./store.js";

export interface ReportsApiOptions extends StaffAccess {
  store: ReportStore;
  /** Exports show times in the park's zone and groups by name. */
  timeZone: string;
  chats: ChatDirectory;
}

/** A calendar month: 2026-13 or 2026-00 is refused with a message rather than listing nothing. */
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function reportsRoutes(options: ReportsApiOptions): HttpRoute[] {
  return [
    {
      method: "GET",
      path: "/api/reports",
      handle: async (request) => {
        const refusal = refuseUnlessStaff(request, options);
        if (refusal) return refusal;
        const month = request.query.get("month") ?? undefined;
        if (month !== undefined && !monthPattern.test(month)) return httpError(request, 400, "badMonth", { value: month.slice(0, 40) });
        const format = request.query.get("format") ?? "json";
        if (!["json", "csv", "xlsx"].includes(format)) return httpError(request, 400, "badFormat", { value: format.slice(0, 40) });
        if (format === "json") return jsonArrayStream(200, mapped(options.store.stream({ month }), publicReport));
        const reports = await options.store.list({ month });
        const file = await exportReports(reports, format as "csv" | "xlsx", { timeZone: options.timeZone, chatNames: await chatNames(options.chats, reports) });
        return {
          status: 200,
          body: file.data,
          headers: {
            "content-type": file.mimeType,
            "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(exportName(month, file.extension))}`,
          },
        };
      },
    },
  ];
}

async function* mapped<T, U>(items: AsyncIterable<T>, map: (item: T) => U): AsyncIterable<U> {
  for await (const item of items) yield map(item);
}
