/**
 * Forms and templates read as keyed slots before any guessing: `组织：… / 时间：… / 地点：…`,
 * `【活动名称】…`, numbered lists `1.活动名称：…`, `一、活动主题：…`, several keys on one line
 * (`活动时间：… 活动地点：…`), English `Place: …`, in any order. Each key belongs to one slot
 * through a lexicon of the labels volunteers use; a value runs to the next key or the line's end.
 */

export type Slot =
  | "organization"
  | "title"
  | "date"
  | "time"
  | "location"
  | "volunteers"
  | "beneficiaries"
  | "description"
  | "hours";

/** Labels per slot; longer labels are tried first so 活动地点 is not read as 活动 + 地点. */
const LABELS: Record<Slot, string[]> = {
  organization: ["组织单位", "主办单位", "承办单位", "服务组织", "组织名称", "队伍名称", "团队名称", "服务团队", "志愿队伍", "服务队", "志愿队", "组织", "单位", "队伍", "团队", "队名", "主办", "承办", "team", "organization", "organisation", "group"],
  title: ["活动名称", "活动主题", "项目名称", "活动项目", "主题", "名称", "项目", "活动", "title", "event", "activity"],
  date: ["活动日期", "服务日期", "日期", "date"],
  time: ["活动时间", "服务时间", "起止时间", "时间", "time"],
  location: ["活动地点", "服务地点", "活动地址", "活动场地", "地点", "地址", "场地", "位置", "place", "location", "venue", "where"],
  volunteers: ["志愿者人数", "参与志愿者", "参加志愿者", "志愿者数", "参与人数", "参加人数", "参与人员", "参加人员", "出勤人数", "到场人数", "志愿者", "人数", "义工", "人员", "volunteers", "people", "participants"],
  beneficiaries: ["服务对象", "受益对象", "受益人数", "受益群众", "服务人数", "服务人次", "参与群众", "参与居民", "参加居民", "参与师生", "参加师生", "服务居民", "服务群众", "beneficiaries", "served"],
  description: ["活动内容", "服务内容", "工作内容", "活动简介", "活动情况", "活动成果", "内容", "简介", "成果", "description", "content", "details"],
  hours: ["每人服务时长", "每人时长", "服务时长", "活动时长", "志愿时长", "总时长", "时长", "hours", "duration"],
};

const LABEL_SLOT = new Map<string, Slot>();
for (const [slot, labels] of Object.entries(LABELS) as Array<[Slot, string[]]>) {
  for (const label of labels) LABEL_SLOT.set(label.toLowerCase(), slot);
}
const ALTERNATION = [...LABEL_SLOT.keys()].sort((left, right) => right.length - left.length).join("|");

/**
 * A key: at a line start (after a list marker) or after a separator, either bracketed (【时间】)
 * or followed by a colon. English keys only as whole words.
 */
const KEY = new RegExp(
  `(?:^|(?<=[\\n;；,，。\\s|/]))` +
    `(?:\\(\\d{1,2}\\)|\\d{1,2}[.、)]|[一二三四五六七八九十]{1,2}[、.]|[-*•·])?\\s*` +
    `(?:【\\s*(?<bracketed>${ALTERNATION})\\s*】|\\[\\s*(?<squared>${ALTERNATION})\\s*\\]|(?<plain>${ALTERNATION})\\s*[:：])`,
  "gi",
);

export interface SlotValue {
  slot: Slot;
  label: string;
  value: string;
  /** where the key starts and the value ends in the text */
  start: number;
  end: number;
}

export interface Form {
  slots: SlotValue[];
  /** text outside every keyed value (a heading such as 活动简报, a closing line) */
  rest: string;
}

function clean(value: string): string {
  return value.replace(/^[\s:：,，;；、]+|[\s,，;；。、.]+$/g, "").trim();
}

/** Every keyed value in the text, in order. */
export function readSlots(text: string): SlotValue[] {
  const keys = [...text.matchAll(KEY)].map((match) => {
    const label = (match.groups!.bracketed ?? match.groups!.squared ?? match.groups!.plain)!;
    return { label, slot: LABEL_SLOT.get(label.toLowerCase())!, start: match.index!, valueStart: match.index! + match[0].length };
  });
  const values: SlotValue[] = [];
  keys.forEach((key, index) => {
    const next = keys[index + 1]?.start ?? text.length;
    const lineEnd = text.indexOf("\n", key.valueStart);
    const end = Math.min(next, lineEnd === -1 ? text.length : lineEnd);
    const raw = text.slice(key.valueStart, end);
    // A semicolon ends the value; what follows it is kept for the prose rules.
    const cut = raw.search(/[;；]/);
    const value = clean(cut >= 0 ? raw.slice(0, cut) : raw);
    // An empty key (组织：left blank) is kept so that its label never reads as a value.
    values.push({ slot: key.slot, label: key.label, value, start: key.start, end: cut >= 0 ? key.valueStart + cut : end });
  });
  return values;
}

/**
 * A message is a form when at least two different slots are keyed, one of them a fact
 * (time, place or people) — a lone `内容：…` or `活动：…` is prose with a colon.
 */
export function readForm(text: string): Form | null {
  const slots = readSlots(text);
  const kinds = new Set(slots.filter((slot) => slot.value.length > 0).map((slot) => slot.slot));
  const facts = ["date", "time", "location", "volunteers", "hours"].filter((slot) => kinds.has(slot as Slot));
  if (kinds.size < 2 || facts.length === 0) return null;
  let rest = "";
  let position = 0;
  for (const slot of slots) {
    rest += text.slice(position, slot.start);
    position = slot.end;
  }
  rest += text.slice(position);
  return { slots, rest: rest.trim() };
}

/** The first value of a slot. */
export function slotValue(form: Form | null, slot: Slot): string | null {
  return form?.slots.find((entry) => entry.slot === slot && entry.value.length > 0)?.value ?? null;
}

/** A slot listed twice (two 活动名称, two 时间) means the form holds several activities. */
export function repeatsSlot(form: Form): boolean {
  const seen = new Set<Slot>();
  for (const entry of form.slots) {
    if (entry.slot === "title" || entry.slot === "date" || entry.slot === "time") {
      if (seen.has(entry.slot)) return true;
      seen.add(entry.slot);
    }
  }
  return false;
}

const BARE_COUNT = /^(?:约|大约|共|共计|合计)?\s*(\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:人|名|位|个)?(?:次)?$/i;

/**
 * The form rewritten as plain clauses the prose rules read (志愿者人数：8 → 志愿者8人,
 * 地点：X → 在X, 时长：3小时 → 每人3小时); other text is kept as it stood.
 */
export function formAsProse(text: string, form: Form): string {
  let prose = "";
  let position = 0;
  for (const entry of form.slots) {
    prose += text.slice(position, entry.start);
    prose += `\n${phrase(entry)}\n`;
    position = entry.end;
  }
  prose += text.slice(position);
  return prose.replace(/\n{2,}/g, "\n").trim();
}

function phrase(entry: SlotValue): string {
  if (entry.value.length === 0) return "";
  const bare = BARE_COUNT.exec(entry.value);
  switch (entry.slot) {
    case "volunteers":
      return bare ? `志愿者${bare[1]}人` : entry.value;
    case "beneficiaries":
      return bare ? `服务${bare[1]}人` : /^[\u4e00-\u9fa5]/.test(entry.value) ? `服务${entry.value}` : entry.value;
    case "location":
      return `在${entry.value}`;
    case "hours":
      return /共|总|累计|合计|total/i.test(`${entry.label}${entry.value}`) ? `共${entry.value}` : `每人${entry.value.replace(/^每人/, "")}`;
    default:
      return entry.value;
  }
}
