import { z } from "zod";
import { qaConfigSchema } from "../features/qa/config.js";
import { reportsConfigSchema } from "../features/reports/config.js";
import { trainingsConfigSchema } from "../features/trainings/config.js";

const url = z.url({ message: "must be a URL such as https://example.org" });
const optionalText = z.string().trim().min(1).nullable().default(null);

const telegramPacing = z
  .object({
    overallPerSecond: z.number().positive().default(30),
    perGroupPerMinute: z.number().positive().default(20),
    perPrivatePerSecond: z.number().positive().default(1),
  })
  .prefault({});

const wechatPacing = z
  .object({
    perChatIntervalSeconds: z.number().positive().default(3),
    overallPerMinute: z.number().positive().default(40),
  })
  .prefault({});

/** Not WeCom's published figures (none found): kept low on purpose; see the README's WeCom section. */
const wecomPacing = z
  .object({
    perChatPerMinute: z.number().positive().default(20),
    overallPerMinute: z.number().positive().default(60),
  })
  .prefault({});

export const configSchema = z.object({
  bot: z.object({ name: z.string().min(1).default("小园助手") }).prefault({}),
  park: z
    .object({
      name: z.string().default("社会组织创新园"),
      // Empty means unknown: answers leave out the sentence that would need it (qa/article.ts).
      phone: z.string().default(""),
      address: z.string().default(""),
      hours: z.string().default(""),
    })
    .prefault({}),
  timeZone: z.string().refine(isTimeZone, "unknown time zone; use an IANA name such as Asia/Shanghai").default("Asia/Shanghai"),
  instanceId: z.string().min(1).nullable().default(null),
  instances: z
    .object({
      /**
       * How long a broadcast run or a send claim outlives its owner's last heartbeat: the time a
       * killed instance's work waits before another takes it over. Heartbeats come three times a lease.
       */
      leaseSeconds: z.coerce.number().min(0.5, "must be at least 0.5 (seconds)").max(3600, "must be at most 3600 (seconds)").default(30),
    })
    .prefault({}),
  server: z
    .object({
      host: z.string().min(1).default("127.0.0.1"),
      port: z.coerce.number().int().min(0).max(65535).default(3000),
      playground: z.boolean().default(true),
      /** Bearer token for /api/reports from anywhere but loopback. */
      staffToken: optionalText,
      /** The address staff open the web console at (PUBLIC_URL); null: http://host:port. */
      publicUrl: optionalText,
    })
    .prefault({}),
  storage: z
    .object({
      url: z.string().regex(/^(sqlite|redis|rediss|postgres|postgresql|memory):\/\//, "must start with sqlite://, redis:// or postgres://").default("sqlite://data/incubot.sqlite"),
    })
    .prefault({}),
  staff: z.array(z.string().regex(/^(telegram|wechat|playground|wecom):.+$/, "user keys look like telegram:12345, wechat:wxid_abc or wecom:zhangsan")).default([]),
  playground: z
    .object({
      /** Playground user ids with staff rights (the page's 工作人员 role uses the first). */
      staffUsers: z.array(z.string()).default(["staff"]),
      /** Simulated sends a second, like a real platform's limit (null: as fast as the store allows). */
      perSecond: z.number().positive().nullable().default(null),
    })
    .prefault({}),
  telegram: z
    .object({
      token: optionalText,
      apiRoot: url.refine((value) => !value.endsWith("/"), "must not end with a slash").nullable().default(null),
      webhookUrl: url.nullable().default(null),
      webhookSecret: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters of A-Z, a-z, 0-9, _ and -").nullable().default(null),
      pacing: telegramPacing,
    })
    .prefault({}),
  wechat: z
    .object({
      puppet: optionalText,
      puppetToken: optionalText,
      pacing: wechatPacing,
    })
    .prefault({}),
  wecom: z
    .object({
      botId: optionalText,
      secret: optionalText,
      wsUrl: z.string().regex(/^wss?:\/\/\S+$/, "must be a WebSocket URL such as wss://openws.work.weixin.qq.com").nullable().default(null),
      /** The smart bot's name in WeCom, when it differs from bot.name: `@<name>` is removed from group messages. */
      botName: optionalText,
      /** Answers go back on the question's req_id for this long; later ones are sent as new messages. */
      replyWindowSeconds: z.number().int().positive().default(300),
      pacing: wecomPacing,
      /** Send-only groups through a group robot (消息推送) key; broadcasts and reminders reach them by tag. */
      webhooks: z
        .array(
          z.object({
            id: z.string().regex(/^[\w-]{1,64}$/, "1-64 characters of A-Z, a-z, 0-9, _ and -"),
            title: z.string().min(1),
            key: z.string().min(1),
            organization: z.string().min(1).optional(),
            tags: z.array(z.string().min(1)).default([]),
          }),
        )
        .default([]),
      webhookUrl: url.default("https://qyapi.weixin.qq.com/cgi-bin/webhook/send"),
    })
    .prefault({}),
  llm: z
    .object({
      baseUrl: url.nullable().default(null),
      apiKey: optionalText,
      model: optionalText,
      timeoutMs: z.number().int().positive().default(15_000),
    })
    .prefault({}),
  qa: qaConfigSchema,
  reports: reportsConfigSchema,
  trainings: trainingsConfigSchema,
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof configSchema>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
