/**
 * A loopback fake of WeCom's smart-bot long connection, speaking the frames the SDK speaks:
 *
 *   const wecom = await startWecomServer({ botId: "bot-1", secret: "s3cret" });
 *   // WECOM_WS_URL = wecom.url
 *   const reqId = wecom.callback({ chattype: "group", chatid: "wrk_g1", from: { userid: "zhangsan" }, msgtype: "text", text: { content: "@小园助手 你好" } });
 *   wecom.answer(reqId);          // the stream content the bot last sent on that req_id (finished or not)
 *   wecom.pushed("wrk_g1");       // markdown texts sent proactively (aibot_send_msg) to that chatid
 *   wecom.drop();                 // closes every connection, as a network failure does
 *
 * aibot_subscribe with the right bot_id and secret is acked with errcode 0, otherwise with
 * errcode 40001 (the real server's code for a wrong secret is not known here); ping,
 * aibot_respond_msg and aibot_send_msg are acked with errcode 0 unless `refuse` says otherwise.
 */
import { randomUUID } from "node:crypto";
import { WebSocketServer, type WebSocket } from "ws";

export interface WecomFrame {
  cmd?: string;
  headers: { req_id: string };
  body?: any;
  errcode?: number;
  errmsg?: string;
}

export interface WecomServerOptions {
  botId: string;
  secret: string;
  /** Answer a wrong secret only after this long (a process test first sees the bot up). */
  refusalDelayMs?: number;
}

export interface FakeWecom {
  url: string;
  /** Every frame the bot sent, in order. */
  frames: WecomFrame[];
  /** Successful subscriptions so far (one per (re)connection). */
  subscriptions(): number;
  /** Refused subscriptions so far. */
  refusals(): number;
  /** Open, authenticated connections. */
  connections(): number;
  /** Pushes an aibot_msg_callback; resolves nothing, returns the frame's req_id. */
  callback(body: Partial<MessageBody> & Pick<MessageBody, "from">): string;
  /** The content of the bot's stream on this req_id, and whether it was finished. */
  answer(reqId: string): { content: string; finished: boolean } | undefined;
  /** Markdown texts the bot sent proactively to this chatid (refused sends left out). */
  pushed(chatid: string): string[];
  /** The next `count` frames with this cmd are answered with this errcode instead of 0. */
  refuse(cmd: string, errcode: number, errmsg: string, count?: number): void;
  /** Closes every connection (the bot should reconnect). */
  drop(): void;
  /** While down, every new connection is closed at once, as an unreachable WeCom would. */
  down(): void;
  up(): void;
  /** A person opens the single chat with the bot (enter_chat); returns the event's req_id. */
  enterChat(userid: string): string;
  /** Tells the bot's connection that another one took the bot over (disconnected_event), then closes it. */
  takeOver(): void;
  /** Polls until `read` gives a value (a promise is awaited). */
  waitFor<T>(read: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

interface MessageBody {
  msgid: string;
  aibotid: string;
  chatid?: string;
  chattype: "single" | "group";
  from: { userid: string };
  create_time: number;
  msgtype: string;
  text?: { content: string };
  [key: string]: unknown;
}

export async function startWecomServer(options: WecomServerOptions): Promise<FakeWecom> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as { port: number };
  const frames: WecomFrame[] = [];
  const sockets = new Set<WebSocket>();
  const authenticated = new Set<WebSocket>();
  const refusals = new Map<string, Array<{ errcode: number; errmsg: string }>>();
  /** Frames answered with a non-zero errcode: not delivered. */
  const refusedFrames = new Set<WecomFrame>();
  const accepted = (frame: WecomFrame, cmd: string) => frame.cmd === cmd && !refusedFrames.has(frame);
  let subscribed = 0;
  let refused = 0;
  let nextMessage = 1;

  const ack = (socket: WebSocket, reqId: string, errcode = 0, errmsg = "ok") => socket.send(JSON.stringify({ headers: { req_id: reqId }, errcode, errmsg }));

  let isDown = false;
  server.on("connection", (socket) => {
    if (isDown) return socket.terminate();
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      authenticated.delete(socket);
    });
    socket.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as WecomFrame;
      frames.push(frame);
      const reqId = frame.headers?.req_id ?? "";
      if (frame.cmd === "aibot_subscribe") {
        if (frame.body?.bot_id === options.botId && frame.body?.secret === options.secret) {
          subscribed++;
          authenticated.add(socket);
          ack(socket, reqId);
        } else {
          refused++;
          setTimeout(() => socket.readyState === socket.OPEN && ack(socket, reqId, 40001, "invalid secret"), options.refusalDelayMs ?? 0);
        }
        return;
      }
      if (!authenticated.has(socket)) return ack(socket, reqId, 40001, "not subscribed");
      const refusal = refusals.get(frame.cmd ?? "")?.shift();
      if (refusal) refusedFrames.add(frame);
      ack(socket, reqId, refusal?.errcode ?? 0, refusal?.errmsg ?? "ok");
    });
  });

  const fake: FakeWecom = {
    url: `ws://127.0.0.1:${port}`,
    frames,
    subscriptions: () => subscribed,
    refusals: () => refused,
    connections: () => authenticated.size,
    callback: (body) => {
      const socket = [...authenticated].at(-1);
      if (!socket) throw new Error("fake WeCom: no authenticated connection to push to");
      const reqId = `callback_${randomUUID()}`;
      const full: MessageBody = {
        msgid: `msg${nextMessage++}`,
        aibotid: options.botId,
        chattype: "single",
        create_time: Math.floor(Date.now() / 1000),
        msgtype: "text",
        ...body,
      } as MessageBody;
      socket.send(JSON.stringify({ cmd: "aibot_msg_callback", headers: { req_id: reqId }, body: full }));
      return reqId;
    },
    answer: (reqId) => {
      const last = frames.filter((frame) => accepted(frame, "aibot_respond_msg") && frame.headers.req_id === reqId).at(-1);
      if (!last) return undefined;
      return { content: String(last.body?.stream?.content ?? last.body?.markdown?.content ?? ""), finished: last.body?.stream ? last.body.stream.finish === true : true };
    },
    pushed: (chatid) => frames.filter((frame) => accepted(frame, "aibot_send_msg") && frame.body?.chatid === chatid).map((frame) => String(frame.body?.markdown?.content ?? "")),
    refuse: (cmd, errcode, errmsg, count = 1) => {
      const list = refusals.get(cmd) ?? [];
      for (let index = 0; index < count; index++) list.push({ errcode, errmsg });
      refusals.set(cmd, list);
    },
    drop: () => {
      for (const socket of sockets) socket.terminate();
    },
    down: () => {
      isDown = true;
    },
    up: () => {
      isDown = false;
    },
    enterChat: (userid) => {
      const socket = [...authenticated].at(-1);
      const reqId = `event_${randomUUID()}`;
      const body = { msgid: `event${nextMessage++}`, aibotid: options.botId, create_time: Math.floor(Date.now() / 1000), chattype: "single", from: { userid }, msgtype: "event", event: { eventtype: "enter_chat" } };
      socket?.send(JSON.stringify({ cmd: "aibot_event_callback", headers: { req_id: reqId }, body }));
      return reqId;
    },
    takeOver: () => {
      const socket = [...authenticated].at(-1);
      const body = { msgid: `event${nextMessage++}`, aibotid: options.botId, create_time: Math.floor(Date.now() / 1000), msgtype: "event", event: { eventtype: "disconnected_event" } };
      socket?.send(JSON.stringify({ cmd: "aibot_event_callback", headers: { req_id: `event_${randomUUID()}` }, body }));
      setTimeout(() => socket?.close(), 20);
    },
    waitFor: async (read, what, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await read();
        if (value !== undefined && value !== false) return value as never;
        if (Date.now() > deadline) throw new Error(`fake WeCom: timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
