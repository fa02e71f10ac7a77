import pino, { type Logger } from "pino";

const idCard = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g;
const mobile = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Masks mainland ID-card and mobile numbers, which volunteers paste into chats. */
export function maskPersonalData(text: string): string {
  return text.replace(idCard, "$1********$2").replace(mobile, "$1****$2");
}

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
