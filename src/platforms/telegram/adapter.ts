import { autoRetry } from "@grammyjs/auto-retry";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import { Bot, InputFile, type Context } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Config } from "../../config/schema.js";
import { ConfigError } from "../../core/errors.js";
import { chatKey, type IncomingMessage, type Reply } from "../../core/message.js";
import type { Sender } from "../../core/outbox.js";
import { splitText, type PacingRules } from "../../core/pacing.js";
import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";
import type { HttpRoute, MessageSink, PlatformAdapter, PlatformHealth } from "../types.js";
import { describe, migratedTo, toDeliveryError } from "./errors.js";
import { ButtonData, isGroupChat, keyboard, maxCaptionLength, maxTextLength, nativeChatId, nativeMessageId, pacingRules, withMention } from "./format.js";
import { fromTelegram } from "./parse.js";
import { webhookRoute, webhookSecret } from "./webhook.js";

export interface TelegramAdapterOptions {
  config: Pick<Config, "telegram">;
  logger: Logger;
  clock: Clock;
  /** Keeps long button data across restarts; an in-process map without it. */
  storage?: Storage;
  /** Called after each update is dealt with, ignored ones included (tests, metrics). */
  onUpdateHandled?: (update: Update) => void;
  /**
   * In-client retries (@grammyjs/auto-retry). Kept small so long 429 waits reach the outbox,
   * which honours retry_after with its own clock and pacing.
   */
  retry?: { maxDelaySeconds?: number; maxRetryAttempts?: number };
  /** Long-polling timeout for getUpdates (Telegram allows up to 50 s). */
  pollingTimeoutSeconds?: number;
}

const allowedUpdates = ["message", "callback_query", "my_chat_member"] as const;
const typingAfterMs = 1000;
const restartInitAfterMs = 30_000;

/** Telegram through grammY: long polling with @grammyjs/runner, or a webhook with a secret. */
export class TelegramAdapter implements PlatformAdapter {
  readonly platform = "telegram" as const;
  readonly bot: Bot;
  readonly sender: Sender;
  readonly pacing: PacingRules;
  readonly routes: HttpRoute[];
  private sink?: MessageSink;
  private runner?: RunnerHandle;
  private retryTimer?: NodeJS.Timeout;
  private state: PlatformHealth["state"] = "stopped";
  private detail?: string;
  private readonly buttons: ButtonData;
  private readonly migrated = new Set<string>();
  private readonly webhookUrl: string | null;
  private readonly secret: string;

  constructor(private readonly options: TelegramAdapterOptions) {
    const { token, apiRoot, webhookUrl, webhookSecret: configuredSecret, pacing } = options.config.telegram;
    if (!token) throw new ConfigError("TELEGRAM_BOT_TOKEN (telegram.token)", "the Telegram adapter needs the token @BotFather gave you");
    this.bot = new Bot(token, apiRoot ? { client: { apiRoot } } : undefined);
    this.bot.api.config.use(autoRetry({ maxDelaySeconds: options.retry?.maxDelaySeconds ?? 3, maxRetryAttempts: options.retry?.maxRetryAttempts ?? 2, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
    this.bot.api.config.use((previous, method, payload, signal) => this.watchPolling(previous(method, payload, signal), method, signal));
    this.bot.catch((error) => options.logger.error({ err: error.error }, "telegram update failed"));
    // Updates of one chat+user run in order (no lost writes); others run side by side.
    this.bot.use(sequentialize((ctx: Context) => (ctx.chat ? `${ctx.chat.id}:${ctx.from?.id ?? ""}` : undefined)));
    this.bot.use((ctx) => this.route(ctx.update));
    this.buttons = new ButtonData(options.storage);
    this.pacing = pacingRules(pacing);
    this.webhookUrl = webhookUrl;
    this.secret = webhookSecret(configuredSecret, token);
    this.routes = webhookUrl ? [webhookRoute({ bot: this.bot, secret: this.secret, ready: () => this.sink !== undefined && this.bot.isInited(), logger: options.logger })] : [];
    this.sender = { platform: "telegram", maxLength: maxTextLength, send: (reply) => this.send(reply), isGroup: isGroupChat };
  }

  async start(sink: MessageSink): Promise<void> {
    this.sink = sink;
    this.state = "starting";
    try {
      await this.bot.init();
    } catch (error) {
      // A start-up without Telegram keeps the rest of the bot (playground, WeChat) serving.
      this.fail("cannot reach the Telegram Bot API (getMe)", error);
      const unauthorized = /^401\b/.test(describe(error));
      if (!unauthorized) this.retryTimer = setTimeout(() => void this.start(sink), restartInitAfterMs).unref();
      return;
    }
    void this.publishCommands();
    if (this.webhookUrl) await this.setWebhook(this.webhookUrl);
    else await this.startPolling();
  }

  async stop(): Promise<void> {
    clearTimeout(this.retryTimer);
    const runner = this.runner;
    this.runner = undefined;
    if (runner?.isRunning()) await runner.stop();
    this.sink = undefined;
    this.state = "stopped";
  }

  health(): PlatformHealth {
    return { platform: "telegram", state: this.state, detail: this.detail };
  }

  /** Handles one update as polling or the webhook would (benchmarks, tests). */
  async handleUpdate(update: Update): Promise<void> {
    await this.bot.handleUpdate(update);
  }

  private async startPolling(): Promise<void> {
    // A webhook left by an earlier deployment makes getUpdates fail with 409.
    await this.bot.api.deleteWebhook().catch((error) => this.options.logger.debug({ err: describe(error) }, "telegram deleteWebhook refused"));
    const runner = run(this.bot, {
      runner: { silent: true, fetch: { timeout: this.options.pollingTimeoutSeconds ?? 30, allowed_updates: allowedUpdates } },
    });
    this.runner = runner;
    this.running();
    runner.task()?.catch((error) => {
      if (this.runner === runner) this.fail("long polling stopped", error);
    });
  }

  private async setWebhook(url: string): Promise<void> {
    try {
      await this.bot.api.setWebhook(url, { secret_token: this.secret, allowed_updates: allowedUpdates });
      this.running();
    } catch (error) {
      this.fail("setWebhook was refused", error);
    }
  }

  private async route(update: Update): Promise<void> {
    const sink = this.sink;
    try {
      if (!sink) return;
      const message = update.message;
      if (message?.migrate_to_chat_id) await this.migrate(message.chat.id, message.migrate_to_chat_id);
      if (message?.migrate_from_chat_id) await this.migrate(message.migrate_from_chat_id, message.chat.id);
      const member = update.my_chat_member;
      if (member && (member.new_chat_member.status === "left" || member.new_chat_member.status === "kicked")) {
        await sink.markInactive(chatKey("telegram", member.chat.id));
      }
      if (update.callback_query) {
        // Stops the spinner on the button; cosmetic.
        this.bot.api.answerCallbackQuery(update.callback_query.id).catch((error) => this.cosmeticFailed("answerCallbackQuery", error));
      }
      const incoming = fromTelegram(update, this.bot.botInfo, this.options.clock.now());
      if (!incoming) return;
      if (update.callback_query) incoming.text = await this.buttons.decode(incoming.text);
      await this.withTyping(incoming, () => sink.handle(incoming));
    } catch (error) {
      this.options.logger.error({ err: error, update: update.update_id }, "telegram update failed");
    } finally {
      this.options.onUpdateHandled?.(update);
    }
  }

  /** Shows "typing…" only when an answer takes a while (LLM); quick answers need no extra call. */
  private async withTyping<T>(message: IncomingMessage, work: () => Promise<T>): Promise<T> {
    const likelyAddressed = message.chat.type === "private" || message.mentionsBot || message.replyToBot || message.text.startsWith("/");
    const timer = likelyAddressed
      ? setTimeout(() => this.bot.api.sendChatAction(nativeChatId(message.chat.key), "typing").catch((error) => this.cosmeticFailed("sendChatAction", error)), typingAfterMs)
      : undefined;
    try {
      return await work();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Group → supergroup: both the old and the new chat announce it; act once. */
  private async migrate(from: number, to: number): Promise<void> {
    const pair = `${from}>${to}`;
    if (this.migrated.has(pair) || !this.sink) return;
    this.migrated.add(pair);
    await this.sink.rekeyChat(chatKey("telegram", from), chatKey("telegram", to));
  }

  private async send(reply: Reply): Promise<{ messageId?: string }> {
    const chatId = nativeChatId(reply.chat);
    try {
      return await this.sendTo(chatId, reply);
    } catch (error) {
      const newId = migratedTo(error);
      if (newId === undefined) throw toDeliveryError(error);
      // A broadcast to a group that became a supergroup: move the chat and deliver there.
      await this.migrate(Number(chatId), newId);
      try {
        return await this.sendTo(String(newId), reply);
      } catch (retryError) {
        throw toDeliveryError(retryError);
      }
    }
  }

  private async sendTo(chatId: string, reply: Reply): Promise<{ messageId?: string }> {
    const replyTo = reply.replyTo ? nativeMessageId(reply.replyTo) : undefined;
    const reply_parameters = replyTo ? { message_id: replyTo, allow_sending_without_reply: true } : undefined;
    const reply_markup = reply.buttons?.length ? keyboard(reply.buttons, await Promise.all(reply.buttons.map((button) => this.buttons.encode(button.data)))) : undefined;
    const first = withMention(reply.text, reply.mention);
    if (reply.file) {
      const document = new InputFile(reply.file.data, reply.file.name);
      if (first.text.length <= maxCaptionLength) {
        const sent = await this.bot.api.sendDocument(chatId, document, { caption: first.text || undefined, caption_entities: first.entities, reply_parameters, reply_markup });
        return { messageId: `${chatId}:${sent.message_id}` };
      }
      const text = await this.sendTexts(chatId, first, { reply_parameters });
      await this.bot.api.sendDocument(chatId, document, { reply_markup });
      return text;
    }
    return this.sendTexts(chatId, first, { reply_parameters, reply_markup });
  }

  /** The outbox splits at 4096; a mention in front can push the first part over, so split again. */
  private async sendTexts(chatId: string, first: ReturnType<typeof withMention>, extra: { reply_parameters?: { message_id: number }; reply_markup?: ReturnType<typeof keyboard> }): Promise<{ messageId: string }> {
    const [head, ...rest] = splitText(first.text, maxTextLength);
    let firstId: string | undefined;
    for (const [index, text] of [head!, ...rest].entries()) {
      const last = index === rest.length;
      const sent = await this.bot.api.sendMessage(chatId, text, {
        entities: index === 0 ? first.entities : undefined,
        reply_parameters: index === 0 ? extra.reply_parameters : undefined,
        reply_markup: last ? extra.reply_markup : undefined,
      });
      firstId ??= `${chatId}:${sent.message_id}`;
    }
    return { messageId: firstId! };
  }

  /** The command menu in Telegram's "/" list; a server that refuses it does not stop the bot. */
  private async publishCommands(): Promise<void> {
    const sink = this.sink;
    if (!sink?.commands) return;
    for (const [locale, language_code] of [["zh-CN", undefined], ["en", "en"]] as const) {
      const commands = sink.commands(locale).filter((command) => !command.staffOnly && /^[a-z0-9_]{1,32}$/.test(command.name));
      for (const chats of ["private", "group"] as const) {
        const list = commands.filter((command) => command.chats === "any" || command.chats === chats).map((command) => ({ command: command.name, description: command.description.slice(0, 256) || command.name }));
        const scope = { type: chats === "private" ? ("all_private_chats" as const) : ("all_group_chats" as const) };
        try {
          await this.bot.api.setMyCommands(list, { scope, language_code });
        } catch (error) {
          return this.cosmeticFailed("setMyCommands", error);
        }
      }
    }
  }

  private async watchPolling<T extends { ok: boolean; description?: string; error_code?: number }>(call: Promise<T>, method: string, signal?: { aborted: boolean }): Promise<T> {
    if (method !== "getUpdates") return call;
    try {
      const result = await call;
      if (result.ok) this.running();
      else this.fail("getUpdates failed", `${result.error_code} ${result.description}`);
      return result;
    } catch (error) {
      if (!signal?.aborted) this.fail("getUpdates failed", error);
      throw error;
    }
  }

  private running(): void {
    if (this.state === "running") return;
    if (this.state === "error") this.options.logger.info("telegram connection restored");
    this.state = "running";
    this.detail = undefined;
  }

  private fail(what: string, error: unknown): void {
    const detail = `${what}: ${typeof error === "string" ? error : describe(error)}`;
    if (this.state !== "error" || this.detail !== detail) this.options.logger.error({ detail }, "telegram platform error");
    this.state = "error";
    this.detail = detail;
  }

  private cosmeticFailed(method: string, error: unknown): void {
    this.options.logger.debug({ method, err: describe(error) }, "telegram cosmetic call refused");
  }
}
