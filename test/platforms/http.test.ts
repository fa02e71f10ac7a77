import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openStorage } from "../../src/ports/storage/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { listen } from "../support/http.js";


/** Writes raw bytes on one keep-alive connection and collects each answer's status line. */
function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  let received = "";
  let closedWith: string | undefined;
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  socket.on("error", (error) => (closedWith = (error as NodeJS.ErrnoException).code));
  socket.on("close", () => (closedWith ??= "closed"));
  return {
    write: (data: string | Buffer) => socket.write(data),
    /** Waits until `count` responses' status lines have arrived. */
    async statuses(count: number): Promise<number[]> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const lines = [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => Number(match[1]));
        if (lines.length >= count || closedWith || Date.now() > deadline) return lines;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    closedWith: () => closedWith,
    end: () => socket.destroy(),
  };
}

describe("HTTP API: bad input gets a 4xx that says what is wrong", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("answers a malformed percent-encoding in a path with 400 and a reason", async () => {
    bot = await startTestBot();
    const url = await listen(bot);
    const response = await fetch(`${url}/api/chats/%/messages`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/%/);
  });

  it("refuses ?month=2026-13 with a message naming the value, and accepts 2026-12", async () => {
    bot = await startTestBot();
    const url = await listen(bot);
    const bad = await fetch(`${url}/api/reports?month=2026-13`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/YYYY-MM.*2026-13/);
    expect((await fetch(`${url}/api/reports?month=2026-12`)).status).toBe(200);
  });

  it("says what is wrong in Chinese by default and in English when asked", async () => {
    bot = await startTestBot();
    const url = await listen(bot);
    const chinese = (await (await fetch(`${url}/no/such/page`)).json()) as { error: string };
    expect(chinese.error).toBe("没有这个地址。");
    const english = await fetch(`${url}/api/messages`, { method: "POST", body: "{not json", headers: { "accept-language": "en-GB,en;q=0.8" } });
    expect(english.status).toBe(400);
    expect(((await english.json()) as { error: string }).error).toBe("The request body is not valid JSON.");
    const missing = await fetch(`${url}/api/messages`, { method: "POST", body: JSON.stringify({ chat: { id: "g", type: "group" }, text: "你好" }) });
    expect(((await missing.json()) as { error: string }).error).toMatch(/^请求格式不对：from/);
  });

  it("serves the next request on the same connection after a 413", async () => {
    bot = await startTestBot();
    const url = await listen(bot);
    const connection = rawConnection(url);
    const body = Buffer.alloc(2 * 1024 * 1024, "a");
    connection.write(`POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    connection.write(body);
    expect(await connection.statuses(1)).toEqual([413]);
    connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    expect(await connection.statuses(2)).toEqual([413, 200]);
    expect(connection.closedWith()).toBeUndefined();
    connection.end();
  });

  it("answers a chunked body over the limit with 413 and no connection reset", async () => {
    bot = await startTestBot();
    const url = await listen(bot);
    const connection = rawConnection(url);
    connection.write("POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.alloc(256 * 1024, "b");
    for (let index = 0; index < 8; index++) connection.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]));
    connection.write("0\r\n\r\n");
    expect(await connection.statuses(1)).toEqual([413]);
    connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const statuses = await connection.statuses(2);
    // Either the connection is still usable or it was closed in good order: never ECONNRESET.
    expect(connection.closedWith() === undefined ? statuses : connection.closedWith()).toEqual(connection.closedWith() === undefined ? [413, 200] : "closed");
    connection.end();
  });

  it("sets security headers, and the page's inline script carries the response's CSP nonce", async () => {
    bot = await startTestBot();
    const url = await listen(bot);
    const page = await fetch(`${url}/`);
    const policy = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(await page.text()).toContain(`<script nonce="${nonce}">`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const again = (await fetch(`${url}/`)).headers.get("content-security-policy");
    expect(again).not.toContain(nonce);
  });
});

describe("export links in the chat history", () => {
  const folder = mkdtempSync(join(tmpdir(), "incubot-http-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("still download after a restart", async () => {
    const file = join(folder, "bot.sqlite");
    const first = await startTestBot({ storage: await openStorage(`sqlite://${file}`) });
    await first.app.outbox.send({ chat: "playground:g1", text: "3 月的报告", file: { name: "报告-2026-03.csv", mimeType: "text/csv; charset=utf-8", data: Buffer.from("编号,人数\nR1,8\n") } });
    await first.app.outbox.drain();
    const [entry] = await first.playground.transcripts.after("playground:g1", 0);
    const link = (entry as { file?: { url: string } }).file!.url;
    await first.close();

    const second = await startTestBot({ storage: await openStorage(`sqlite://${file}`) });
    const url = await listen(second);
    const response = await fetch(`${url}${link}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("编号,人数\nR1,8\n");
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("报告-2026-03.csv"));
    expect((await fetch(`${url}/api/files/unknown`)).status).toBe(404);
    await second.close();
  });
});
