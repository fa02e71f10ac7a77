import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/core/paths.js";

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: { ...process.env, DATA_URL: "memory://", PORT: "0", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("start-up with a wrong setting", () => {
  it("stops and names the environment variable", () => {
    const { code, output } = start({ PORT: "abc" });
    expect(code).toBe(2);
    expect(output).toMatch(/PORT \(server\.port\)/);
    expect(output).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("stops and names a broken knowledge article and its problem", () => {
    const folder = mkdtempSync(join(tmpdir(), "incubot-broken-kb-"));
    writeFileSync(join(folder, "broken-article.md"), "---\nid: broken-article\ntitle: 坏文章\n---\n## 问题？\n回答。\n");
    const site = join(folder, "site.yaml");
    writeFileSync(site, `qa:\n  knowledgeDirs: [config/knowledge, ${folder}]\n`);
    const { code, output } = start({ INCUBOT_CONFIG: site });
    expect(code).toBe(2);
    expect(output).toContain("broken-article.md");
    expect(output).toMatch(/sources/);
  });
});
