import { answer, type Outcome, type Turn } from "../../core/feature.js";
import { UserError } from "../../core/errors.js";
import type { Reply } from "../../core/message.js";
import type { TrainingsDeps } from "./service.js";
import type { Registration, Training } from "./store.js";
import { privateChatOf, trainingVisibleIn } from "./targets.js";
import { describeTraining } from "./texts.js";

/**
 * Upcoming trainings this chat may see: in a group, those aimed at it; in a private chat, those
 * aimed at every group or at a group the person writes in, and those they signed up for. Staff see all.
 */
async function visible(deps: TrainingsDeps, turn: Turn): Promise<Training[]> {
  const upcoming = await deps.store.upcoming(turn.now);
  if (turn.message.chat.type === "private") {
    if (turn.isStaff) return upcoming;
    const user = turn.message.sender.key;
    const groups = await deps.chats.groupsOf(user);
    const shown: Training[] = [];
    for (const training of upcoming) {
      const open = training.audience.includes("all") || training.audience.includes("全部");
      const { confirmed, waiting } = open ? { confirmed: [], waiting: [] } : await deps.store.roster(training);
      const signedUp = [...confirmed, ...waiting].some((registration) => registration.user === user);
      if (open || signedUp || groups.some((group) => trainingVisibleIn(training, group, group.key))) shown.push(training);
    }
    return shown;
  }
  const chat = await deps.chats.get(turn.message.chat.key);
  return upcoming.filter((training) => trainingVisibleIn(training, chat, turn.message.chat.key));
}

/** /trainings (培训): what is coming up for this group, with places left. */
export async function listTrainings(deps: TrainingsDeps, turn: Turn): Promise<Outcome> {
  const trainings = await visible(deps, turn);
  if (trainings.length === 0) return answer(turn, turn.t("trainings.noneHere"));
  const lines = [];
  for (const training of trainings) {
    const { confirmed } = await deps.store.roster(training);
    const places = training.capacity ? turn.t("trainings.placesLeft", { left: Math.max(0, training.capacity - confirmed.length), capacity: training.capacity }) : turn.t("trainings.signedUp", { count: confirmed.length });
    lines.push(turn.t("trainings.line", { ...describeTraining(deps.texts, training, deps.timeZone, turn.now), places }));
  }
  return answer(turn, `${turn.t("trainings.listTitle")}\n${lines.join("\n")}\n${turn.t("trainings.signupHint")}`);
}

/**
 * The training a /signup or /unsignup means: the id given; without one, the only training coming
 * up here (sign-up) or the only one this person is signed up for (withdrawal).
 */
async function resolve(deps: TrainingsDeps, turn: Turn, args: string, withdrawing = false): Promise<Training> {
  const word = args.trim().split(/\s+/)[0] ?? "";
  // 报名 #3, 报名 第3个, 报名 3号: the number is what counts.
  const id = /^(?:[#＃]|第)?(\d+)(?:个|号|期)?$/.exec(word)?.[1] ?? word;
  if (!id) {
    let trainings = (await visible(deps, turn)).filter((training) => new Date(training.start) > turn.now);
    if (withdrawing) {
      const mine: Training[] = [];
      for (const training of await deps.store.upcoming(turn.now)) {
        const { confirmed, waiting } = await deps.store.roster(training);
        if (new Date(training.start) > turn.now && [...confirmed, ...waiting].some((registration) => registration.user === turn.message.sender.key)) mine.push(training);
      }
      if (mine.length === 0) throw new UserError("trainings.errors.noneSignedUp");
      trainings = mine;
    }
    if (trainings.length === 1) return trainings[0]!;
    if (trainings.length === 0) throw new UserError(turn.message.chat.type === "group" ? "trainings.noneHere" : "trainings.none");
    throw new UserError("trainings.errors.whichOne");
  }
  const training = await deps.store.get(id);
  if (!training) throw new UserError("trainings.errors.notFound", { id });
  if (training.status !== "scheduled") throw new UserError("trainings.alreadyCancelled", { id: training.id });
  if (new Date(training.start) <= turn.now) throw new UserError("trainings.errors.started", { id: training.id });
  return training;
}

/** /signup <id> (报名): a place, or a place on the waiting list when the training is full. */
export async function signup(deps: TrainingsDeps, turn: Turn, args: string): Promise<Outcome> {
  const training = await resolve(deps, turn, args);
  const { key: user, name } = turn.message.sender;
  const params = describeTraining(deps.texts, training, deps.timeZone);
  if (!(await deps.store.register(training.id, user, name, turn.message.chat.key))) return answer(turn, turn.t("trainings.alreadySignedUp", params), { mention: mentionIn(turn) });
  const { waiting } = await deps.store.roster(training);
  const position = waiting.findIndex((registration) => registration.user === user);
  const text = position >= 0 ? turn.t("trainings.waitlisted", { ...params, position: position + 1 }) : turn.t("trainings.signedUpOk", params);
  return answer(turn, text, { mention: mentionIn(turn) });
}

/** /unsignup <id>: frees the place; the first person waiting moves up and is told. */
export async function unsignup(deps: TrainingsDeps, turn: Turn, args: string): Promise<Outcome> {
  const training = await resolve(deps, turn, args, true);
  const before = await deps.store.roster(training);
  if (!(await deps.store.unregister(training.id, turn.message.sender.key))) return answer(turn, turn.t("trainings.notSignedUp", { id: training.id }), { mention: mentionIn(turn) });
  const after = await deps.store.roster(training);
  const wasConfirmed = new Set(before.confirmed.map((registration) => registration.user));
  const promoted = after.confirmed.filter((registration) => !wasConfirmed.has(registration.user));
  const params = describeTraining(deps.texts, training, deps.timeZone);
  const replies: Reply[] = [{ chat: turn.message.chat.key, text: turn.t("trainings.unsignedUp", params), mention: mentionIn(turn) }];
  for (const registration of promoted) replies.push(...(await promotionNotices(deps, training, registration, params)));
  return { replies };
}

export async function promotionNotices(deps: TrainingsDeps, training: Training, registration: Registration, params: Record<string, string>): Promise<Reply[]> {
  const text = deps.texts.t("zh-CN", "trainings.promoted", params);
  const once = `training-promoted:${training.id}:${registration.user}:${registration.at}`;
  const replies: Reply[] = [{ chat: registration.chat, text, mention: { key: registration.user, name: registration.name }, once: `${once}:${registration.chat}` }];
  const direct = await privateChatOf(deps.store, deps.chats, registration.user);
  if (direct && direct !== registration.chat) replies.push({ chat: direct, text, once: `${once}:${direct}` });
  return replies;
}

function mentionIn(turn: Turn): Reply["mention"] {
  return turn.message.chat.type === "group" ? { key: turn.message.sender.key, name: turn.message.sender.name } : undefined;
}
