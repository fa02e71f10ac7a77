import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { ConfigError } from "../core/errors.js";
import { projectPath } from "../core/paths.js";
import { configSchema, type Config } from "./schema.js";

/** Environment variables (names fixed by DESIGN.md) and the config keys they set. */
const environment: Array<[string, string, (value: string) => unknown]> = [
  ["PORT", "server.port", (value) => value],
  ["HOST", "server.host", (value) => value],
  ["DATA_URL", "storage.url", (value) => value],
  ["TELEGRAM_BOT_TOKEN", "telegram.token", (value) => value],
  ["TELEGRAM_API_ROOT", "telegram.apiRoot", (value) => value],
  ["TELEGRAM_WEBHOOK_URL", "telegram.webhookUrl", (value) => value],
  ["TELEGRAM_WEBHOOK_SECRET", "telegram.webhookSecret", (value) => value],
  ["WECHATY_PUPPET", "wechat.puppet", (value) => value],
  ["WECHATY_PUPPET_SERVICE_TOKEN", "wechat.puppetToken", (value) => value],
  ["WECOM_BOT_ID", "wecom.botId", (value) => value],
  ["WECOM_BOT_SECRET", "wecom.secret", (value) => value],
  ["WECOM_WS_URL", "wecom.wsUrl", (value) => value],
  ["LLM_BASE_URL", "llm.baseUrl", (value) => value],
  ["LLM_API_KEY", "llm.apiKey", (value) => value],
  ["LLM_MODEL", "llm.model", (value) => value],
  ["STAFF", "staff", (value) => value.split(/[,，\s]+/).filter(Boolean)],
  ["TZ_NAME", "timeZone", (value) => value],
  ["INSTANCE_ID", "instanceId", (value) => value],
  ["INSTANCE_LEASE_SECONDS", "instances.leaseSeconds", (value) => value],
  ["LOG_LEVEL", "logLevel", (value) => value],
  ["PUBLIC_URL", "server.publicUrl", (value) => value],
];

/**
 * Reads config/default.yaml, then the file named by INCUBOT_CONFIG (if any), then the
 * environment; validates once. A bad value throws a ConfigError naming the key (and the
 * environment variable it came from).
 */
export function loadConfig(options: { env?: NodeJS.ProcessEnv; files?: string[] } = {}): Config {
  const env = options.env ?? process.env;
  const files = options.files ?? [projectPath("config/default.yaml"), ...(env.INCUBOT_CONFIG ? [env.INCUBOT_CONFIG] : [])];
  let merged: Record<string, unknown> = {};
  for (const file of files) {
    if (!existsSync(file)) {
      if (file === env.INCUBOT_CONFIG) throw new ConfigError("INCUBOT_CONFIG", `文件不存在 file not found: ${file}`);
      continue;
    }
    let content: unknown;
    try {
      content = parse(readFileSync(file, "utf8")) ?? {};
    } catch (error) {
      throw new ConfigError(file, `YAML 格式错误 invalid YAML: ${(error as Error).message}`);
    }
    if (typeof content !== "object" || Array.isArray(content)) throw new ConfigError(file, "must be a YAML mapping");
    merged = deepMerge(merged, content as Record<string, unknown>);
  }
  const fromEnvironment = new Map<string, string>();
  for (const [name, path, convert] of environment) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    setPath(merged, path, convert(value));
    fromEnvironment.set(path, name);
  }
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.join(".");
    const top = [...fromEnvironment.keys()].find((key) => path === key || path.startsWith(`${key}.`));
    const named = top ? `${fromEnvironment.get(top)} (${path})` : path || "(root)";
    throw new ConfigError(named, issue.message);
  }
  return result.data;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = result[key];
    result[key] =
      value && typeof value === "object" && !Array.isArray(value) && existing && typeof existing === "object" && !Array.isArray(existing)
        ? deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return result;
}
