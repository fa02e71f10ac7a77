import { answer, type Outcome, type Turn } from "../../core/feature.js";
import { UserError } from "../../core/errors.js";
import type { Reply } from "../../core/message.js";
import { parseTrainingInput } from "./parse.js";
import { reminderSlots } from "./reminders.js";
import type { TrainingsDeps } from "./service.js";
import type { Training } from "./store.js";
import { privateChatOf, trainingGroups } from "./targets.js";
import { promotionNotices } from "./public.js";
import { describeTraining, durationText, whenText } from "./texts.js";
import { offsetMs } from "./parse.js";

export const subcommands: Record<string, string> = {
  add: "add", 添加: "add", 新建: "add", 发布: "add",
  list: "list", 列表: "list",
  show: "show", 查看: "show", 详情: "show",
  edit: "edit", 修改: "edit",
  cancel: "cancel", 取消: "cancel",
  roster: "roster", 名单: "roster",
};

/** `/training <add|list|show|edit|cancel|roster> …` — staff only, checked here as well as by the dispatcher. */
export async function trainingCommand(deps: TrainingsDeps, turn: Turn, args: string): Promise<Outcome> {
  if (!turn.isStaff) return answer(turn, turn.t("core.staffOnly"));
  const [word = "", ...rest] = args.split(/\s+/);
  const sub = subcommands[word.toLowerCase()];
  const tail = rest.join(" ").trim();
  if (sub === "add") return add(deps, turn, tail);
  if (sub === "list" || (!sub && word === "")) return list(deps, turn);
  if (!sub) return answer(turn, turn.t("trainings.usage"));
  const [id = "", ...more] = tail.split(/\s+/);
  if (!id) throw new UserError("trainings.errors.needId", { sub });
  const training = await deps.store.get(id);
  if (!training) throw new UserError("trainings.errors.notFound", { id: id || "?" });
  if (sub === "show") return show(deps, turn, training);
  if (sub === "roster") return roster(deps, turn, training);
  if (sub === "cancel") return cancel(deps, turn, training);
  return edit(deps, turn, training, more.join(" "));
}

async function add(deps: TrainingsDeps, turn: Turn, args: string): Promise<Outcome> {
  const input = parseTrainingInput(args, { now: turn.now, timeZone: deps.timeZone });
  if (input.start! <= turn.now) throw new UserError("trainings.errors.past");
  const inGroup = turn.message.chat.type === "group";
  const id = await deps.store.nextId();
  const training: Training = {
    v: 1,
    id,
    revision: 0,
    title: input.title!,
    place: input.place!,
    start: input.start!.toISOString(),
    end: input.end!.toISOString(),
    audience: input.audience ?? (inGroup ? [] : ["all"]),
    origin: turn.message.chat.key,
    reminders: input.reminders ?? deps.defaultReminders,
    capacity: input.capacity ?? undefined,
    status: "scheduled",
    createdBy: turn.message.sender.key,
    createdAt: turn.now.toISOString(),
    plannedAt: turn.now.toISOString(),
  };
  await deps.store.save(training);
  const groups = await trainingGroups(deps.chats, training);
  await deps.audit.record(turn, "training.add", `#${id} ${turn.message.text}`, groups.map((group) => group.key));
  const added = turn.t("trainings.added", { ...describeTraining(deps.texts, training, deps.timeZone, turn.now), groups: groups.length, reminders: reminderLines(deps, turn, training), capacity: capacityText(turn, training) });
  // Published means posted: every target group hears of it now, not only when the reminders come.
  const notice = deps.texts.t("zh-CN", "trainings.announcement", { ...describeTraining(deps.texts, training, deps.timeZone), capacity: capacityText(turn, training) });
  const button = [{ text: deps.texts.t("zh-CN", "trainings.reminder.signupButton"), data: `/signup ${training.id}` }];
  const posts: Reply[] = groups.filter((group) => group.key !== turn.message.chat.key).map((group) => ({ chat: group.key, text: notice, buttons: button, once: `training-announce:${training.id}:${group.key}` }));
  return { replies: [{ chat: turn.message.chat.key, text: added + (await noGroupsWarning(deps, turn, training, groups.length)) }, ...posts] };
}

/** Staff must hear at once when the audience they named reaches no group (or only the one they are in). */
async function noGroupsWarning(deps: TrainingsDeps, turn: Turn, training: Training, groups: number): Promise<string> {
  if (training.status !== "scheduled") return "";
  const params = { audience: audienceText(turn, training), id: training.id };
  if (groups === 0) return turn.t("trainings.noGroupsWarning", params);
  const tagged = training.audience.length > 0 ? await deps.chats.groupsTagged(training.audience) : undefined;
  return tagged && tagged.length === 0 ? turn.t("trainings.onlyHereWarning", params) : "";
}

function reminderLines(deps: TrainingsDeps, turn: Turn, training: Training): string {
  const planned = new Date(training.plannedAt).getTime() - 60_000;
  // 提前1天, 提前30分钟: the offsets as people say them, not as typed in remind:1d,30m.
  const lines = reminderSlots(training).map((slot) => {
    const offset = durationText(deps.texts, offsetMs(slot.offset));
    return slot.at.getTime() > planned ? turn.t("trainings.reminderAt", { offset, when: whenText(deps.texts, slot.at, deps.timeZone, turn.now) }) : turn.t("trainings.reminderPassed", { offset });
  });
  return lines.length > 0 ? lines.join("\n") : turn.t("trainings.noReminders");
}

function capacityText(turn: Turn, training: Training): string {
  return training.capacity ? turn.t("trainings.capacity", { capacity: training.capacity }) : "";
}

async function list(deps: TrainingsDeps, turn: Turn): Promise<Outcome> {
  const upcoming = await deps.store.upcoming(turn.now);
  if (upcoming.length === 0) return answer(turn, turn.t("trainings.none"));
  const lines = [];
  for (const training of upcoming) {
    const { confirmed, waiting } = await deps.store.roster(training);
    lines.push(turn.t("trainings.staffLine", { ...describeTraining(deps.texts, training, deps.timeZone, turn.now), count: confirmed.length, waiting: waiting.length, audience: audienceText(turn, training) }));
  }
  return answer(turn, `${turn.t("trainings.staffListTitle")}\n${lines.join("\n")}`);
}

function audienceText(turn: Turn, training: Training): string {
  return training.audience.length > 0 ? training.audience.map((tag) => (tag === "all" || tag === "全部" ? turn.t("trainings.everyGroup") : tag)).join("、") : turn.t("trainings.thisGroup");
}

async function show(deps: TrainingsDeps, turn: Turn, training: Training): Promise<Outcome> {
  const { confirmed, waiting } = await deps.store.roster(training);
  const groups = await trainingGroups(deps.chats, training);
  return answer(
    turn,
    turn.t("trainings.details", {
      ...describeTraining(deps.texts, training, deps.timeZone, turn.now),
      status: turn.t(`trainings.status.${training.status}`),
      audience: audienceText(turn, training),
      groups: groups.length,
      count: confirmed.length,
      waiting: waiting.length,
      capacity: capacityText(turn, training),
      reminders: reminderLines(deps, turn, training),
    }),
  );
}

async function roster(deps: TrainingsDeps, turn: Turn, training: Training): Promise<Outcome> {
  const { confirmed, waiting } = await deps.store.roster(training);
  const names = (list: typeof confirmed) => list.map((registration, index) => `${index + 1}. ${registration.name}`).join("\n") || turn.t("trainings.nobody");
  const text = turn.t("trainings.roster", { id: training.id, title: training.title, count: confirmed.length, confirmed: names(confirmed) });
  const waitingText = waiting.length > 0 ? `\n${turn.t("trainings.rosterWaiting", { count: waiting.length, waiting: names(waiting) })}` : "";
  await deps.audit.record(turn, "training.roster", `#${training.id}`);
  return answer(turn, text + waitingText);
}

async function cancel(deps: TrainingsDeps, turn: Turn, training: Training): Promise<Outcome> {
  if (training.status === "cancelled") return answer(turn, turn.t("trainings.alreadyCancelled", { id: training.id }));
  await deps.store.save({ ...training, status: "cancelled" });
  const params = describeTraining(deps.texts, training, deps.timeZone);
  const notice = deps.texts.t("zh-CN", "trainings.cancelledNotice", params);
  const groups = await trainingGroups(deps.chats, training);
  const replies: Reply[] = groups.filter((group) => group.key !== turn.message.chat.key).map((group) => ({ chat: group.key, text: notice, once: `training-cancel:${training.id}:${group.key}` }));
  const { confirmed, waiting } = await deps.store.roster(training);
  for (const registration of [...confirmed, ...waiting]) {
    const chat = await privateChatOf(deps.store, deps.chats, registration.user);
    if (chat) replies.push({ chat, text: notice, once: `training-cancel:${training.id}:${chat}` });
  }
  await deps.audit.record(turn, "training.cancel", `#${training.id} ${training.title}`, groups.map((group) => group.key));
  return { replies: [{ chat: turn.message.chat.key, text: turn.t("trainings.cancelled", { ...params, groups: groups.length }) }, ...replies] };
}

async function edit(deps: TrainingsDeps, turn: Turn, training: Training, args: string): Promise<Outcome> {
  if (training.status === "cancelled") return answer(turn, turn.t("trainings.alreadyCancelled", { id: training.id }));
  const input = parseTrainingInput(args, { now: turn.now, timeZone: deps.timeZone, partial: true, current: { start: new Date(training.start), end: new Date(training.end) } });
  if (Object.keys(input).length === 0) throw new UserError("trainings.errors.editUsage");
  const rescheduled = input.start !== undefined && input.start.toISOString() !== training.start;
  if (rescheduled && input.start! <= turn.now) throw new UserError("trainings.errors.past");
  const updated: Training = {
    ...training,
    title: input.title ?? training.title,
    place: input.place ?? training.place,
    start: input.start?.toISOString() ?? training.start,
    end: input.end?.toISOString() ?? training.end,
    audience: input.audience ?? training.audience,
    reminders: input.reminders ?? training.reminders,
    capacity: input.capacity === null ? undefined : (input.capacity ?? training.capacity),
  };
  // New reminder times get fresh slots: a changed time or changed offsets start from now.
  if (rescheduled || input.reminders) Object.assign(updated, { revision: training.revision + 1, plannedAt: turn.now.toISOString() });
  const before = await deps.store.roster(training);
  await deps.store.save(updated);
  const after = await deps.store.roster(updated);
  const groups = await trainingGroups(deps.chats, updated);
  const replies: Reply[] = [];
  if (rescheduled || input.place) {
    const notice = deps.texts.t("zh-CN", "trainings.changedNotice", describeTraining(deps.texts, updated, deps.timeZone));
    for (const group of groups) if (group.key !== turn.message.chat.key) replies.push({ chat: group.key, text: notice, once: `training-change:${updated.id}.${updated.revision}:${group.key}:${updated.start}:${updated.place}` });
    // Those signed up hear it privately too, as they do of a cancellation.
    for (const registration of [...after.confirmed, ...after.waiting]) {
      const chat = await privateChatOf(deps.store, deps.chats, registration.user);
      if (chat && chat !== turn.message.chat.key) replies.push({ chat, text: notice, once: `training-change:${updated.id}.${updated.revision}:${chat}:${updated.start}:${updated.place}` });
    }
  }
  // A changed capacity moves people between the list and the waiting list: they are told.
  const params = describeTraining(deps.texts, updated, deps.timeZone);
  const wasConfirmed = new Set(before.confirmed.map((registration) => registration.user));
  const isConfirmed = new Set(after.confirmed.map((registration) => registration.user));
  for (const registration of after.confirmed.filter((registration) => !wasConfirmed.has(registration.user))) replies.push(...(await promotionNotices(deps, updated, registration, params)));
  const demoted = after.waiting.filter((registration) => wasConfirmed.has(registration.user) && !isConfirmed.has(registration.user));
  for (const registration of demoted) {
    const text = deps.texts.t("zh-CN", "trainings.demoted", { ...params, position: after.waiting.indexOf(registration) + 1 });
    const once = `training-demoted:${updated.id}:${registration.user}:${turn.now.toISOString()}`;
    replies.push({ chat: registration.chat, text, mention: { key: registration.user, name: registration.name }, once: `${once}:${registration.chat}` });
    const direct = await privateChatOf(deps.store, deps.chats, registration.user);
    if (direct && direct !== registration.chat) replies.push({ chat: direct, text, once: `${once}:${direct}` });
  }
  await deps.audit.record(turn, "training.edit", `#${training.id} ${args}`, groups.map((group) => group.key));
  const audience = input.audience ? turn.t("trainings.audienceLine", { audience: audienceText(turn, updated), groups: groups.length }) : "";
  const demotedText = demoted.length > 0 ? turn.t("trainings.demotedWarning", { count: demoted.length, names: demoted.map((registration) => registration.name).join("、") }) : "";
  const summary = demotedText + turn.t("trainings.edited", { ...describeTraining(deps.texts, updated, deps.timeZone, turn.now), reminders: reminderLines(deps, turn, updated), capacity: capacityText(turn, updated) + audience }) + (await noGroupsWarning(deps, turn, updated, groups.length));
  return { replies: [{ chat: turn.message.chat.key, text: summary }, ...replies] };
}
