import { answer, type Feature, type Outcome, type Turn } from "../../core/feature.js";
import { UserError } from "../../core/errors.js";
import type { FeatureContext } from "../context.js";
import { normalizeOrganizationType } from "../trainings/compliance.js";
import { clockText, wallTime } from "../trainings/time.js";
import { AuditLog } from "./audit.js";

type Context = Pick<FeatureContext, "storage" | "clock" | "chats" | "config">;

const typeWords = /^(社团|社会团体|协会|学会|商会|民非|民办非企业单位|社会服务机构|基金会)$/;

/** Group ↔ organization binding (/bind, /unbind), the group list (/groups) and the audit log (/audit). */
export function createAdminFeature(context: Context): Feature {
  const audit = new AuditLog(context.storage, context.clock);
  const when = (iso: string) => {
    const wall = wallTime(new Date(iso), context.config.timeZone);
    return `${wall.month}-${wall.day} ${clockText(wall)}`;
  };

  async function bind(turn: Turn, args: string): Promise<Outcome> {
    if (turn.message.chat.type !== "group") throw new UserError("admin.groupOnly");
    let tags: string[] | undefined;
    let type: string | undefined;
    const words: string[] = [];
    for (const token of args.split(/\s+/).filter(Boolean)) {
      const option = /^(tags?|标签|type|类型)[:：](.*)$/i.exec(token);
      if (option && /^(tags?|标签)$/i.test(option[1]!)) tags = option[2]!.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean);
      else if (option) type = option[2]!;
      else if (typeWords.test(token) && words.length > 0) type = token;
      else words.push(token);
    }
    const organization = words.join(" ");
    if (!organization) throw new UserError("admin.bindUsage");
    const organizationType = normalizeOrganizationType(type ?? organization);
    const chat = turn.message.chat.key;
    const existing = await context.chats.get(chat);
    const record = await context.chats.update(chat, { organization, organizationType, tags: tags ?? existing?.tags ?? [], title: turn.message.chat.title ?? existing?.title, type: "group" });
    await audit.record(turn, "bind", turn.message.text, [chat]);
    return answer(turn, turn.t("admin.bound", { organization, type: organizationType ?? turn.t("admin.unknownType"), tags: record.tags.join("、") || turn.t("admin.noTags") }));
  }

  async function unbind(turn: Turn): Promise<Outcome> {
    if (turn.message.chat.type !== "group") throw new UserError("admin.groupOnly");
    const chat = turn.message.chat.key;
    const existing = await context.chats.get(chat);
    if (!existing?.organization && !(existing?.tags.length ?? 0)) return answer(turn, turn.t("admin.notBound"));
    await context.chats.update(chat, { organization: undefined, organizationType: undefined, tags: [] });
    await audit.record(turn, "unbind", `${existing?.organization ?? ""} ${existing?.tags.join(",") ?? ""}`.trim(), [chat]);
    return answer(turn, turn.t("admin.unbound", { organization: existing?.organization ?? "-" }));
  }

  async function groups(turn: Turn): Promise<Outcome> {
    const list = (await context.chats.list()).filter((chat) => chat.type === "group");
    if (list.length === 0) return answer(turn, turn.t("admin.noGroups"));
    const lines = list.map((chat) =>
      turn.t("admin.groupLine", {
        title: chat.title ?? chat.key,
        key: chat.key,
        organization: chat.organization ? `${chat.organization}${chat.organizationType ? `（${chat.organizationType}）` : ""}` : turn.t("admin.noOrganization"),
        tags: chat.tags.join("、") || turn.t("admin.noTags"),
        state: turn.t(chat.active ? "admin.active" : "admin.inactive"),
        last: when(chat.lastSeen),
      }),
    );
    return answer(turn, `${turn.t("admin.groupsTitle", { count: list.length })}\n${lines.join("\n")}`);
  }

  async function auditLog(turn: Turn, args: string): Promise<Outcome> {
    const count = Math.min(100, Number(/^\d+$/.test(args) ? args : 20));
    const entries = await audit.latest(count);
    if (entries.length === 0) return answer(turn, turn.t("admin.auditEmpty"));
    const lines = entries.map((entry) => turn.t("admin.auditLine", { when: when(entry.at), name: entry.name, user: entry.user, action: entry.action, detail: entry.detail.slice(0, 80), groups: entry.groups.length }));
    return answer(turn, `${turn.t("admin.auditTitle", { count: entries.length })}\n${lines.join("\n")}`);
  }

  return {
    name: "admin",
    commands: [
      { name: "bind", aliases: ["绑定"], staffOnly: true, chats: "group", summaryKey: "admin.commands.bind" },
      { name: "unbind", aliases: ["解绑"], staffOnly: true, chats: "group", summaryKey: "admin.commands.unbind" },
      { name: "groups", aliases: ["群列表"], staffOnly: true, summaryKey: "admin.commands.groups" },
      { name: "audit", aliases: ["操作记录"], staffOnly: true, summaryKey: "admin.commands.audit" },
    ],
    async handle(turn) {
      const command = turn.command;
      if (!command || !["bind", "unbind", "groups", "audit"].includes(command.name)) return undefined;
      // The dispatcher already refuses non-staff; this keeps the feature safe on its own.
      if (!turn.isStaff) return answer(turn, turn.t("core.staffOnly"));
      if (command.name === "bind") return bind(turn, command.args);
      if (command.name === "unbind") return unbind(turn);
      if (command.name === "groups") return groups(turn);
      return auditLog(turn, command.args);
    },
  };
}
