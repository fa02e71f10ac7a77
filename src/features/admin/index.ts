import { answer, type Feature, type Outcome, type Turn } from "../../core/feature.js";
import { UserError } from "../../core/errors.js";
import type { FeatureContext } from "../context.js";
import { normalizeOrganizationType } from "../trainings/compliance.js";
import { clockText, wallTime } from "../trainings/time.js";
import { AuditLog } from "../../core/audit.js";

type Context = Pick<FeatureContext, "storage" | "clock" | "chats" | "config" | "texts">;

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
    // "tag: 养老, 社区" and "tag:养老， 社区": spaces after the colon or a comma belong to the option.
    const tokens = args.replace(/([:：,，、;；])\s+/g, "$1").split(/\s+/).filter(Boolean);
    for (const token of tokens) {
      const option = /^(tags?|标签|type|类型)[:：](.*)$/i.exec(token);
      if (option && /^(tags?|标签)$/i.test(option[1]!)) tags = option[2]!.split(/[,，、;；]/).map((tag) => tag.trim()).filter(Boolean);
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
    // Re-binding a group is allowed, but never silently: the previous organization is named.
    const replaced = existing?.organization && existing.organization !== organization ? turn.t("admin.replaced", { previous: existing.organization }) : "";
    return answer(turn, turn.t("admin.bound", { organization, type: organizationType ?? turn.t("admin.unknownType"), tags: record.tags.join("、") || turn.t("admin.noTags") }) + replaced);
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

  async function groups(turn: Turn, args: string): Promise<Outcome> {
    const all = (await context.chats.list()).filter((chat) => chat.type === "group");
    if (all.length === 0) return answer(turn, turn.t("admin.noGroups"));
    // Bound groups first, then unbound, then those the bot left; by title, 第2群 before 第10群.
    const rank = (chat: (typeof all)[number]) => (!chat.active ? 2 : chat.organization ? 0 : 1);
    const sorted = all.sort((a, b) => rank(a) - rank(b) || (a.title ?? a.key).localeCompare(b.title ?? b.key, "zh-CN", { numeric: true }));
    const filter = args.trim();
    const list = filter === "" ? sorted : sorted.filter((chat) => (/^(未绑定|unbound)$/i.test(filter) ? !chat.organization : chat.tags.includes(filter) || (chat.title ?? "").includes(filter) || (chat.organization ?? "").includes(filter)));
    if (list.length === 0) return answer(turn, turn.t("admin.noGroupsMatch", { filter }));
    const bound = all.filter((chat) => chat.active && chat.organization).length;
    const left = all.filter((chat) => !chat.active).length;
    const summary = turn.t("admin.groupsSummary", { bound, unbound: all.length - bound - left, left });
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
    const title = filter === "" ? `${turn.t("admin.groupsTitle", { count: all.length })}${summary}` : turn.t("admin.groupsFiltered", { filter, count: list.length });
    return answer(turn, `${title}\n${lines.join("\n")}`);
  }

  async function auditLog(turn: Turn, args: string): Promise<Outcome> {
    // The log names people by account (wechat:wxid_…): not for an organization's group to read.
    const chat = turn.message.chat;
    if (chat.type === "group" && chat.key !== context.config.qa.staffChat) return answer(turn, turn.t("admin.auditPrivate"));
    const count = Math.min(100, Number(/^\d+$/.test(args) ? args : 20));
    const entries = await audit.latest(count);
    if (entries.length === 0) return answer(turn, turn.t("admin.auditEmpty"));
    const lines = entries.map((entry) => {
      // Staff read 发布培训, not training.add; an action without a label keeps its code.
      const label = turn.t(`admin.actions.${entry.action.replace(/\./g, "_")}`);
      const action = label.startsWith("admin.actions.") ? entry.action : label;
      const groups = entry.groups.length > 0 ? turn.t("admin.auditGroups", { groups: entry.groups.length }) : "";
      return turn.t("admin.auditLine", { when: when(entry.at), name: entry.name, user: entry.user, action, detail: shorten(entry.detail, 80), groups });
    });
    return answer(turn, `${turn.t("admin.auditTitle", { count: entries.length })}\n${lines.join("\n")}`);
  }

  async function run(turn: Turn, command: NonNullable<Turn["command"]>): Promise<Outcome> {
    // The dispatcher already refuses non-staff; this keeps the feature safe on its own.
    if (!turn.isStaff) return answer(turn, turn.t("core.staffOnly"));
    if (command.name === "bind") return bind(turn, command.args);
    if (command.name === "unbind") return unbind(turn);
    if (command.name === "groups") return groups(turn, command.args);
    return auditLog(turn, command.args);
  }

  return {
    name: "admin",
    commands: [
      { name: "bind", aliases: ["绑定"], staffOnly: true, chats: "group", summaryKey: "admin.commands.bind" },
      { name: "unbind", aliases: ["解绑"], staffOnly: true, chats: "group", summaryKey: "admin.commands.unbind" },
      { name: "groups", aliases: ["群列表"], staffOnly: true, summaryKey: "admin.commands.groups" },
      { name: "audit", aliases: ["操作记录"], staffOnly: true, summaryKey: "admin.commands.audit" },
    ],
    async handle(original) {
      const command = original.command;
      if (!command || !["bind", "unbind", "groups", "audit"].includes(command.name)) return undefined;
      return run(original, command);
    },
  };
}

/** At most `length` characters; a cut text ends in "…" so nobody takes it for the whole. */
export function shorten(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join("")}…`;
}
