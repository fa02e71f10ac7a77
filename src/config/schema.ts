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

export const configSchema = z.object({
  bot: z.object({ name: z.string().min(1).default("小园助手") }).prefault({}),
  park: z
    .object({
      name: z.string().default("社会组织创新园"),
      phone: z.string().default("（请在 config 中填写园区电话）"),
      address: z.string().default("（请在 config 中填写园区地址）"),
      hours: z.string().default("（请在 config 中填写办公时间）"),
    })
    .prefault({}),
  timeZone: z.string().refine(isTimeZone, "unknown time zone; use an IANA name such as Asia/Shanghai").default("Asia/Shanghai"),
  instanceId: z.string().min(1).nullable().default(null),
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
  staff: z.array(z.string().regex(/^(telegram|wechat|playground):.+$/, "user keys look like telegram:12345 or wechat:wxid_abc")).default([]),
  playground: z
    .object({
      /** Playground user ids with staff rights (the page's 工作人员 role uses the first). */
      staffUsers: z.array(z.string()).default(["staff"]),
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
