import { answer, type Feature, type Outcome, type Turn } from "../../core/feature.js";
import { UserError } from "../../core/errors.js";
import { AuditLog } from "../../core/audit.js";
import type { FeatureContext } from "../context.js";
import { BroadcastRunner } from "./runner.js";
import { BroadcastStore, draftKeepMs, type BroadcastJob } from "./store.js";

type Context = Pick<FeatureContext, "storage" | "clock" | "logger" | "texts" | "chats" | "outbox"> & Partial<Pick<FeatureContext, "scheduler" | "config">>;

export interface BroadcastFeature extends Feature {
  /** Resolves when no broadcast is being sent by this process (tests, graceful stop). */
  idle(): Promise<void>;
}

const pause = "[\\s，,。.!！~～、]*";
/** 收到, 收到了, 好的收到, 收到啦, 已收到 谢谢, 收到，谢谢！, 收到 3 (emoji dropped first). */
const receipt = new RegExp(`^(?:(?:好的|好|嗯|ok|OK)${pause})?已?(?:收到){1,2}(?:了|啦|哈|呢|啦)?${pause}(?:[#＃]?(\\d+))?${pause}(?:(?:谢谢|多谢|感谢)(?:老师|通知|提醒)?)?${pause}$`, "i");
const emoji = /[\p{Extended_Pictographic}\uFE0F\u200D]/gu;
const allWords = /^(全部|所有|全体|所有群|全部群)$/;
const confirmWords = /^(确认|确定|发送|确认发送|confirm|yes)[!！。.]*$/i;
const cancelWords = /^(取消|不发了|算了|cancel|no)[!！。.]*$/i;

/**
 * Staff announcements to many groups: /broadcast to:<tags> <text> previews, 确认 sends through
 * the outbox's pacing, the sender sees progress and a delivery report, members answer 收到.
 */
export function createBroadcastFeature(context: Context, options: { concurrency?: number; progressEveryMs?: number; leaseMs?: number; retryEveryMs?: number } = {}): BroadcastFeature {
  const store = new BroadcastStore(context.storage);
  const audit = new AuditLog(context.storage, context.clock);
  const leaseMs = options.leaseMs ?? (context.config?.instances.leaseSeconds ?? 30) * 1000;
  const runner = new BroadcastRunner({ store, chats: context.chats, outbox: context.outbox, texts: context.texts, clock: context.clock, logger: context.logger, storage: context.storage, instanceId: context.outbox.instanceId, ...options, leaseMs });
  // Looked at twice a lease (at least every second, at most every 30 s): a dead owner's broadcast waits about one lease more.
  const takeoverEverySeconds = Math.min(30, Math.max(1, Math.round(leaseMs / 2000)));
  const owner = (turn: Turn) => `${turn.message.chat.key}|${turn.message.sender.key}`;

  async function preview(turn: Turn, args: string): Promise<Outcome> {
    if (!turn.isStaff) return answer(turn, turn.t("core.staffOnly"));
    // "to: 养老， 社区 text": spaces after the colon or between tags belong to the option.
    const match = /^(?:to|对象|发给)\s*[:：]\s*((?:[^\s,，、]+\s*[,，、]\s*)*[^\s,，、]+)\s+([\s\S]+)$/i.exec(args.trim());
    if (!match) throw new UserError("broadcast.usage");
    const tags = match[1]!.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean).map((tag) => (allWords.test(tag) ? "all" : tag));
    const text = match[2]!.trim();
    // The chat the staff member is typing in (their office group) already has the text.
    const groups = (await context.chats.groupsTagged(tags)).filter((group) => group.key !== turn.message.chat.key);
    if (groups.length === 0) throw new UserError("broadcast.noGroups", { tags: tags.join("、") });
    await store.saveDraft(owner(turn), { v: 1, text, tags, chats: groups.map((group) => group.key), at: turn.now.toISOString() });
    await store.noteDraftIn(turn.message.chat.key, owner(turn), turn.message.sender.name);
    const audience = tags.map((tag) => (tag === "all" ? turn.t("broadcast.everyGroup") : tag)).join("、");
    return { ...answer(turn, turn.t("broadcast.preview", { count: groups.length, tags: audience, text })), conversation: "open" };
  }

  async function confirm(turn: Turn): Promise<Outcome | undefined> {
    const draft = await store.draft(owner(turn));
    const text = turn.message.text.trim();
    if (!draft || turn.now.getTime() - Date.parse(draft.at) > draftKeepMs) {
      // A 确认 that comes too late must not vanish in silence: staff would think it went out.
      if (draft) await store.dropDraft(owner(turn));
      if (confirmWords.test(text) || cancelWords.test(text)) return { ...answer(turn, turn.t("broadcast.expired")), conversation: "close" };
      return { replies: [], conversation: "close" };
    }
    if (cancelWords.test(text)) {
      await store.dropDraft(owner(turn));
      return { ...answer(turn, turn.t("broadcast.cancelled")), conversation: "close" };
    }
    if (!confirmWords.test(text)) return answer(turn, turn.t("broadcast.confirmHint"));
    await store.dropDraft(owner(turn));
    const job: BroadcastJob = {
      v: 1,
      id: await store.nextId(),
      text: draft.text,
      tags: draft.tags,
      chats: draft.chats,
      by: turn.message.sender.key,
      byName: turn.message.sender.name,
      origin: turn.message.chat.key,
      createdAt: turn.now.toISOString(),
      status: "running",
    };
    await store.saveJob(job);
    await audit.record(turn, "broadcast.send", `#${job.id} to:${job.tags.join(",")} ${job.text}`, job.chats);
    void runner.launch(job);
    return { ...answer(turn, turn.t("broadcast.started", { id: job.id, count: job.chats.length })), conversation: "close" };
  }

  async function status(turn: Turn, given: string): Promise<Outcome> {
    if (!turn.isStaff) return answer(turn, turn.t("core.staffOnly"));
    // Without a number: the latest announcement, which is nearly always the one meant.
    const id = given || (await store.latestJobId()) || "";
    if (!id) return answer(turn, turn.t("broadcast.noneYet"));
    const job = await store.job(id);
    if (!job) throw new UserError("broadcast.notFound", { id: id || "?" });
    const confirmed = await store.confirmedGroups(job.id);
    const delivered: string[] = [];
    let blocked = 0;
    for (const chat of job.chats) {
      const state = await store.state(job.id, chat);
      if (state === "sent") delivered.push(chat);
      else if (state) blocked++;
    }
    const silent = delivered.filter((chat) => !confirmed.has(chat));
    const names = [];
    for (const chat of silent.slice(0, 30)) names.push((await context.chats.get(chat))?.title ?? chat);
    const more = silent.length > names.length ? turn.t("broadcast.more", { count: silent.length - names.length }) : "";
    const head = turn.t(job.status === "done" ? "broadcast.statusDone" : "broadcast.statusRunning", { id: job.id, delivered: delivered.length, total: job.chats.length, confirmed: confirmed.size, failed: blocked });
    // "Every group it reached said 收到" only once the run is over and reached at least one group:
    // said of 0 of 30 groups, or of the first few while the rest wait, it reads as "all went well".
    const settled = job.status === "done" && delivered.length > 0;
    const list = silent.length > 0 ? `\n${turn.t("broadcast.unconfirmed", { count: silent.length })}\n${names.join("、")}${more}` : settled ? `\n${turn.t("broadcast.allConfirmed", { count: delivered.length })}` : "";
    return answer(turn, head + list);
  }

  /** 确认 from a staff member who has no preview of their own, where a colleague has one open. */
  async function othersDraft(turn: Turn): Promise<Outcome | undefined> {
    const pending = await store.draftIn(turn.message.chat.key);
    if (!pending || pending.owner === owner(turn) || !(await store.draft(pending.owner))) return undefined;
    return answer(turn, turn.t("broadcast.notYourDraft", { name: pending.name }));
  }

  /** 收到 (or the 收到 button) in a group: recorded, and thanked once in a few words, so the person knows it counted. */
  async function acknowledge(turn: Turn, match: RegExpExecArray): Promise<Outcome | undefined> {
    const chat = turn.message.chat.key;
    const id = match[1] ?? (await store.latestIn(chat));
    if (!id) return undefined;
    if ((await store.state(id, chat)) !== "sent") return undefined;
    const first = await store.addReceipt(id, chat, turn.message.sender.key, turn.message.sender.name, turn.now);
    // A second 收到 from the same person is recorded already: silence rather than chatter.
    if (!first) return { replies: [] };
    return answer(turn, turn.t("broadcast.receiptThanks", { id }), { mention: { key: turn.message.sender.key, name: turn.message.sender.name } });
  }

  return {
    name: "broadcast",
    commands: [{ name: "broadcast", aliases: ["通知", "群发"], staffOnly: true, summaryKey: "broadcast.commands.broadcast" }],
    async handle(turn) {
      const command = turn.command;
      if (command?.name === "broadcast") {
        const [word = "", id = ""] = command.args.split(/\s+/);
        return /^(status|状态|回执)$/i.test(word) ? status(turn, id) : preview(turn, command.args);
      }
      if (!command && turn.conversation === "broadcast") return confirm(turn);
      const match = turn.message.chat.type === "group" && !command ? receipt.exec(turn.message.text.replace(emoji, "").trim()) : null;
      if (match) return acknowledge(turn, match);
      if (!command && !turn.conversation && turn.isStaff && confirmWords.test(turn.message.text.trim())) return othersDraft(turn);
      return undefined;
    },
    async start() {
      await runner.adopt(await store.unfinished());
      // Another instance's broadcast is taken over here if that instance dies mid-way.
      context.scheduler?.every("broadcast:takeover", `*/${takeoverEverySeconds} * * * * *`, async () => runner.adopt(await store.unfinished()));
    },
    stop: () => runner.stop(),
    idle: () => runner.idle(),
  };
}
