import { afterAll } from "vitest";
import { connect } from "node:net";
import pg from "pg";

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

/**
 * A PostgreSQL database of one test's own (incubot_<purpose>_<pid>_<time>): created when asked,
 * dropped with FORCE at the end, so connections a killed instance left open do not keep it.
 */
export function throwawayPostgres(purpose: string): { name: string; url: string; create(): Promise<void>; drop(): Promise<void> } {
  const name = `incubot_${purpose}_${process.pid}_${Date.now()}`;
  const url = Object.assign(new URL(services.postgres.url), { pathname: `/${name}` }).toString();
  const administer = async (statement: string) => {
    const pool = new pg.Pool({ connectionString: services.postgres.url, max: 1 });
    try {
      await pool.query(statement);
    } finally {
      await pool.end();
    }
  };
  return { name, url, create: () => administer(`CREATE DATABASE ${name}`), drop: () => administer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * For a describe block: whether PostgreSQL is here, and a database of the block's own, dropped
 * after the block (create it in the test that needs it).
 */
export async function postgresForBlock(purpose: string): Promise<{ available: boolean; database: ReturnType<typeof throwawayPostgres> }> {
  const available = await serviceAvailable("postgres");
  const database = throwawayPostgres(purpose);
  afterAll(async () => {
    if (available) await database.drop();
  });
  return { available, database };
}

