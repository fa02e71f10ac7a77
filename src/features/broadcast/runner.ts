import type { Logger } from "pino";
import type { ChatDirectory } from "../../core/chats.js";
import type { Texts } from "../../core/i18n.js";
import type { Reply } from "../../core/message.js";
import type { Outbox } from "../../core/outbox.js";
import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";
import type { BroadcastJob, BroadcastStore, GroupState } from "./store.js";

export interface RunnerDeps {
  store: BroadcastStore;
  chats: ChatDirectory;
  outbox: Outbox;
  texts: Texts;
  clock: Clock;
  logger: Logger;
  /** Sends in flight at once; the outbox's pacing decides the real rate. */
  concurrency?: number;
  /** Clock time between two progress messages to the sender. */
  progressEveryMs?: number;
  /** Where the run's lease lives; without it each process runs what it launches (one instance). */
  storage?: Storage;
  instanceId?: string;
  /** How long a run's owner may be silent before another instance takes the broadcast over. */
  leaseMs?: number;
  /** Pause before asking again about groups another instance has claimed. */
  retryEveryMs?: number;
}

/** Default lease (config instances.leaseSeconds). A dead owner's send claims lapse one lease after its last heartbeat. */
const leaseMs = 30_000;
/** Groups claimed elsewhere are asked about again every half lease, for twelve leases. */
const retryRounds = 24;

/** The idempotency key of one group's copy of a broadcast. */
export function broadcastKey(id: string, chat: string): string {
  return `broadcast:${id}:${chat}`;
}

/** The text and the 收到 button every group gets. */
export function broadcastReply(texts: Texts, job: BroadcastJob, chat: string): Reply {
  return {
    chat,
    text: texts.t("zh-CN", "broadcast.message", { text: job.text, id: job.id }),
    buttons: [{ text: texts.t("zh-CN", "broadcast.receiptButton"), data: `收到 ${job.id}` }],
    once: broadcastKey(job.id, chat),
  };
}

/**
 * Fans a broadcast out through the outbox, recording each group's outcome as it goes, so a run
 * cut short by a crash resumes with only the groups not yet done (and the outbox's once keys
 * catch a group whose send finished but whose state was not yet written).
 */
export class BroadcastRunner {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(private readonly deps: RunnerDeps) {}

  /**
   * Starts (or resumes) a job in the background; one run per job in this process, and one
   * instance at a time drives it while it holds the job's lease.
   */
  launch(job: BroadcastJob): Promise<void> {
    const existing = this.running.get(job.id);
    if (existing) return existing;
    const run = this.leased(job)
      .catch((error) => this.deps.logger.error({ broadcast: job.id, err: error }, "broadcast run failed"))
      .finally(() => this.running.delete(job.id));
    this.running.set(job.id, run);
    return run;
  }

  /**
   * Unfinished jobs whose owner has gone silent (a crashed or killed instance) are taken over:
   * called now and then on every instance. Groups already sent are skipped by their stored state
   * and by the outbox's once keys, so a takeover never sends a group its copy twice.
   */
  async adopt(jobs: BroadcastJob[]): Promise<void> {
    for (const job of jobs) if (!this.running.has(job.id)) void this.launch(job);
  }

  /**
   * The lease is a chain of claims, one per period of leaseMs, each made by the owner before its
   * period begins: a live owner always holds the current one, and the first period a dead owner
   * did not claim goes to whoever claims it first. Claims decide, not timing.
   */
  private async leased(job: BroadcastJob): Promise<void> {
    const { storage, instanceId, logger } = this.deps;
    if (!storage || !instanceId) return this.run(job, () => false);
    const period = this.deps.leaseMs ?? leaseMs;
    const key = (index: number) => `broadcast-lease:${job.id}:${index}`;
    const hold = async (index: number) => (await storage.claim(key(index), period * 2, instanceId)) || (await storage.claimOwner(key(index))) === instanceId;
    const now = () => Math.floor(Date.now() / period);
    if (!(await hold(now()))) return; // a live instance drives it
    // Another instance holding a period this one meant to hold: this one stalled past its lease and
    // the broadcast was taken over. It stops starting sends; the new owner skips what it recorded.
    let lost = false;
    const beat = async () => {
      if (!(await hold(now() + 1)) && !lost) {
        lost = true;
        logger.warn({ broadcast: job.id }, "broadcast lease lost to another instance; this one stops sending it");
      }
    };
    const renew = setInterval(() => void beat().catch((error) => logger.warn({ broadcast: job.id, err: error }, "broadcast lease not renewed")), period / 3);
    renew.unref();
    try {
      await beat();
      if (!this.stopping && !lost) await this.run(job, () => lost);
    } finally {
      clearInterval(renew);
    }
  }

  /** Resolves when no job is running in this process. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** Lets sends under way finish and starts no more; unfinished jobs resume on the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private async run(job: BroadcastJob, lost: () => boolean): Promise<void> {
    const { store, outbox, clock, logger, texts } = this.deps;
    const states = new Map<string, GroupState>();
    for (const chat of job.chats) {
      const state = await store.state(job.id, chat);
      if (state) states.set(chat, state);
    }
    const pending = job.chats.filter((chat) => !states.has(chat));
    const total = job.chats.length;
    if (states.size > 0 && pending.length > 0) {
      logger.info({ broadcast: job.id, done: states.size, total }, "resuming broadcast");
      await outbox.send({ chat: job.origin, text: texts.t("zh-CN", "broadcast.resumed", { id: job.id, done: states.size, total }) });
    }
    let lastProgress = clock.now().getTime();
    const progressEvery = this.deps.progressEveryMs ?? 30_000;
    // Groups whose copy another instance has claimed but not recorded: asked again until that claim
    // is recorded or lapses (a crashed instance), so none is counted as sent without being sent.
    const elsewhere: string[] = [];
    const worker = async () => {
      for (let chat = pending.shift(); chat !== undefined && !this.stopping && !lost(); chat = pending.shift()) {
        const result = await outbox.send(broadcastReply(texts, job, chat));
        if (result.status === "in-flight") {
          elsewhere.push(chat);
          continue;
        }
        const state: GroupState = result.status === "sent" || result.status === "duplicate" ? "sent" : result.status === "blocked" ? "blocked" : "failed";
        await store.setState(job.id, chat, state);
        states.set(chat, state);
        const now = clock.now().getTime();
        if (now - lastProgress >= progressEvery && states.size < total) {
          lastProgress = now;
          const sent = [...states.values()].filter((value) => value === "sent").length;
          void outbox.send({ chat: job.origin, text: texts.t("zh-CN", "broadcast.progress", { id: job.id, sent, done: states.size, total }) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.deps.concurrency ?? 8) }, worker));
    for (let round = 0; elsewhere.length > 0 && !this.stopping && !lost() && round < retryRounds; round++) {
      await clock.sleep(this.deps.retryEveryMs ?? (this.deps.leaseMs ?? leaseMs) / 2);
      pending.push(...elsewhere.splice(0));
      await worker();
    }
    if (states.size < total || lost()) return; // stopped, taken over, or still claimed elsewhere: resumed later
    await store.saveJob({ ...job, status: "done", finishedAt: clock.now().toISOString() });
    await outbox.send(await this.report(job, states));
    logger.info({ broadcast: job.id, total, sent: [...states.values()].filter((state) => state === "sent").length }, "broadcast finished");
  }

  private async report(job: BroadcastJob, states: Map<string, GroupState>): Promise<Reply> {
    const { texts, chats } = this.deps;
    const sent = job.chats.filter((chat) => states.get(chat) === "sent").length;
    const problems: string[] = [];
    for (const chat of job.chats) {
      const state = states.get(chat);
      if (state === "sent") continue;
      const title = (await chats.get(chat))?.title ?? chat;
      problems.push(texts.t("zh-CN", state === "blocked" ? "broadcast.failure.blocked" : "broadcast.failure.failed", { group: title }));
    }
    const head = texts.t("zh-CN", "broadcast.report", { id: job.id, sent, total: job.chats.length });
    const tail = problems.length > 0 ? `\n${texts.t("zh-CN", "broadcast.failures", { count: problems.length })}\n${problems.join("\n")}` : "";
    return { chat: job.origin, text: head + tail, once: `broadcast-report:${job.id}` };
  }
}
