/** The console's JSON API (behind the session and CSRF checks of plugin.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { StoredReport } from "../../features/reports/fields.js";
import { bodyOf, type ConsoleContext } from "./plugin.js";
import { monthPattern } from "./views.js";

/** Fields staff may correct before approving, and whether each holds a number. */
const editable: Record<string, "text" | "number"> = {
  organization: "text",
  title: "text",
  category: "text",
  date: "text",
  start_time: "text",
  end_time: "text",
  location: "text",
  volunteers: "number",
  volunteer_hours: "number",
  beneficiaries: "number",
  description: "text",
};
/** An id goes into a command line: nothing but the characters ids are made of. */
const idPattern = /^[A-Za-z0-9#-]{1,40}$/;

export function registerApi(server: FastifyInstance, context: ConsoleContext): void {
  const { views, commands, t } = context;
  const fail = (reply: FastifyReply, request: FastifyRequest, status: number, key: string, params?: Record<string, string | number>) =>
    reply.code(status).send({ error: t(request, `console.api.${key}`, params) });
  const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;
  const month = (request: FastifyRequest) => {
    const given = query(request).month;
    return given && monthPattern.test(given) ? given : given ? null : views.currentMonth();
  };
  const idOf = (request: FastifyRequest) => {
    const id = (request.params as { id: string }).id;
    return idPattern.test(id) ? id : undefined;
  };

  server.get("/console/api/reports", async (request, reply) => {
    const { organization, status } = query(request);
    const chosen = query(request).month ? month(request) : undefined;
    if (chosen === null) return fail(reply, request, 400, "badMonth");
    return views.reportList({ month: chosen, organization: organization || undefined, status: status || undefined });
  });

  server.post("/console/api/reports/:id/approve", async (request, reply) => {
    const id = idOf(request);
    if (!id) return fail(reply, request, 400, "badRequest");
    return commands.run(context.staff(request), `/approve ${id}`, "console.approve");
  });

  server.post("/console/api/reports/:id/return", async (request, reply) => {
    const id = idOf(request);
    const reason = String(bodyOf(request).reason ?? "").trim().slice(0, 500);
    if (!id) return fail(reply, request, 400, "badRequest");
    if (!reason) return fail(reply, request, 400, "needReason");
    return commands.run(context.staff(request), `/return ${id} ${reason}`, "console.return");
  });

  server.post("/console/api/reports/:id/edit", async (request, reply) => {
    const id = idOf(request);
    const body = bodyOf(request);
    const field = String(body.field ?? "");
    const kind = editable[field];
    const report = id ? await views.reports.get(id) : undefined;
    if (!report || !kind) return fail(reply, request, 400, "badRequest");
    const raw = String(body.value ?? "").trim().slice(0, 2000);
    const value = raw === "" ? null : kind === "number" ? Number(raw) : raw;
    if (typeof value === "number" && (!Number.isFinite(value) || value < 0)) return fail(reply, request, 400, "badNumber");
    const before = report[field as keyof StoredReport];
    const updated = await views.reports.update(report.id, { [field]: value } as Partial<StoredReport>, views.now());
    await commands.record(context.staff(request), "console.edit", `${report.id} ${field}: ${String(before ?? "")} → ${String(value ?? "")}`, [report.chat]);
    return { ok: true, report: updated };
  });

  server.get("/console/api/stats", async (request, reply) => {
    const chosen = month(request);
    if (!chosen) return fail(reply, request, 400, "badMonth");
    return views.stats(chosen, t(request, "reports.stats.unnamed"));
  });

  // GET under /console/api so the session check covers it; the file is the one /export attaches in chat.
  server.get("/console/api/export", async (request, reply) => {
    const chosen = month(request);
    const format = query(request).format === "csv" ? "csv" : "xlsx";
    if (!chosen) return fail(reply, request, 400, "badMonth");
    const result = await commands.run(context.staff(request), `/export ${chosen} ${format}`, "console.export");
    if (!result.file) return reply.code(400).send({ error: result.text });
    return reply
      .header("content-type", result.file.mimeType)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(result.file.name)}`)
      .send(result.file.data);
  });

  server.get("/console/api/trainings", async () => views.trainingList());
  server.get("/console/api/broadcasts", async () => views.broadcastList());
  server.get("/console/api/tickets", async () => views.openTickets());
  server.get("/console/api/audit", async () => views.auditLog());

  // Trainings and broadcasts are typed as in chat (/training add …, /broadcast to:… …, then 确认).
  server.post("/console/api/command", async (request, reply) => {
    const text = String(bodyOf(request).text ?? "").trim().slice(0, 2000);
    if (!text) return fail(reply, request, 400, "badRequest");
    return commands.run(context.staff(request), text, "console.command");
  });

  server.post("/console/api/tickets/:id/reply", async (request, reply) => {
    const id = idOf(request);
    const text = String(bodyOf(request).text ?? "").trim().slice(0, 2000);
    if (!id || !text) return fail(reply, request, 400, "badRequest");
    return commands.run(context.staff(request), `/reply ${id} ${text}`, "console.reply");
  });
}
