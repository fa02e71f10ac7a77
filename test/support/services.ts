import { connect } from "node:net";

/** Loopback addresses of the services some tests need (CI starts them; REQUIRE_SERVICES=1). */
export const services = {
  redis: { url: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", host: "127.0.0.1", port: 6379 },
  postgres: { url: process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test", host: "127.0.0.1", port: 5432 },
  chromium: { path: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
};

const required = process.env.REQUIRE_SERVICES === "1";

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Whether a test needing `name` should run. Absent service: prints why and skips, unless
 * REQUIRE_SERVICES=1, where an absent service is a failure.
 */
export async function serviceAvailable(name: "redis" | "postgres" | "chromium"): Promise<boolean> {
  let ok: boolean;
  if (name === "chromium") {
    const { existsSync } = await import("node:fs");
    ok = existsSync(services.chromium.path);
  } else {
    ok = await reachable(services[name].host, services[name].port);
  }
  if (ok) return true;
  if (required) throw new Error(`REQUIRE_SERVICES=1 but ${name} is not available`);
  console.warn(`[skip] ${name} is not available on this machine; tests that need it are skipped (CI sets REQUIRE_SERVICES=1)`);
  return false;
}
