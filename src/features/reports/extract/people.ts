/**
 * Who served and who was served (REPORTS.md "People"). Counts are read as mentions with a role;
 * the volunteer total then follows the reporter, 其中/另外 and parallel-group rules.
 */
import { parseQuantity, QUANTITY } from "./numbers.js";

const VOLUNTEER_NOUNS =
  "志愿者|义工|队员|队友|成员|会员|党员|社工|老伙伴|小伙伴|伙伴|姐妹|兄弟|同学|同事|律师|医生|护士|讲师|志愿老师|老师|教师|教练|司机|大学生|volunteers?|members?";
const BENEFICIARY_NOUNS =
  "人次|老人|老年人|长者|孩子|小朋友|儿童|学生|家长|学员|营员|师生|居民|群众|村民|残疾人|残障人士|残障朋友|朋友|妇女|低保户|困难户|患者|病人|家庭|考生|旅客|乘客|游客|读者|听众|观众|kids|children|students|people|seniors";
/** People present who did not serve as volunteers. */
const STAFF_NOUNS = "工作人员|职工|干部|民警|物业人员|物业|记者|领导";

export type Role = "volunteer" | "beneficiary" | "household" | "staff";

export interface Mention {
  index: number;
  end: number;
  value: number | null;
  approximate: boolean;
  role: Role;
  /** 我带了5个: the reporter serves too */
  plusReporter: boolean;
  /** 含N名社工: already inside another count */
  included: boolean;
  /** written after 其中/另外/一组: a part of a team */
  part: boolean;
}

export interface PeopleFacts {
  volunteers: number | null;
  volunteersApproximate: boolean;
  /** teams that each served their own time, when they add up to the volunteers */
  groups: Mention[];
  beneficiaries: number | null;
  beneficiariesApproximate: boolean;
  mentions: Mention[];
}

// 8:30-11:00\n帮居民…: the minutes of a clock time are no count, and a count never spans lines;
// 5号楼下给老人 numbers a building, not people.
const NUMBER_FIRST = new RegExp(
  `(?<!\\d[:.]|\\d)(?<q>${QUANTITY})(?![号楼栋层])[ \\t]*(?<cls>个|名|位)?[ \\t]*(?<mod>(?:[初高][一二三]|[一二三四五六]年级|(?![零〇一二两三四五六七八九十百千仨俩])[\\u4e00-\\u9fa5]){0,4}?)(?<noun>${STAFF_NOUNS}|${VOLUNTEER_NOUNS}|${BENEFICIARY_NOUNS}|人(?!次)|户)`,
  "gi",
);
const NOUN_FIRST = new RegExp(
  `(?<noun>${STAFF_NOUNS}|${VOLUNTEER_NOUNS}|${BENEFICIARY_NOUNS})(?:人数)?\\s*:?\\s*(?:是|有|为|共|一共|共计|总共|共有|来了|到了|参加了|参加的有|去了)?\\s*(?<q>${QUANTITY})\\s*(?<cls>人次|人|名|位|个)(?![\\u4e00-\\u9fa5]{0,2}(?:${VOLUNTEER_NOUNS}|${BENEFICIARY_NOUNS}))`,
  "gi",
);
/** 5位专家, 6名司机: a person classifier with a noun the lists do not know; context decides. */
const CLASSIFIED = new RegExp(`(?<q>${QUANTITY})\\s*(?<cls>名|位)(?<noun>[\\u4e00-\\u9fa5]{1,3})`, "g");
const REPORTER_PLUS = new RegExp(
  `(?:我(?!们)(?:带了|带着|带领|领着|领了|叫了|喊了|拉了|约了|和|跟|与|同)(?:我们队|我们|队里|队上|社区)?的?(?:另外|其他|其余|另)?|除了我(?:之外|以外)?(?:还有|另有|还)?)\\s*(?<q>${QUANTITY})\\s*(?:个|名|位)?`,
  "g",
);
/** 我+3, 我加2个: the reporter plus companions, written with a plus. */
const REPORTER_PLUS_SIGN = new RegExp(`我(?!们)\\s*(?:\\+|加(?![了入过上]))\\s*(?<q>${QUANTITY})\\s*(?:个|名|位|人)?`, "g");
/** 5男3女, 男3女2, 男的4个女的3个, 男女各4人: a team counted by sex adds up (or doubles). */
const BY_SEX = new RegExp(
  `(?<a>${QUANTITY})\\s*(?:个|名|位)?\\s*(?<first>[男女])(?:生|士|的|同志)?\\s*[,、和加]?\\s*(?<b>${QUANTITY})\\s*(?:个|名|位)?\\s*(?!\\k<first>)[男女](?!人|子|孩|童)|(?<second>[男女])(?:的|生|士|同志)?\\s*(?<c>${QUANTITY})\\s*(?:个|名|位|人)?\\s*[,、]?\\s*(?!\\k<second>)[男女](?:的|生|士|同志)?\\s*(?<d>${QUANTITY})(?!\\s*(?:岁|点|:|小时))|男女各\\s*(?<each>${QUANTITY})\\s*(?:个|名|位|人)`,
  "g",
);
const REPORTER_INCLUDED = new RegExp(`(?:算上|加上|包括|连)我(?:在内)?[,\\s]*(?:一共|共|总共)?\\s*(?<q>${QUANTITY})`, "g");
const PAIR_OF_US = /我们?俩|我们两个|咱俩/;
/** 我们去了4个, 我们仨: the team's own count without a noun, at the end of its clause. */
const WE_COUNT = new RegExp(
  `(?:我们|咱们|俺们)(?:队)?(?:一共|总共|共)?(?:去了|来了|到了|出了|有)?\\s*(?<q>${QUANTITY})\\s*(?:个|位|名)?(?=[,;。!?\\n\\s]|$)`,
  "g",
);
/** 我和小李、小王去…: the reporter and each companion named by 小X / 老X. */
const COMPANION = "(?:小|老|大)[\\u4e00-\\u9fa5](?![人家师年伙朋])";
const NAMED_COMPANIONS = new RegExp(`我(?!们)(?:和|跟|与|同|带着|叫上)(${COMPANION}(?:[、,和跟及]${COMPANION})*)(?![\\u4e00-\\u9fa5]{0,2}(?:${QUANTITY}|俩|仨))`, "g");
const SINGLE_HOME = /(?:老|小)[\u4e00-\u9fa5](?:头|太太)家|[\u4e00-\u9fa5](?:大爷|大妈|奶奶|爷爷|阿姨|大娘|婆婆)家|独居老人家/;

/** 帮独居的孙奶奶, 看望老赵头: one person named by surname and kin term is one served. */
const SINGLE_PERSON = /(?:帮|给|为|替|看望|探望|陪|照顾)(?:了)?(?:独居|孤寡|空巢|生病|卧床|行动不便|失独)?的?(?:老[\u4e00-\u9fa5]头|(?![老小各这那])[\u4e00-\u9fa5](?:大爷|大妈|奶奶|爷爷|大娘|婆婆|老太太))(?![们等])/;

const NEED = /困难|贫困|低保|特困|残疾|残障|留守|孤寡|独居|空巢|失独|患病|生病/;

const BENEFICIARY_CONTEXT = /(?:居民|群众|老人|孩子|学生|家长|村民|患者|观众|听众|市民|游客|学员|服务|接待|看诊|接诊|问诊|诊治|诊疗|咨询|答疑|解答|测了|量了|查了|检查了|体检了|看了|诊了|理了|剪了|培训了|转移|帮助|帮扶|惠及|受益|覆盖|辅导|教了|看望|慰问|走访|陪同?|给|为|救助|参与群众)[^,;。!?\n]{0,8}$/;

function roleOf(noun: string, before: string): Role {
  const lower = noun.toLowerCase();
  if (new RegExp(`^(?:${STAFF_NOUNS})$`).test(lower)) return "staff";
  // 15组家庭, 20个家庭: families count like households (REPORTS.md "People").
  if (lower === "户" || lower === "家庭") return "household";
  if (new RegExp(`^(?:${BENEFICIARY_NOUNS})$`, "i").test(lower)) return "beneficiary";
  if (lower === "人" && BENEFICIARY_CONTEXT.test(before)) return "beneficiary";
  return "volunteer";
}

function mentionFrom(match: RegExpMatchArray, text: string): Mention {
  const groups = match.groups!;
  const index = match.index!;
  // Caption-style reports separate their fields with spaces: a space ends a clause too.
  const clauseStart = Math.max(...[",", "，", "\n", "。", ";", " "].map((mark) => text.lastIndexOf(mark, index - 1))) + 1;
  // The team's own name (…志愿服务队) is not a sign that these people were served.
  const before = text.slice(clauseStart, index).replace(/服务(?:队|团|社|中心|站)/g, "  ");
  const quantity = parseQuantity(groups.q!);
  // 七彩童年儿童服务社: a Chinese numeral inside a name is no count. Without a classifier a
  // Chinese count must touch its noun (仨律师, 五人).
  const chineseWithoutClassifier = /^[^\d]*$/.test(groups.q!) && !groups.cls
    && (Boolean(groups.mod) || !(/^[仨俩]$/.test(groups.q!) || groups.noun === "人"));
  let role = roleOf(groups.noun!, before);
  // 5名居民志愿者: the people are volunteers whatever word qualifies them.
  const after = text.slice(index + match[0].length, index + match[0].length + 5);
  if (role === "beneficiary" && /^[\u4e00-\u9fa5]{0,2}?(?:志愿者|义工|队员)/.test(after)) role = "volunteer";
  // 15名困难党员, 孤寡老党员: a qualifier of need marks the people served, whatever their noun.
  const qualifier = groups.mod ?? text.slice(Math.max(0, index - 4), index);
  if (role === "volunteer" && new RegExp(`^(?:${VOLUNTEER_NOUNS})$`).test(groups.noun!) && NEED.test(qualifier)) role = "beneficiary";
  // 给30位老师体检, 慰问20名医生, 辅导30个同学: people on the receiving end were served.
  if (role === "volunteer" && /^(?:老师|教师|医生|护士|同学|同事)$/.test(groups.noun!) && /(?:给|为|帮|陪|教|辅导|慰问|看望|感谢|表彰)[^,;。\n]{0,6}$/.test(before)) role = "beneficiary";
  // 培训志愿者30人: trainees were taught, they did not serve.
  if (role === "volunteer" && /(?:培训|参训|受训|轮训|培训了)(?:新)?$|(?:参加|接受)培训的(?:新)?$/.test(before)) role = "beneficiary";
  // 8位低保户 counts people (位 is a person classifier); 20户 counts households.
  if (groups.noun === "低保户" || groups.noun === "困难户") role = groups.cls === "个" || groups.cls === "位" || groups.cls === "名" ? "beneficiary" : "household";
  return {
    index,
    end: index + match[0].length,
    value: chineseWithoutClassifier ? Number.NaN : quantity.value,
    approximate: quantity.approximate,
    role,
    plusReporter: false,
    included: /(?:含|包括|包含)\s*$/.test(before),
    part: /(?:其中|另外|另有|另|还有|一组|另一组|第[一二三四]组|一队|一班|[上下]午班|[早晚白夜]班|第[一二三四]班|[上下]午组)[^,;。\n]{0,3}$/.test(before),
  };
}

function overlaps(left: Mention, right: Mention): boolean {
  return left.index < right.end && right.index < left.end;
}

/** All people counts with their roles, most specific pattern first. */
export function readMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const add = (mention: Mention) => {
    if (mentions.some((existing) => overlaps(existing, mention))) return;
    // 3.8妇女节 is a date, not 3.8 women; people come in whole numbers.
    if (mention.value !== null && !Number.isInteger(mention.value)) return;
    mentions.push(mention);
  };
  for (const match of text.matchAll(REPORTER_PLUS)) {
    const quantity = parseQuantity(match.groups!.q!);
    const rest = text.slice(match.index! + match[0].length, match.index! + match[0].length + 6);
    if (new RegExp(`^[\\u4e00-\\u9fa5]{0,3}?(?:${BENEFICIARY_NOUNS})`).test(rest)) continue;
    add({
      index: match.index!, end: match.index! + match[0].length,
      value: quantity.value === null ? null : quantity.value + 1,
      approximate: quantity.approximate, role: "volunteer", plusReporter: true, included: false, part: false,
    });
  }
  for (const match of text.matchAll(REPORTER_PLUS_SIGN)) {
    const quantity = parseQuantity(match.groups!.q!);
    add({
      index: match.index!, end: match.index! + match[0].length,
      value: quantity.value === null ? null : quantity.value + 1,
      approximate: quantity.approximate, role: "volunteer", plusReporter: true, included: false, part: false,
    });
  }
  for (const match of text.matchAll(BY_SEX)) {
    const groups = match.groups!;
    const parts = groups.each ? [parseQuantity(groups.each), parseQuantity(groups.each)]
      : groups.c ? [parseQuantity(groups.c), parseQuantity(groups.d!)] : [parseQuantity(groups.a!), parseQuantity(groups.b!)];
    const value = parts.every((part) => part.value !== null) ? parts.reduce((total, part) => total + part.value!, 0) : null;
    const before = text.slice(Math.max(0, match.index! - 10), match.index).replace(/服务(?:队|团|社|中心|站)/g, "  ");
    add({
      index: match.index!, end: match.index! + match[0].length, value,
      approximate: parts.some((part) => part.approximate),
      role: BENEFICIARY_CONTEXT.test(before) ? "beneficiary" : "volunteer", plusReporter: false, included: false, part: false,
    });
  }
  for (const match of text.matchAll(REPORTER_INCLUDED)) {
    const quantity = parseQuantity(match.groups!.q!);
    add({
      index: match.index!, end: match.index! + match[0].length, value: quantity.value,
      approximate: quantity.approximate, role: "volunteer", plusReporter: false, included: false, part: false,
    });
  }
  for (const match of text.matchAll(NOUN_FIRST)) add(mentionFrom(match, text));
  // Counts of bags, trees or leaflets (十几袋, 30棵) never match: a person noun must follow.
  for (const match of text.matchAll(NUMBER_FIRST)) add(mentionFrom(match, text));
  for (const match of text.matchAll(CLASSIFIED)) {
    const mention = mentionFrom(match, text);
    const before = text.slice(Math.max(0, mention.index - 10), mention.index);
    add({ ...mention, role: BENEFICIARY_CONTEXT.test(before) ? "beneficiary" : "volunteer" });
  }
  for (const match of text.matchAll(WE_COUNT)) {
    const quantity = parseQuantity(match.groups!.q!);
    add({
      index: match.index!, end: match.index! + match[0].length, value: quantity.value,
      approximate: quantity.approximate, role: "volunteer", plusReporter: false, included: false, part: false,
    });
  }
  if (!mentions.some((mention) => mention.role === "volunteer")) {
    for (const match of text.matchAll(NAMED_COMPANIONS)) {
      const names = match[1]!.split(/[、,和跟及]/).length;
      add({ index: match.index!, end: match.index! + match[0].length, value: names + 1, approximate: false, role: "volunteer", plusReporter: true, included: false, part: false });
    }
  }
  const pair = PAIR_OF_US.exec(text);
  if (pair && !mentions.some((mention) => mention.role === "volunteer")) {
    add({ index: pair.index, end: pair.index + pair[0].length, value: 2, approximate: false, role: "volunteer", plusReporter: false, included: false, part: false });
  }
  return mentions.sort((left, right) => left.index - right.index);
}

/** Text between two mentions joins them as parallel teams: 8名、居民志愿者5名 / 一组4人一组3人. */
function joined(text: string, left: Mention, right: Mention): boolean {
  const between = text.slice(left.end, right.index);
  // 志愿医生6名 护士3名: caption-style teams written noun first, side by side.
  const nounFirst = (mention: Mention) => !/^[\d零〇一二两三四五六七八九十百千仨俩约大近将差]/.test(text.slice(mention.index, mention.end));
  if (/^\s*$/.test(between) && nounFirst(left) && nounFirst(right)) return true;
  return between.length <= 8 && /^[\s、,和及与跟加+]*(?:[\u4e00-\u9fa5]{0,6})?$/.test(between) && /[、,和及与一另+]/.test(between);
}

export function readPeople(text: string): PeopleFacts {
  const mentions = readMentions(text);
  const serving = mentions.filter((mention) => mention.role === "volunteer" && !mention.included);
  let volunteers: number | null = null;
  let volunteersApproximate = false;
  let groups: Mention[] = [];

  const total = serving.find((mention) => !mention.part);
  const parts = serving.filter((mention) => mention.part && total && mention.index > total.index);
  if (total && parts.length > 0) {
    volunteers = total.value;
    volunteersApproximate = total.approximate;
    const partSum = sum(parts);
    if (partSum !== null && partSum === total.value) groups = parts;
    // 5个人扫雪，下午另外4个人写春联: 另外 after a count that is not a total adds people.
    else if (partSum !== null && total.value !== null && serving.filter((mention) => !mention.part).length === 1
      && parts.every((part) => additional(text, part))
      && !/(?:一共|共|总共|合计|共计)[^,;。\n]{0,3}$/.test(text.slice(Math.max(0, total.index - 6), total.index))) {
      volunteers = total.value + partSum;
      groups = [total, ...parts];
    }
  } else if (serving.length >= 2 && serving.every((mention, position) => position === 0 || joined(text, serving[position - 1]!, mention))) {
    volunteers = sum(serving);
    volunteersApproximate = serving.some((mention) => mention.approximate);
    groups = serving;
  } else if (serving.length >= 1) {
    volunteers = serving[0]!.value;
    volunteersApproximate = serving[0]!.approximate;
    // Shifts written in separate clauses (上午班5人…, 下午班4人…) are groups too; hours.ts
    // uses them only when every clause carries its own time.
    if (serving.length >= 2 && new Set(serving.map((mention) => mention.value)).size === serving.length) groups = serving;
  }

  const served = mentions.filter((mention) => mention.role === "beneficiary" && mention.value !== null);
  let beneficiaries: number | null = served[0]?.value ?? null;
  const beneficiariesApproximate = served[0]?.approximate ?? false;
  if (beneficiaries === null && !mentions.some((mention) => mention.role === "household") && (SINGLE_HOME.test(text) || SINGLE_PERSON.test(text))) {
    beneficiaries = 1;
  }
  return { volunteers, volunteersApproximate, groups, beneficiaries, beneficiariesApproximate, mentions };
}

/** 另外4个人, 另有3人, 还有2个: more people, not a part of the count before. */
function additional(text: string, mention: Mention): boolean {
  const clauseStart = Math.max(...[",", "\n", "。", ";"].map((mark) => text.lastIndexOf(mark, mention.index - 1))) + 1;
  const before = text.slice(clauseStart, mention.index);
  return /(?:另外|另有|还有)[^,;。\n]{0,3}$/.test(before) && !/其中/.test(before);
}

function sum(mentions: Mention[]): number | null {
  let total = 0;
  for (const mention of mentions) {
    if (mention.value === null) return null;
    total += mention.value;
  }
  return total;
}
