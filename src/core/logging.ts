import pino, { type Logger } from "pino";

// Digits as typed on a phone: ASCII or full-width, with the spaces or hyphens people group them by.
const d = "[0-9\uFF10-\uFF19]";
const gap = "[ \\-\u00A0]?";
const pattern = (body: string) => new RegExp(`(?<!${d})${body}(?!${d})`, "g");
const idCard = pattern(`(${d}{6})${gap}${d}{8}${gap}(${d}{3}[0-9\uFF10-\uFF19XxＸｘ])`);
/** Bank cards: 16 to 19 digits, in one run or in groups of four. */
const bankCard = pattern(`(${d}{4})${d}{8,11}(${d}{4})`);
const groupedBankCard = pattern(`(${d}{4})(?:[ \\-]${d}{4}){2}[ \\-](${d}{4}(?:[ \\-]?${d}{1,3})?)`);
const mobile = pattern(`((?:\\+?86${gap})?[1１][3-9３-９]${d})${gap}${d}{4}${gap}(${d}{4})`);

/** Masks mainland ID-card, bank-card and mobile numbers, which volunteers paste into chats. */
export function maskPersonalData(text: string): string {
  return text
    .replace(idCard, "$1********$2")
    .replace(bankCard, "$1 **** **** $2")
    .replace(groupedBankCard, "$1 **** **** $2")
    .replace(mobile, "$1****$2");
}

/** Fields whose whole value never reaches the log, whatever it looks like. */
const secretFields = ["phone", "mobile", "idCard", "id_card", "bankCard", "bank_card", "password", "token", "apiKey", "authorization", "secret"];

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { type: value.name, message: maskPersonalData(value.message), stack: value.stack && maskPersonalData(value.stack) };
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskDeep(inner, depth + 1)]));
}

/** JSON logs on stdout (or the given stream) with personal numbers masked everywhere. */
export function createLogger(options: { level?: string; stream?: NodeJS.WritableStream; onError?: (message: string) => void } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { service: "incubot" },
      redact: { paths: secretFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]), censor: "[redacted]" },
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method, level) {
          // Errors are counted for /metrics by their fixed message ("send failed"), never by data.
          if (level >= 50 && options.onError) options.onError(String(args.find((argument) => typeof argument === "string") ?? "error").slice(0, 60));
          method.apply(this, args.map((argument) => (typeof argument === "string" ? maskPersonalData(argument) : argument)) as Parameters<typeof method>);
        },
      },
    },
    options.stream ?? process.stdout,
  );
}

/** A logger that writes nothing, for tests and CLI commands. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
