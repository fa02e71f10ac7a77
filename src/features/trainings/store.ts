import type { Clock } from "../../ports/clock.js";
import type { Storage } from "../../ports/storage/index.js";

/** A scheduled training. `revision` grows when the time changes, so reminders fire again. */
export interface Training {
  v: 1;
  id: string;
  revision: number;
  title: string;
  place: string;
  start: string;
  end: string;
  /** Group tags, or ["all"]. The group it was created in is always included. */
  audience: string[];
  origin: string;
  reminders: string[];
  capacity?: number;
  status: "scheduled" | "cancelled";
  createdBy: string;
  createdAt: string;
  /** When the current time was set: reminder slots before it are never due. */
  plannedAt: string;
}

export interface Registration {
  training: string;
  user: string;
  name: string;
  /** Where they signed up: the place to tell them when they move up from the waiting list. */
  chat: string;
  at: string;
  seq: number;
}

const idClaimMs = 20 * 365 * 24 * 3600_000;

/** Trainings, registrations (one key each, so two people signing up at once lose nothing) and private chats. */
export class TrainingStore {
  private readonly trainings;
  private readonly registrations;
  private readonly contacts;
  private readonly meta;
  private sequence = 0;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
  ) {
    this.trainings = storage.namespace<Training>("trainings");
    this.registrations = storage.namespace<Registration>("training-registrations");
    this.contacts = storage.namespace<string>("training-contacts");
    this.meta = storage.namespace<number>("training-meta");
  }

  /** Short numeric ids people can type; claimed atomically so two instances never share one. */
  async nextId(): Promise<string> {
    let candidate = ((await this.meta.get("lastId")) ?? 0) + 1;
    while (!(await this.storage.claim(`training-id:${candidate}`, idClaimMs))) candidate++;
    await this.meta.set("lastId", candidate);
    return String(candidate);
  }

  get(id: string): Promise<Training | undefined> {
    return this.trainings.get(id.replace(/^[#＃]/, ""));
  }

  async save(training: Training): Promise<void> {
    await this.trainings.set(training.id, training);
  }

  async all(): Promise<Training[]> {
    const list: Training[] = [];
    for await (const [, training] of this.trainings.entries()) if (training.v === 1) list.push(training);
    return list.sort((a, b) => a.start.localeCompare(b.start) || Number(a.id) - Number(b.id));
  }

  /** Scheduled trainings that have not ended. */
  async upcoming(now: Date): Promise<Training[]> {
    return (await this.all()).filter((training) => training.status === "scheduled" && new Date(training.end) > now);
  }

  async register(training: string, user: string, name: string, chat: string): Promise<boolean> {
    const key = `${training}|${user}`;
    if (await this.registrations.get(key)) return false;
    await this.registrations.set(key, { training, user, name, chat, at: this.clock.now().toISOString(), seq: this.sequence++ });
    return true;
  }

  unregister(training: string, user: string): Promise<boolean> {
    return this.registrations.delete(`${training}|${user}`);
  }

  /** In sign-up order; with a capacity the first `capacity` are confirmed, the rest wait. */
  async roster(training: Training): Promise<{ confirmed: Registration[]; waiting: Registration[] }> {
    const list: Registration[] = [];
    for await (const [key, registration] of this.registrations.entries()) if (key.startsWith(`${training.id}|`)) list.push(registration);
    list.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq || a.user.localeCompare(b.user));
    const capacity = training.capacity ?? Number.POSITIVE_INFINITY;
    return { confirmed: list.slice(0, capacity), waiting: list.slice(capacity) };
  }

  /** A group that changed its key (Telegram supergroup migration) keeps its trainings and sign-ups. */
  async rekeyChat(from: string, to: string): Promise<void> {
    for (const training of await this.all()) if (training.origin === from) await this.save({ ...training, origin: to });
    for await (const [key, registration] of this.registrations.entries()) {
      if (registration.chat === from) await this.registrations.set(key, { ...registration, chat: to });
    }
  }

  /** Remembers a person's private chat with the bot, for private reminders. */
  async rememberPrivateChat(user: string, chat: string): Promise<void> {
    if ((await this.contacts.get(user)) !== chat) await this.contacts.set(user, chat);
  }

  privateChat(user: string): Promise<string | undefined> {
    return this.contacts.get(user);
  }
}
