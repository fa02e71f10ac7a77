/**
 * The staff web console as one fastify plugin, mounted by the HTTP server: passwordless login
 * (a one-time link from /console in a private chat), an HttpOnly SameSite=Strict session cookie,
 * a CSRF token on every POST (@fastify/csrf-protection), the page's files (@fastify/static) and
 * the JSON API the page reads. Only staff get past the session check, re-checked on each request
 * so a revoked role ends access at once.
 */
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Roles } from "../../core/roles.js";
import { projectPath } from "../../core/paths.js";
import type { Locale } from "../../core/i18n.js";
import { ConsoleSessions, sessionLifetimeMs, type StaffIdentity } from "../../features/console/sessions.js";
import { ConsoleCommands, type CommandDeps } from "./commands.js";
import { registerApi } from "./api.js";
import { loadPageTexts } from "./texts.js";
import { ConsoleViews, type ViewDeps } from "./views.js";

export interface ConsoleDeps extends CommandDeps, Omit<ViewDeps, "storage" | "clock"> {
  roles: Roles;
  /** Where staff open the console; https there makes the cookies Secure. */
  publicUrl: () => string;
}

const sessionCookie = "incubot_console";
const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

export interface ConsoleContext {
  views: ConsoleViews;
  commands: ConsoleCommands;
  /** Texts in the request's language (Chinese unless the browser puts English first). */
  t(request: FastifyRequest, key: string, params?: Record<string, string | number>): string;
  staff(request: FastifyRequest): StaffIdentity;
}

export function consolePlugin(deps: ConsoleDeps): (server: FastifyInstance) => Promise<void> {
  return async (server) => {
    const sessions = new ConsoleSessions(deps.storage, deps.clock);
    const views = new ConsoleViews({ storage: deps.storage, clock: deps.clock, chats: deps.chats, timeZone: deps.timeZone });
    const commands = new ConsoleCommands(deps);
    const staffOf = new WeakMap<FastifyRequest, StaffIdentity>();
    const secure = () => deps.publicUrl().startsWith("https:");
    const t = (request: FastifyRequest, key: string, params?: Record<string, string | number>) => deps.texts.t(localeOf(request), key, params);
    const refuse = (reply: FastifyReply, status: number, key: string, request: FastifyRequest) =>
      reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify({ error: t(request, `console.api.${key}`) }));

    await server.register(cookie);
    await server.register(csrf, { cookieKey: "incubot_csrf", cookieOpts: { path: "/console", sameSite: "strict", httpOnly: true, secure: secure() } });
    await server.register(fastifyStatic, { root: projectPath("src/platforms/console/public"), prefix: "/console/assets/", index: false });

    server.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      if (error.code?.startsWith("FST_CSRF")) return refuse(reply, 403, "csrf", request);
      const status = error.statusCode ?? 500;
      if (status >= 500) deps.logger.error({ err: error }, "console request failed");
      return refuse(reply, status < 500 ? status : 500, status < 500 ? "badRequest" : "internal", request);
    });

    // helmet's upgrade-insecure-requests makes a browser fetch the page's own files over https;
    // on a console served over plain http (a LAN address) that breaks the page, so it is dropped
    // unless the public address is https.
    server.addHook("onSend", async (_request, reply, payload) => {
      const policy = reply.getHeader("content-security-policy");
      if (!secure() && typeof policy === "string") reply.header("content-security-policy", policy.replace(/;?\s*upgrade-insecure-requests/, ""));
      return payload;
    });

    // Every API call needs a live session of someone who is still staff.
    server.addHook("onRequest", async (request, reply) => {
      const path = request.url.split("?")[0]!;
      if (!path.startsWith("/console/api/")) return;
      const who = await sessions.find(request.cookies[sessionCookie]);
      if (!who || !(await deps.roles.isStaff(who.user))) return refuse(reply, 401, "loginRequired", request);
      staffOf.set(request, who);
    });
    // Every state-changing request carries the CSRF token (header x-csrf-token).
    server.addHook("preHandler", (request, reply, done) => (request.method === "POST" ? server.csrfProtection(request, reply, done) : done()));

    // Read when the page first asks (parsing them was 30 ms of start-up).
    let pageTexts: ReturnType<typeof loadPageTexts> | undefined;
    server.get("/console/texts", async (request) => (pageTexts ??= loadPageTexts())[localeOf(request)]);
    const page = (_request: FastifyRequest, reply: FastifyReply) => reply.header("cache-control", "no-store").sendFile("index.html");
    server.get("/console", page);
    server.get("/console/login", page);

    // The login page asks for a CSRF token first: link previewers fetch the link but run no
    // script, so they cannot spend it; a person's browser spends it by POST.
    server.get("/console/login/token", async (_request, reply) => ({ csrf: reply.generateCsrf() }));
    server.post("/console/login", async (request, reply) => {
      const token = String(bodyOf(request).t ?? "");
      const who = tokenPattern.test(token) ? await sessions.redeemLink(token) : undefined;
      if (!who || !(await deps.roles.isStaff(who.user))) return refuse(reply, 401, "linkInvalid", request);
      const id = await sessions.open(who);
      reply.setCookie(sessionCookie, id, { path: "/console", httpOnly: true, sameSite: "strict", secure: secure(), maxAge: sessionLifetimeMs / 1000 });
      await commands.record(who, "console.login", request.headers["user-agent"]?.slice(0, 120) ?? "");
      return { ok: true };
    });
    server.post("/console/api/logout", async (request, reply) => {
      await sessions.close(request.cookies[sessionCookie]);
      await commands.record(staffOf.get(request)!, "console.logout", "");
      reply.clearCookie(sessionCookie, { path: "/console" });
      return { ok: true };
    });
    server.get("/console/api/session", async (request, reply) => {
      const who = staffOf.get(request)!;
      return { user: who.user, name: who.name, csrf: reply.generateCsrf(), month: views.currentMonth(), timeZone: deps.timeZone };
    });

    registerApi(server, { views, commands, t, staff: (request) => staffOf.get(request)! });
  };
}

/** The JSON body of a POST (the server hands routes the raw bytes); {} when absent or malformed. */
export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const raw = Buffer.isBuffer(request.body) ? request.body.toString("utf8") : "";
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function localeOf(request: FastifyRequest): Locale {
  const header = request.headers["accept-language"];
  return (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase().startsWith("en") ? "en" : "zh-CN";
}
