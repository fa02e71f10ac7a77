import { randomInt } from "node:crypto";
import type { KeyValue, Storage } from "../../ports/storage/index.js";

/** A question handed to staff, kept until answered (survives restarts: it lives in storage). */
export interface Ticket {
  v: 1;
  /** Shown to everyone as #Q7F3K2; staff answer with /reply Q7F3K2 … or by replying to the forward. */
  id: string;
  question: string;
  asker: { key: string; name: string };
  chat: string;
  chatTitle?: string;
  messageId: string;
  reason: string;
  createdAt: string;
  status: "open" | "answered";
  answer?: string;
  answeredBy?: string;
  answeredAt?: string;
}

const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const keepMs = 180 * 24 * 3600_000;

/** Finds a ticket id in a text, e.g. the forwarded message a staff member replied to. */
export function ticketIdIn(text: string | undefined): string | undefined {
  return text ? /#?(Q[A-HJ-NP-Z2-9]{5})(?![A-Z0-9])/i.exec(text)?.[1]?.toUpperCase() : undefined;
}

/**
 * Tickets live in one namespace; the open ones are also listed in an index (id → true), so the
 * staff's list and finding the ticket of a replied-to message read open tickets only, not every
 * ticket of the last half year.
 */
export class Tickets {
  private readonly records: KeyValue<Ticket>;
  private readonly openIndex: KeyValue<true>;
  private readonly indexMeta: KeyValue<number>;
  private indexed?: Promise<void>;

  constructor(private readonly storage: Storage) {
    this.records = storage.namespace<Ticket>("qa-tickets");
    this.openIndex = storage.namespace<true>("qa-tickets-open");
    this.indexMeta = storage.namespace<number>("qa-tickets-index");
  }

  /** Stores written before the index existed are indexed once, on first use. */
  private ready(): Promise<void> {
    this.indexed ??= (async () => {
      if ((await this.indexMeta.get("open")) === 1) return;
      for await (const [, ticket] of this.records.entries()) if (ticket.status === "open") await this.openIndex.set(ticket.id, true, keepMs);
      await this.indexMeta.set("open", 1);
    })();
    return this.indexed;
  }

  async open(fields: Omit<Ticket, "v" | "id" | "status">): Promise<Ticket> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = `Q${Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join("")}`;
      // Claimed, so two instances never hand out the same id.
      if (!(await this.storage.claim(`qa-ticket:${id}`, keepMs))) continue;
      const ticket: Ticket = { v: 1, id, status: "open", ...fields };
      await this.records.set(id, ticket, keepMs);
      await this.openIndex.set(id, true, keepMs);
      return ticket;
    }
    throw new Error("could not find a free ticket id");
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.records.get(id.toUpperCase().replace(/^#/, ""));
  }

  async answer(ticket: Ticket, answer: string, by: string, at: Date): Promise<Ticket> {
    const answered: Ticket = { ...ticket, status: "answered", answer, answeredBy: by, answeredAt: at.toISOString() };
    await this.records.set(ticket.id, answered, keepMs);
    await this.openIndex.delete(ticket.id);
    return answered;
  }

  /** The open ticket raised by this message (a staff member replied to the question itself). */
  async findByMessage(chat: string, messageId: string): Promise<Ticket | undefined> {
    return (await this.listOpen()).find((ticket) => ticket.chat === chat && ticket.messageId === messageId);
  }

  async listOpen(): Promise<Ticket[]> {
    await this.ready();
    const open: Ticket[] = [];
    for await (const [id] of this.openIndex.entries()) {
      const ticket = await this.records.get(id);
      if (ticket?.status === "open") open.push(ticket);
    }
    return open.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
