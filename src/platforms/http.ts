import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { HttpRequest, HttpResponse, HttpRoute } from "../core/http.js";
import type { Locale, Texts } from "../core/i18n.js";

/** A part of the server that needs the framework itself (cookies, CSRF, static files). */
export type HttpPlugin = (server: FastifyInstance) => Promise<void>;

/** The largest request body any route accepts (a playground message is at most 20,000 characters). */
const maxBody = 1024 * 1024;
/** Up to this size, a too-large body is read and dropped so its connection stays usable. */
const drainLimit = 16 * 1024 * 1024;
/** On stop, the listener closes after this long without a new request (at most quietMaxMs). */
const quietMs = 300;
const quietMaxMs = 2000;
const loopback = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
/**
 * fastify requires its schema compilers (ajv, fast-json-stringify) when a server is built: about
 * 0.1 s of start-up. No route here declares a schema, so they are loaded when one first needs them.
 * They are fastify's own dependencies, so they are resolved from fastify.
 */
const fastifyRequire = createRequire(createRequire(import.meta.url).resolve("fastify"));
type CompilerBuilder = (externalSchemas: unknown, options: unknown) => unknown;
const compilerBuilders = new Map<string, CompilerBuilder>();
const lazyCompiler =
  (module: string): CompilerBuilder =>
  (externalSchemas, options) => {
    let builder = compilerBuilders.get(module);
    if (!builder) compilerBuilders.set(module, (builder = (fastifyRequire(module) as () => CompilerBuilder)()));
    return builder(externalSchemas, options);
  };

/** The CSP nonce of each response, read by helmet's script-src directive. */
const nonces = new WeakMap<ServerResponse, string>();

/**
 * The one HTTP server (fastify): health, Telegram webhook, playground, staff API. Routes are the
 * core's plain records (src/core/http.ts); this file is the only one that knows fastify. Framework
 * errors (a malformed URL, a body over the limit, an unknown path) get a 4xx whose text comes from
 * the locale files, and the connection stays usable afterwards.
 */
export class HttpServer {
  private server?: FastifyInstance;
  private refusing = false;
  private lastRequestAt = 0;

  constructor(
    private readonly routes: () => HttpRoute[],
    private readonly logger: Logger,
    private readonly texts: Texts,
    /** Framework plugins mounted beside the plain routes (the staff console). */
    private readonly plugins: () => HttpPlugin[] = () => [],
  ) {}

  async listen(host: string, port: number): Promise<{ host: string; port: number }> {
    const server = await this.build();
    this.server = server;
    await server.listen({ host, port });
    const address = server.server.address() as AddressInfo;
    return { host: address.address, port: address.port };
  }

  /**
   * First step of a stop: new requests get a quick 503 while the listener stays open, so clients
   * already queued to connect get an answer instead of a reset. Requests under way carry on.
   */
  refuseNew(): void {
    this.refusing = true;
  }

  /** Stops accepting connections; requests under way finish first, idle keep-alive sockets close. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    if (this.refusing) {
      // Connections already queued at the listener are answered (503) before it closes: closing
      // a listener resets the connections it has not accepted yet.
      const until = Date.now() + quietMaxMs;
      while (Date.now() - this.lastRequestAt < quietMs && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await server.close();
  }

  private async build(): Promise<FastifyInstance> {
    const server = Fastify({
      bodyLimit: maxBody,
      routerOptions: { maxParamLength: 500 },
      forceCloseConnections: "idle",
      schemaController: { compilersFactory: { buildValidator: lazyCompiler("@fastify/ajv-compiler"), buildSerializer: lazyCompiler("@fastify/fast-json-stringify-compiler") } as never },
      frameworkErrors: (error, request, reply) => {
        // Malformed percent-encoding and the like, found before any route runs.
        void this.send(reply, this.error(request, 400, "badUrl"));
        this.logger.debug({ code: error.code }, "http request refused");
      },
    });
    // Routes read the raw body, so each one decides what a malformed body means.
    server.removeAllContentTypeParsers();
    server.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    server.addHook("onRequest", async (request, reply) => {
      nonces.set(reply.raw, randomBytes(16).toString("base64"));
      this.lastRequestAt = Date.now();
      // No "connection: close" here: closing with the request body unread would reset the socket
      // before the client reads the 503. Node drops the body; idle sockets close with the server.
      if (this.refusing) return this.send(reply, this.error(request, 503, "notStarted"));
    });
    await server.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          scriptSrc: ["'self'", (_request, response) => `'nonce-${nonces.get(response as ServerResponse) ?? ""}'`],
        },
      },
    });
    server.setNotFoundHandler((request, reply) => this.send(reply, this.error(request, 404, "notFound")));
    server.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) this.logger.error({ err: error, path: pathOf(request.url) }, "http handler failed");
      // fastify closes the connection after a too-large body; a modest one is read to its end and
      // dropped instead, so a keep-alive client's next request is served.
      if (status === 413 && Number(request.headers["content-length"]) <= drainLimit) reply.removeHeader("connection");
      const key = status === 413 ? "tooLarge" : status < 500 ? "badRequest" : "internal";
      return this.send(reply, this.error(request, status < 500 ? status : 500, key));
    });
    for (const route of this.routes()) {
      server.route({
        method: route.method,
        url: route.path,
        handler: async (request, reply) => this.send(reply, await route.handle(this.request(request, reply))),
      });
    }
    for (const plugin of this.plugins()) await server.register(plugin);
    return server;
  }

  private request(request: FastifyRequest, reply: FastifyReply): HttpRequest {
    const queryStart = request.url.indexOf("?");
    const headers = request.headers;
    const proxied = headers["x-forwarded-for"] !== undefined || headers.forwarded !== undefined || headers["x-real-ip"] !== undefined;
    return {
      method: request.method,
      path: pathOf(request.url),
      params: (request.params ?? {}) as Record<string, string>,
      query: new URLSearchParams(queryStart >= 0 ? request.url.slice(queryStart + 1) : ""),
      headers,
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      local: !proxied && loopback.has(request.raw.socket.remoteAddress ?? ""),
      t: this.texts.translator(localeOf(headers["accept-language"])),
      nonce: nonces.get(reply.raw) ?? "",
    };
  }

  private error(request: FastifyRequest, status: number, key: string): HttpResponse {
    return { status, json: { error: this.texts.t(localeOf(request.headers["accept-language"]), `http.${key}`) } };
  }

  private send(reply: FastifyReply, response: HttpResponse): FastifyReply {
    reply.code(response.status);
    for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
    if (response.json !== undefined) return reply.type("application/json; charset=utf-8").send(JSON.stringify(response.json));
    return reply.send(response.body ?? "");
  }
}

function pathOf(url: string): string {
  const queryStart = url.indexOf("?");
  return queryStart >= 0 ? url.slice(0, queryStart) : url;
}

/** English only when the client puts it first; Chinese otherwise, as everywhere in the bot. */
function localeOf(header: string | string[] | undefined): Locale {
  const first = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
