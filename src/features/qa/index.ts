import { AuditLog } from "../../core/audit.js";
import type { Feature, Outcome, Turn } from "../../core/feature.js";
import type { Reply } from "../../core/message.js";
import type { FeatureContext } from "../context.js";
import { KnowledgeError } from "./article.js";
import { looksLikeQuestion } from "./scope.js";
import { QaService } from "./service.js";
import { hasChinese } from "./text.js";
import { ticketIdIn, Tickets, type Ticket } from "./tickets.js";

export type QaFeature = Feature & { reload(): Promise<{ articles: number; passages: number }> };

/**
 * Answers registration and governance questions from the knowledge base (with an optional,
 * checked LLM), hands what it cannot answer to staff as tickets, and posts staff answers back.
 * Throws at creation when an article is broken (the message names the file).
 */
export function createQaFeature(context: FeatureContext): QaFeature {
  const audit = new AuditLog(context.storage, context.clock);
  const service = new QaService({
    config: context.config,
    texts: context.texts,
    storage: context.storage,
    llm: context.llm,
    artifacts: context.artifacts,
    onLlmError: (error) => context.logger.warn({ err: error }, "LLM answer failed; using the retrieval answer"),
  });
  const tickets = new Tickets(context.storage);
  const staffChat = context.config.qa.staffChat;

  /** Answers, or hands to staff; with `onlyIfAnswered`, says nothing unless it has an answer. */
  async function ask(turn: Turn, question: string, onlyIfAnswered = false): Promise<Outcome | undefined> {
    const { message } = turn;
    const answer = await service.answerer.answer(question, { previous: message.replyToBot ? message.replyTo?.text : undefined });
    // (A greeting or thanks without a question mark still gets its friendly word back.)
    if (onlyIfAnswered && answer.handoff && answer.reason !== "social") return undefined;
    const here = (text: string): Reply => ({ chat: message.chat.key, text, replyTo: message.id });
    if (!answer.forward) return { replies: [here(answer.text)] };
    const ticket = await tickets.open({
      question: question.trim(),
      asker: message.sender,
      chat: message.chat.key,
      chatTitle: message.chat.title,
      messageId: message.id,
      reason: answer.reason ?? "unknown",
      createdAt: turn.now.toISOString(),
    });
    context.logger.info({ chat: message.chat.key, ticket: ticket.id, reason: ticket.reason }, "question handed to staff");
    const t = context.texts.translator(answer.english ? "en" : "zh-CN");
    // (An answer whose one point could not be verified is sent with the note that staff will check it.)
    const replies = [here(t(`qa.handoff.forwarded.${answer.reason ?? "unknown"}`, { ticket: `#${ticket.id}`, answer: answer.text }))];
    if (staffChat && staffChat !== message.chat.key) replies.push({ chat: staffChat, text: forwardText(turn, ticket) });
    return { replies };
  }

  function forwardText(turn: Turn, ticket: Ticket): string {
    return context.texts.t("zh-CN", "qa.handoff.toStaff", {
      ticket: `#${ticket.id}`,
      asker: ticket.asker.name,
      chat: ticket.chatTitle ? `${ticket.chatTitle} ${ticket.chat}` : ticket.chat,
      question: ticket.question,
      time: turn.now.toISOString().slice(0, 16).replace("T", " "),
    });
  }

  async function answerTicket(turn: Turn, id: string, text: string): Promise<Outcome> {
    const reply = (key: string, params = {}) => ({ replies: [{ chat: turn.message.chat.key, text: turn.t(key, params) }] });
    const ticket = await tickets.get(id);
    if (!ticket) return reply("qa.reply.notFound", { ticket: id });
    if (!text.trim()) return reply("qa.reply.usage");
    if (ticket.status === "answered") return reply("qa.reply.already", { ticket: `#${ticket.id}` });
    await tickets.answer(ticket, text.trim(), turn.message.sender.key, turn.now);
    await audit.record(turn, "ticket.reply", `#${ticket.id} ${text.trim()}`, [ticket.chat]);
    return {
      replies: [
        {
          chat: ticket.chat,
          text: context.texts.t(hasChinese(ticket.question) ? "zh-CN" : "en", "qa.reply.toAsker", { question: ticket.question, answer: text.trim(), ticket: `#${ticket.id}` }),
          mention: ticket.asker,
          replyTo: ticket.messageId,
        },
        { chat: turn.message.chat.key, text: turn.t("qa.reply.done", { ticket: `#${ticket.id}`, chat: ticket.chatTitle ?? ticket.chat }) },
      ],
    };
  }

  async function command(commandTurn: Turn): Promise<Outcome | undefined> {
    const { name, args } = commandTurn.command!;
    // The dispatcher already answers a bare "/tickets" or "/kb reload" in Chinese.
    const turn = commandTurn;
    const say = (key: string, params = {}) => ({ replies: [{ chat: turn.message.chat.key, text: turn.t(key, params) }] });
    switch (name) {
      case "ask": {
        // "/ask" sent as a reply to someone's message asks that message.
        const question = args.trim() || commandTurn.message.replyTo?.text?.trim() || "";
        return question ? ask(turn, question) : say("qa.ask.usage");
      }
      case "kb":
        if (!/^(reload|重新加载|刷新)$/i.test(args.trim())) return say("qa.kb.status", service.status());
        try {
          await audit.record(turn, "kb.reload", args.trim());
          return say("qa.kb.reloaded", await service.reload());
        } catch (error) {
          if (!(error instanceof KnowledgeError)) throw error;
          context.logger.warn({ err: error }, "knowledge reload failed");
          return say("qa.kb.failed", { error: error.message });
        }
      case "tickets": {
        const open = await tickets.listOpen();
        if (open.length === 0) return say("qa.tickets.none");
        const lines = open.map((ticket) => turn.t("qa.tickets.line", { ticket: `#${ticket.id}`, asker: ticket.asker.name, chat: ticket.chatTitle ?? ticket.chat, question: ticket.question }));
        return say("qa.tickets.list", { count: open.length, list: lines.join("\n") });
      }
      case "reply": {
        const match = /^#?(\S+)\s*([\s\S]*)$/.exec(args.trim());
        if (!match) return say("qa.reply.usage");
        return answerTicket(turn, match[1]!, match[2]!);
      }
      default:
        return undefined;
    }
  }

  return {
    name: "qa",
    commands: [
      { name: "ask", aliases: ["提问"], summaryKey: "qa.commands.ask", chats: "any" },
      { name: "kb", aliases: ["知识库"], staffOnly: true, summaryKey: "qa.commands.kb", chats: "any" },
      { name: "tickets", aliases: ["待答问题", "工单"], staffOnly: true, summaryKey: "qa.commands.tickets", chats: "any" },
      { name: "reply", aliases: ["答复"], staffOnly: true, summaryKey: "qa.commands.reply", chats: "any" },
    ],
    async handle(turn) {
      if (turn.command) return command(turn);
      const { message } = turn;
      if (turn.isStaff && message.replyTo && message.text.trim()) {
        // A staff member answering a forwarded question by replying to it.
        const forwarded = message.replyToBot ? ticketIdIn(message.replyTo.text) : undefined;
        if (forwarded) return answerTicket(turn, forwarded, message.text);
        // …or replying to the asker's own message, which the asker already sees: just close the ticket.
        const original = await tickets.findByMessage(message.chat.key, message.replyTo.messageId);
        if (original) {
          await tickets.answer(original, message.text.trim(), message.sender.key, turn.now);
          return { replies: [] };
        }
      }
      if (!turn.addressed) return undefined;
      const spokenTo = message.mentionsBot || message.replyToBot;
      if (turn.conversation && turn.conversation !== "qa" && !spokenTo) return undefined;
      if (looksLikeQuestion(message.text)) return spokenTo || message.chat.type === "private" ? ask(turn, message.text) : undefined;
      // "@小园助手 社团会员人数": no question mark, but a clear topic is worth answering.
      return spokenTo ? ask(turn, message.text, true) : undefined;
    },
    reload: () => service.reload(),
  };
}
