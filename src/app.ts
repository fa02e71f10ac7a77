import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Config } from "./config/schema.js";
import { artifactsFromEnvironment, buildAlways, type Artifacts } from "./core/artifacts.js";
import { ChatDirectory } from "./core/chats.js";
import { Dispatcher } from "./core/dispatcher.js";
import { ConfigError } from "./core/errors.js";
import type { Feature } from "./core/feature.js";
import { loadTexts, type Texts } from "./core/i18n.js";
import { createLogger } from "./core/logging.js";
import { Outbox } from "./core/outbox.js";
import { projectPath } from "./core/paths.js";
import { Roles } from "./core/roles.js";
import type { FeatureContext } from "./features/context.js";
import { createFeatures } from "./features/index.js";
import { systemClock, type Clock } from "./ports/clock.js";
import type { Llm } from "./ports/llm.js";
import { createCronScheduler, type Scheduler } from "./ports/scheduler.js";
import { openStorage, StorageUrlError, type Storage } from "./ports/storage/index.js";
import { jsonResponse, refuseUnlessStaff, type HttpRoute } from "./core/http.js";
import { broadcastProgress, measuredLlm } from "./metrics.js";
import { createMetrics, type Metrics } from "./ports/metrics.js";
import { HttpServer } from "./platforms/http.js";
import { consolePlugin } from "./platforms/console/plugin.js";
import { createConsoleFeature } from "./features/console/index.js";
import { createPlatforms } from "./platforms/index.js";
import type { PlaygroundAdapter } from "./platforms/playground/adapter.js";
import type { MessageSink, PlatformAdapter } from "./platforms/types.js";

/**
 * Features read at most this many characters of a message. Retrieval and extraction cost grows
 * faster than the text (a 4,000-character paste took half a second of CPU), and a longer message
 * is a pasted document, not something said to the bot.
 */
const maxTextLength = 2000;

export interface AppOptions {
  config: Config;
  storage?: Storage;
  clock?: Clock;
  logger?: Logger;
  /** undefined: built from config.llm when configured; null: none. */
  llm?: Llm | null;
  scheduler?: Scheduler;
  /** Counters for GET /metrics; one set per app. */
  metrics?: Metrics;
  /** How long a send's claim keeps other instances off it (default config instances.leaseSeconds). */
  claimLeaseMs?: number;
  /** Replace the platforms built from config (tests). */
  platforms?: PlatformAdapter[];
  /** Replace the feature list (tests). */
  features?: (context: FeatureContext) => Feature[];
  /** Derived data kept between starts; default: INCUBOT_ARTIFACTS (see src/core/artifacts.ts). */
  artifacts?: Artifacts;
}

/** The whole bot, wired: ports, features, dispatcher, outbox, platforms, HTTP server. */
export class App {
  readonly config: Config;
  readonly storage: Storage;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly texts: Texts;
  readonly roles: Roles;
  readonly chats: ChatDirectory;
  readonly outbox: Outbox;
  readonly scheduler: Scheduler;
  readonly features: Feature[];
  readonly dispatcher: Dispatcher;
  readonly platforms: PlatformAdapter[];
  readonly http: HttpServer;
  readonly llm?: Llm;
  readonly metrics: Metrics;
  address?: { host: string; port: number };
  private stopping = false;

  constructor(options: Required<Pick<AppOptions, "config" | "storage" | "clock" | "logger" | "scheduler">> & AppOptions & { platforms: PlatformAdapter[] }) {
    this.config = options.config;
    this.storage = options.storage;
    this.clock = options.clock;
    this.logger = options.logger;
    this.scheduler = options.scheduler;
    this.metrics = options.metrics ?? createMetrics();
    this.llm = options.llm ? measuredLlm(options.llm, this.metrics) : undefined;
    const artifacts = options.artifacts ?? buildAlways;
    this.texts = loadTexts(projectPath("config/locales"), artifacts);
    const playgroundStaff = this.config.playground.staffUsers.map((id) => `playground:${id}`);
    this.roles = new Roles(this.storage, new Set([...this.config.staff, ...playgroundStaff]));
    this.chats = new ChatDirectory(this.storage);
    this.outbox = new Outbox({
      storage: this.storage,
      clock: this.clock,
      logger: this.logger,
      instanceId: this.config.instanceId ?? `${hostname()}:${this.config.server.port}`,
      onBlocked: (chat) => this.chats.markInactive(chat),
      metrics: this.metrics,
      claimLeaseMs: options.claimLeaseMs ?? this.config.instances.leaseSeconds * 1000,
    });
    this.metrics.onScrape((set) => set("outbox_depth", {}, this.outbox.depth));
    this.metrics.onScrape(broadcastProgress(this.storage));
    const context: FeatureContext = {
      config: this.config,
      storage: this.storage,
      clock: this.clock,
      logger: this.logger,
      texts: this.texts,
      roles: this.roles,
      chats: this.chats,
      outbox: this.outbox,
      scheduler: this.scheduler,
      llm: this.llm,
      artifacts,
      commands: () => this.dispatcher.commands.all(),
    };
    this.features = [createConsoleFeature(context, { publicUrl: () => this.publicUrl() }), ...(options.features ?? createFeatures)(context)];
    this.dispatcher = new Dispatcher({
      features: this.features,
      storage: this.storage,
      outbox: this.outbox,
      roles: this.roles,
      texts: this.texts,
      clock: this.clock,
      logger: this.logger,
      sharedStore: this.storage.kind === "redis" || this.storage.kind === "postgres",
    });
    this.platforms = options.platforms;
    for (const platform of this.platforms) this.outbox.register(platform.sender, platform.pacing);
    this.http = new HttpServer(() => this.routes(), this.logger, this.texts, () => [
      consolePlugin({ features: this.features, outbox: this.outbox, texts: this.texts, storage: this.storage, clock: this.clock, logger: this.logger, roles: this.roles, chats: this.chats, commands: this.dispatcher.commands, timeZone: this.config.timeZone, publicUrl: () => this.publicUrl() }),
    ]);
  }

  /** Where staff open the web console: server.publicUrl (PUBLIC_URL), else the address listened on. */
  publicUrl(): string {
    const listened = this.address?.host ?? this.config.server.host;
    // A wildcard address is not one a browser can open; on this machine it is loopback.
    const host = listened === "0.0.0.0" || listened === "::" ? "127.0.0.1" : listened;
    return this.config.server.publicUrl ?? `http://${host.includes(":") ? `[${host}]` : host}:${this.address?.port ?? this.config.server.port}`;
  }

  get playground(): PlaygroundAdapter | undefined {
    return this.platforms.find((platform) => platform.platform === "playground") as PlaygroundAdapter | undefined;
  }

  /** The core as platforms see it. */
  readonly sink: MessageSink = {
    handle: async (message) => {
      if (this.stopping) return [];
      this.metrics.messageIn(message.platform);
      if (message.text.length > maxTextLength) message = { ...message, text: message.text.slice(0, maxTextLength) };
      // At debug level operators see what came in; the logger masks personal numbers in it.
      this.logger.debug({ chat: message.chat.key, sender: message.sender.key, text: message.text }, "message in");
      await this.chats.seen(message);
      return this.dispatcher.handle(message);
    },
    rekeyChat: async (from, to) => {
      await this.chats.rekey(from, to);
      await this.dispatcher.rekeyChat(from, to);
      for (const feature of this.features) await feature.rekeyChat?.(from, to);
      this.logger.info({ from, to }, "chat re-keyed");
    },
    markInactive: (chat) => this.chats.markInactive(chat),
    commands: (locale) =>
      this.dispatcher.commands.all().map((spec) => ({ name: spec.name, description: this.texts.t(locale, spec.summaryKey), chats: spec.chats ?? "any", staffOnly: spec.staffOnly === true })),
  };

  /** Starts the HTTP server, the platforms and the features' background work. */
  async start(options: { listen?: boolean } = {}): Promise<void> {
    if (options.listen !== false) this.address = await this.http.listen(this.config.server.host, this.config.server.port);
    for (const platform of this.platforms) await platform.start(this.sink);
    for (const feature of this.features) await feature.start?.();
  }

  /** Graceful stop: no new messages, in-flight ones finish, the outbox drains, the store closes. */
  async stop(options: { drainMs?: number } = {}): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.http.refuseNew();
    const drained = () => this.outbox.drain(options.drainMs);
    await this.scheduler.stop();
    for (const platform of this.platforms) await platform.stop().catch((error) => this.logger.warn({ err: error, platform: platform.platform }, "platform stop failed"));
    await this.dispatcher.idle();
    for (const feature of this.features) await feature.stop?.();
    await drained();
    await this.http.close();
    await this.storage.close();
  }

  async health(): Promise<{ ok: boolean; store: { kind: string; ok: boolean }; platforms: ReturnType<PlatformAdapter["health"]>[] }> {
    const storeOk = await this.storage.ping().catch(() => false);
    const platforms = this.platforms.map((platform) => platform.health());
    return { ok: storeOk && platforms.every((platform) => platform.state !== "error"), store: { kind: this.storage.kind, ok: storeOk }, platforms };
  }

  private routes(): HttpRoute[] {
    const health: HttpRoute = {
      method: "GET",
      path: "/healthz",
      handle: async () => {
        const state = await this.health();
        return jsonResponse(state.ok ? 200 : 503, state);
      },
    };
    const playgroundRoutes = this.config.server.playground ? (this.playground?.routes ?? []) : [];
    const platformRoutes = this.platforms.filter((platform) => platform.platform !== "playground").flatMap((platform) => platform.routes ?? []);
    const metrics: HttpRoute = {
      method: "GET",
      path: "/metrics",
      handle: async (request) => {
        const refusal = refuseUnlessStaff(request, { staffToken: this.config.server.staffToken, trustLoopback: this.config.server.playground });
        if (refusal) return refusal;
        const { contentType, text } = await this.metrics.render();
        return { status: 200, body: text, headers: { "content-type": contentType } };
      },
    };
    return [health, metrics, ...platformRoutes, ...playgroundRoutes, ...this.features.flatMap((feature) => feature.routes ?? [])];
  }
}

/** Builds the app from config: opens the store, creates the LLM client and the platforms. */
export async function createApp(options: AppOptions): Promise<App> {
  const config = options.config;
  const metrics = options.metrics ?? createMetrics();
  const logger = options.logger ?? createLogger({ level: config.logLevel, onError: (message) => metrics.error(message) });
  const clock = options.clock ?? systemClock;
  const storage =
    options.storage ??
    (await openStorage(config.storage.url).catch((error: unknown) => {
      throw error instanceof StorageUrlError ? new ConfigError("DATA_URL", error.message) : error;
    }));
  const scheduler = options.scheduler ?? createCronScheduler({ storage, timeZone: config.timeZone, logger, onTick: (task, lagMs) => metrics.schedulerLag(task, lagMs / 1000) });
  const llm = options.llm === null ? undefined : (options.llm ?? (await createConfiguredLlm(config)));
  let app: App | undefined;
  const platforms =
    options.platforms ??
    (await createPlatforms({
      config,
      storage,
      clock,
      logger,
      setRole: (user, role) => app!.roles.setRole(user, role),
    }));
  const artifacts = options.artifacts ?? artifactsFromEnvironment(logger);
  app = new App({ ...options, config, logger, clock, storage, scheduler, llm, platforms, metrics, artifacts });
  return app;
}

async function createConfiguredLlm(config: Config): Promise<Llm | undefined> {
  const { baseUrl, model } = config.llm;
  if (!baseUrl || !model) return undefined;
  const { createOpenAiLlm } = await import("./ports/openai-llm.js");
  return createOpenAiLlm({ baseUrl, apiKey: config.llm.apiKey ?? "none", model, timeoutMs: config.llm.timeoutMs });
}
