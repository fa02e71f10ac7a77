import type { Translate } from "../../core/i18n.js";
import { chineseTermsIn } from "./english-terms.js";
import { contrasts } from "./lexicon.js";
import { arabicNumerals, clauses, namedSides } from "./text.js";
import { asksWhatHappens } from "./consequence.js";
import { voteVerdict } from "./votes.js";

/** What a figure counts: people or units, money (in yuan), years, ages, times, or a share. */
type Kind = "count" | "money" | "years" | "age" | "times" | "percent" | "days" | "months" | "date";

interface Quantity {
  kind: Kind;
  value: number;
  /** Where it stands in the text, to read the words around it. */
  at: number;
}

/** A limit a section states: at least, at most, or between; `share` when it is a share of a base. */
interface Limit {
  kind: Kind;
  low?: number;
  high?: number;
  /** The limit is a share (0–1) of a base amount, e.g. 上一年总收入的70%. */
  share?: boolean;
  /** The base amounts (yuan) a tiered share holds for (100万至500万元的不低于8%). */
  tier?: { low?: number; high?: number };
  /** The clause it stands in, to choose among several (个人会员 vs 单位会员). */
  clause: string;
  /** The sentence it stands in, for the case it is stated for (全国性 vs 地方性). */
  sentence: string;
  /** Within it, something need not be done (未超过6个月的，不参加当年的年检): the verdict says 不用/要. */
  exempts?: boolean;
  /** A share added each day (每日按罚款数额的3%), not a bound: `low` holds the rate. */
  daily?: boolean;
}

const units: Array<{ pattern: string; kind: Kind; factor: number }> = [
  { pattern: "万元|万块钱|万块|万", kind: "money", factor: 10_000 },
  { pattern: "元|块钱|块", kind: "money", factor: 1 },
  { pattern: "周岁|岁", kind: "age", factor: 1 },
  { pattern: "个年度|年度|年", kind: "years", factor: 1 },
  { pattern: "次", kind: "times", factor: 1 },
  { pattern: "个工作日|日|天", kind: "days", factor: 1 },
  { pattern: "个月", kind: "months", factor: 1 },
  // After 个月 and 个年度, which also start with 个.
  { pattern: "个人|个|人|名|家|位", kind: "count", factor: 1 },
  { pattern: "%", kind: "percent", factor: 1 },
];
const unitPattern = units.map((unit) => unit.pattern).join("|");
const englishUnits: Array<{ pattern: RegExp; kind: Kind; factor: number }> = [
  { pattern: /(\d+(?:\.\d+)?)\s*million\b/g, kind: "money", factor: 1_000_000 },
  { pattern: /(?:rmb|¥|cny)\s*(\d+(?:\.\d+)?)(?!\s*million)\b/g, kind: "money", factor: 1 },
  { pattern: /(\d+(?:\.\d+)?)\s*(?:yuan|rmb|cny)\b/g, kind: "money", factor: 1 },
  { pattern: /(\d+)(?:\s*-\s*member|\s+(?:(?:individual|personal|company|corporate|institutional|unit|organi[sz]ational|paying|full|registered)\s+)?(?:members|people|persons|directors|trustees|founders|volunteers|households|companies|units|organizations))\b/g, kind: "count", factor: 1 },
  { pattern: /(\d+)\s*(?:years?)\s*old\b|(?<=\b(?:turns?|turned|turning|aged|age of|is now|now)\s+)(\d+)\b(?!\s*(?:years?|months?|days?|members|people|%))|(\d+)-year-old\b/g, kind: "age", factor: 1 },
  { pattern: /(\d+)\s*years?\b(?!\s*old)/g, kind: "years", factor: 1 },
];

function kindOf(unit: string): { kind: Kind; factor: number } {
  return units.find((entry) => new RegExp(`^(?:${entry.pattern})$`).test(unit))!;
}

const daysPer: Partial<Record<Kind, number>> = { days: 1, months: 30, years: 365 };

/** What a kind measures: days, months and years are all durations. */
export function measure(kind: Kind): string {
  return kind in daysPer ? "duration" : kind;
}

function inDays(value: number, kind: Kind): number {
  return value * (daysPer[kind] ?? 1);
}

/** Text with figures in digits (两万 → 2万, 三分之二 → 2/3 as 66.67%), full-width folded. */
function digitsOf(text: string): string {
  return arabicNumerals(text.normalize("NFKC").toLowerCase())
    // 20,000 yuan / 1,500,000: one figure, its thousands set off by commas.
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, "")
    // 1万5 (一万五): fifteen thousand, not ten.
    .replace(/(\d+)万([1-9])(?![\d万千百元块])/g, "$1.$2万")
    // 三万五千 (3万5000): thirty-five thousand, one sum.
    .replace(/(\d+)万(\d{2,4})(?![\d.])/g, (_, tens: string, rest: string) => `${Number(tens) + Number(rest) / 10_000}万`)
    .replace(/(\d+)(个)?年半/g, "$1.5年")
    .replace(/半年/g, "6个月")
    .replace(/(\d+)分之(\d+)/g, (_, whole: string, part: string) => `${((100 * Number(part)) / Number(whole)).toFixed(2)}%`)
    .replace(/(\d+)\/(\d+)(?!\d)/g, (_, part: string, whole: string) => `${((100 * Number(part)) / Number(whole)).toFixed(2)}%`);
}

/**
 * The quantities a question states (年份 such as 2019年 are dates, not durations). `late`: also
 * how late something was (逾期10天, 20 days late), which only a daily rate (每日3%) measures.
 */
export function quantities(question: string, options: { late?: boolean } = {}): Quantity[] {
  const text = digitsOf(question);
  const found: Quantity[] = [];
  // 二十来个人, 八百多小时, 三十余人: about that many.
  for (const match of text.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(?:来|多|余)?(${unitPattern})`, "g"))) {
    const { kind, factor } = kindOf(match[2]!);
    const value = Number(match[1]) * factor;
    if (kind === "years" && value > 100) continue;
    // 跳舞这一块 / 一块儿去: an area or "together", not one yuan.
    if (match[2] === "块" && (/[这那哪]/.test(text[match.index - 1] ?? "") || /^[儿去来干做玩搞弄办学商]/.test(text.slice(match.index + match[0].length)))) continue;
    // 问俩事 / 两个问题: a count of what is being asked, not of anything a rule limits.
    if (kind === "count" && /^(?:件|个)?(?:事|问题|方面|疑问)/.test(text.slice(match.index + match[0].length))) continue;
    // 晚了俩月 / 逾期40天: how late something was, which no rule sets as a bound to meet (it is
    // not 不够 against a rule's 满2年, nor over a 30日内 that counts from another day). A postponement
    // (换届推迟两年, 往后拖了半年) is not a delay: rules bound it (延期最长1年).
    if (!options.late && /^(?:days|months|years)$/.test(kind) && lateBy.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    found.push({ kind, value, at: match.index });
  }
  for (const { pattern, kind, factor } of englishUnits) {
    for (const match of text.matchAll(pattern)) found.push({ kind, value: Number(match.slice(1).find((group) => group !== undefined)) * factor, at: match.index });
  }
  if (options.late) for (const match of text.matchAll(/(\d+)\s*days?\b/g)) found.push({ kind: "days", value: Number(match[1]), at: match.index });
  return found;
}

/** The words before a span of time saying how late something was. */
const lateBy = /(?:晚|(?<!推)迟|超|逾期|超期|超时|延误|耽误)(?:交|报|办|去|了|交了|报了|办了)*(?:差不多|大概|将近|快|近|约|有)?\s*$|\blate by\s*$/;

/** 每个理事出 / 每户捐 / 人均: the words before a sum given per head. */
const perHead = /(?:每一?(?:个|位|名)?(?:人|户|家|会员|理事|单位|成员|商户|楼栋|志愿者|发起人|举办者|股东|队员)|人均|一人)[^，,。；;！!？?\d]{0,6}$|\b(?:each|per (?:person|head|member|household))\b[^.,;?!]{0,30}$/;

/**
 * A sum per head (每个理事出5000) is the total where the question says how many heads (一共7个理事:
 * 3.5万); said without a head count it judges nothing (每户捐50元 is not a 协会's 3万元 of funds).
 */
function totals(text: string, stated: Quantity[]): Quantity[] {
  const heads = Math.max(0, ...stated.filter((quantity) => quantity.kind === "count").map((quantity) => quantity.value));
  return stated.flatMap((quantity) => {
    if (quantity.kind !== "money" || !perHead.test(text.slice(Math.max(0, quantity.at - 40), quantity.at))) return [quantity];
    return heads > 0 ? [{ ...quantity, value: quantity.value * heads }] : [];
  });
}

/** What marks a figure as the real one (实际只有1万, 捐了2万, 才八百小时). */
const real = /(实际|其实|只有|只|才|就|捐了|收了|做了|干了|来了|到了|花了)\s*$/;
/** What marks a figure as the one to be written down (写5万, 按1500报, 填成30). */
const written = /(写|开|填|报|记|按)(成|上|个|到)?\s*$/;

/**
 * A figure to be stated above the real one (捐了2万，收据上写5万; 才八百多小时，按一千五报): the
 * real figure named first, a larger one of its kind after it, to be written, filed or issued.
 */
export function overstates(question: string): boolean {
  const text = digitsOf(question);
  const found = [...quantities(question), ...bareFigures(text)];
  const alike = (one: Kind | undefined, other: Kind | undefined) => one === other || one === undefined || other === undefined;
  return found.some((first) =>
    real.test(text.slice(Math.max(0, first.at - 6), first.at)) &&
    found.some((then) => then.at > first.at && alike(then.kind, first.kind) && then.value > first.value && written.test(text.slice(Math.max(0, then.at - 6), then.at))),
  );
}

/** Figures said without a unit (收了8000, 签到表上写60): their kind is whatever they are set against. */
function bareFigures(text: string): Array<{ kind: undefined; value: number; at: number }> {
  const bare = new RegExp(`(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.]|\\s*(?:来|多|余)?(?:${unitPattern}))`, "g");
  return [...text.matchAll(bare)].map((match) => ({ kind: undefined, value: Number(match[0]), at: match.index }));
}

const atLeast = /(?:不少于|不低于|不得少于|不得低于|至少|最少|最低|满)$/;
const atMost = /(?:不超过|不得超过|未超过|不多于|最多|最高|上限为?|至多)$/;
const comparator = /(不少于|不低于|不得少于|不得低于|至少|最少|最低|不超过|不得超过|未超过|不多于|最多|最高|至多)[^，,。；;]{0,10}$/;
const sentenceMarks = ["。", "；", ";"];

/** Limits read per section text: the same sections are judged for question after question. */
const readLimits = new Map<string, Limit[]>();

/** The limits a section's text states, each with the clause around it. */
export function limits(text: string): Limit[] {
  const known = readLimits.get(text);
  if (known) return known;
  const found = readLimitsOf(text);
  // A pure function's memo, bounded so reloaded knowledge bases cannot grow it without end.
  if (readLimits.size > 10_000) readLimits.clear();
  readLimits.set(text, found);
  return found;
}

function readLimitsOf(text: string): Limit[] {
  const digits = digitsOf(text);
  const found: Limit[] = [];
  const clauseAt = (at: number, marks = ["。", "；", ";", "，", ","]) => {
    const start = Math.max(0, ...[...marks, "（", "("].map((mark) => digits.lastIndexOf(mark, at) + 1));
    const ends = marks.map((mark) => digits.indexOf(mark, at)).filter((index) => index >= 0);
    return digits.slice(start, ends.length ? Math.min(...ends) : digits.length);
  };
  const range = new RegExp(`(\\d+(?:\\.\\d+)?)(${unitPattern})?\\s*(?:至|到|—|–|-|~)\\s*(\\d+(?:\\.\\d+)?)(${unitPattern})`, "g");
  const spans: Array<[number, number]> = [];
  // 500万至1000万元的不低于7% / 1000万元以上的13%: the band a share holds for, no limit of its own.
  const band = (end: number) => /^(?:以上|以下|及以上)?的(?:不低于|不得低于|不超过|不得超过)?\d+(?:\.\d+)?%/.test(digits.slice(end, end + 16));
  for (const match of digits.matchAll(range)) {
    if (band(match.index + match[0].length)) continue;
    const { kind, factor } = kindOf(match[4]!);
    if (match[2] && kindOf(match[2]).kind !== kind) continue;
    found.push({ kind, low: Number(match[1]) * factor, high: Number(match[3]) * factor, clause: clauseAt(match.index), sentence: clauseAt(match.index, sentenceMarks) });
    spans.push([match.index, match.index + match[0].length]);
  }
  for (const match of digits.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)(${unitPattern})(以上|以下|以内)?`, "g"))) {
    if (spans.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const { kind, factor } = kindOf(match[2]!);
    if (kind === "money" && band(match.index + match[1]!.length + match[2]!.length)) continue;
    const value = Number(match[1]) * factor;
    const before = digits.slice(Math.max(0, match.index - 14), match.index);
    // 上一年总收入的70% / 年度利润总额12%以内: a share of a base amount named just before.
    const tier = kind === "percent" ? tierOf(digits.slice(Math.max(0, match.index - 24), match.index)) : undefined;
    const share = kind === "percent" && (/(的|总额|收入|余额|所得额|支出|利润)$/.test(before) || tier !== undefined);
    // A share's comparison word stands before its base (不得低于上一年总收入的70%).
    const lead = share ? (comparator.exec(before)?.[1] ?? "") : before;
    const low = match[3] === "以上" || atLeast.test(lead);
    const high = match[3] === "以下" || match[3] === "以内" || atMost.test(lead);
    const sentence = clauseAt(match.index, sentenceMarks);
    if (low === high) {
      if (share && /每(日|天)/.test(before)) found.push({ kind, low: value, share, daily: true, clause: sentence, sentence });
      continue;
    }
    // 不满18周岁的是未成年人 / 8周岁以上的未成年人为…: a figure that defines a class of people sets no bar.
    if (definition.test(digits.slice(match.index + match[0].length, match.index + match[0].length + 12))) continue;
    const exempts = high && exemption.test(digits.slice(match.index + match[0].length, match.index + match[0].length + 16));
    found.push({ kind, ...(low ? { low: value } : { high: value }), share, ...(tier ? { tier } : {}), ...(exempts ? { exempts } : {}), clause: share ? sentence : clauseAt(match.index), sentence });
  }
  return found;
}

/** What follows a figure that names a class of people (…的是, …的未成年人为): a definition. */
const definition = /^的(?:[\u3400-\u9fff]{0,4}?人)?(?:是|为)(?!准|止|有效)/;

/** What follows a figure that frees those within it from a duty (…的，不参加 / 可以不 / 免于 / 无需). */
const exemption = /^[^。；;]{0,4}的[，,]?(不参加|不用|不需要?|不必|免于|免予|无需|可以不)/;

const yuan = (value: string, unit: string | undefined) => Number(value) * (unit?.startsWith("万") ? 10_000 : 1);

/**
 * The band of base amounts a share just after it holds for, read from its own clause: 500万至1000万元的,
 * 1000万元以上的, 不足100万元的 (不低于7%).
 */
function tierOf(before: string): { low?: number; high?: number } | undefined {
  const clause = before.slice(Math.max(before.lastIndexOf("，"), before.lastIndexOf(","), before.lastIndexOf("："), before.lastIndexOf(":"), before.lastIndexOf("；")) + 1);
  const between = /(\d+(?:\.\d+)?)(万元|万|元)?\s*(?:至|到|-|~)\s*(\d+(?:\.\d+)?)(万元|万|元)的?/.exec(clause);
  if (between) return { low: yuan(between[1]!, between[2] ?? between[4]), high: yuan(between[3]!, between[4]) };
  const above = /(\d+(?:\.\d+)?)(万元|万|元)(?:以上|及以上)的?/.exec(clause);
  if (above) return { low: yuan(above[1]!, above[2]) };
  const below = /(?:不足|不到|低于|少于)(\d+(?:\.\d+)?)(万元|万|元)的?/.exec(clause);
  if (below) return { high: yuan(below[1]!, below[2]) };
  return undefined;
}

/**
 * Bigram overlap: how much a limit's clause speaks to the words around the question's figure.
 * A clause naming the other side of a contrast the question names (地方性 for a 全国性 question)
 * is about someone else and loses.
 */
function affinity(limit: Limit, question: string): number {
  const { clause } = limit;
  let shared = 0;
  for (const sides of contrasts) {
    const asked = namedSides(question, sides);
    // The clause's own case if it names one (非公募基金会不低于200万元), else its sentence's.
    const own = namedSides(limit.clause, sides);
    const stated = own.length > 0 ? own : namedSides(limit.sentence, sides);
    if (asked.length > 0 && stated.length > 0 && !asked.some((side) => stated.includes(side))) shared -= 10;
  }
  // Words, not figures: 6个月 in both says nothing of whether they measure the same thing.
  const words = withoutFigures(clause);
  const asked = withoutFigures(question);
  for (let index = 0; index + 1 < words.length; index++) if (/[\u3400-\u9fff]{2}/.test(words.slice(index, index + 2)) && asked.includes(words.slice(index, index + 2))) shared++;
  return shared;
}

const figure = new RegExp(`\\d+(?:\\.\\d+)?\\s*(?:${unitPattern})`, "g");

/** A text with its figures and their units taken out. */
function withoutFigures(text: string): string {
  return text.replace(figure, " ");
}

/** A sentence reporting what is done elsewhere, not a rule that binds a park in Heilongjiang. */
const elsewhere = /多地|各地做法|外省|其他省|不是黑龙江|非黑龙江/;

/** Money in words: 700万, 24万, 3500元. */
function money(value: number): string {
  if (value >= 10_000) return `${Number((value / 10_000).toFixed(2))}万元`;
  return `${Number(value.toFixed(2))}元`;
}

/** Shares the statutes write as fractions (三分之一) are said as fractions again. */
const fractions: Record<string, string> = { "33.33": "1/3", "66.67": "2/3", "50.00": "1/2", "25.00": "1/4", "75.00": "3/4" };

function show(kind: Kind, value: number, english: boolean): string {
  if (kind === "money") return english ? `RMB ${value.toLocaleString("en")}` : money(value);
  if (kind === "percent") return fractions[value.toFixed(2)] ?? `${Number(value.toFixed(2))}%`;
  const unit = english
    ? { count: "", age: " years old", years: " years", times: " times", days: " days", months: " months", date: "" }[kind]
    : { count: "个", age: "周岁", years: "年", times: "次", days: "日", months: "个月", date: "" }[kind];
  return `${value}${unit}`;
}

/** A question that asks how much a share of its figure comes to (能扣多少, what is the minimum). */
const asksHowMuch = /多少|几成|how much|minimum|maximum|at least|at most|the cap|the limit/;

/** A question that asks whether something is enough or allowed, not how much it is. */
const asksWhether = /够|达标|合规|符合|超标|超了|超没超|超过没|违规|可以|行不行|行吗|能不能|能否|能批|能.{0,8}[吗么]|算数|有效|合法|允许|中不中|ok|enough|allowed|valid|can\b|may\b|is (?:that|it|this)|没问题|有问题|妥不妥|吗|么|吧[？?]?$|不[？?]?$|没[？?]?$/;

/**
 * A verdict, before it is worded: the locale key (qa.verdict.*), its figures, and whether the
 * stated figure meets the limit (undefined when only the required amount is said).
 */
export interface Verdict {
  key: string;
  params: Record<string, string>;
  met?: boolean;
  /** Judged as a share of a base the question states too (5 of 11 directors paid, 600万 of 1000万 spent). */
  share?: boolean;
}

/** The verdict in the asker's language (不够：35个，少于规定的50个。). */
export function sayVerdict(verdict: Verdict, t: Translate): string {
  return t(verdict.key, verdict.params);
}

/**
 * The verdict a question with a figure asks for, measured against the limit the section
 * states (够/不够, 可以/不行, 符合/不符合), or undefined when the question states no figure
 * of a kind the section limits, or asks neither whether nor how much. Figures are shown in
 * English for an English question.
 */
export function verdict(question: string, sectionText: string, english: boolean, options: { unasked?: boolean } = {}): Verdict | undefined {
  // A meeting told in figures is judged by the quorum and the majority, not by any one figure.
  const vote = voteVerdict(question, sectionText, english);
  if (vote) return vote;
  // Trimmed: 行不 / 中不 at the very end ask whether, and an empty English part must not hide that.
  const text = `${digitsOf(question)} ${chineseOf(question)}`.trim();
  const whether = options.unasked || asksWhether.test(text);
  if (!whether && !asksHowMuch.test(text)) return undefined;
  // Of several kinds stated, the one the question weighs (活动资金够吗) is judged, if it names one.
  const stated = weighedOf(question, totals(text, quantities(question)));
  if (stated.length === 0) return undefined;
  const sectionLimits = limits(sectionText);
  const shared = shareVerdict(text, stated, sectionLimits, english);
  if (shared || !whether) return shared;
  const around = (quantity: Quantity) => `${text.slice(Math.max(0, quantity.at - 12), quantity.at + 12)} ${chineseOf(question)}`;
  let best: { quantity: Quantity; limit: Limit; score: number } | undefined;
  for (const quantity of stated) {
    for (const limit of sectionLimits) {
      // Other provinces' practice (多地做法：社团类一般要10名以上会员) judges nothing here.
      if (limit.share || measure(limit.kind) !== measure(quantity.kind) || elsewhere.test(limit.sentence)) continue;
      const score = affinity(limit, around(quantity)) + 0.1 * affinity(limit, text);
      if (!best || score > best.score) best = { quantity, limit, score };
    }
  }
  if (!best) return undefined;
  const { quantity, limit } = best;
  // Several figures of one kind (38个人 + 6家单位 = 44): the largest is the one to judge.
  const value = Math.max(...stated.filter((other) => other.kind === quantity.kind).map((other) => other.value));
  const params = { value: show(quantity.kind, value, english), low: limit.low !== undefined ? show(limit.kind, limit.low, english) : "", high: limit.high !== undefined ? show(limit.kind, limit.high, english) : "" };
  // Durations are compared in days (8个月 against 满1年); everything else as stated.
  const [asked, low, high] = [inDays(value, quantity.kind), limit.low !== undefined ? inDays(limit.low, limit.kind) : undefined, limit.high !== undefined ? inDays(limit.high, limit.kind) : undefined];
  const [bound, met] = low !== undefined && high !== undefined ? ["range", asked >= low && asked <= high] : low !== undefined ? ["atLeast", asked >= low] : [limit.exempts ? "exempt" : "atMost", asked <= high!];
  return { key: `qa.verdict.${bound}.${met ? "yes" : "no"}`, params, met };
}

/**
 * A share of a base (上一年总收入的70%, 理事总数的1/3) worked out from the question's figures:
 * money figures, or two or more counts (9个理事，4个领工资). The largest is the base, the next
 * the amount judged; with the base alone, the required amount is said.
 */
function shareVerdict(text: string, stated: Quantity[], sectionLimits: Limit[], english: boolean): Verdict | undefined {
  const daily = dailyVerdict(text, stated, sectionLimits, english);
  if (daily) return daily;
  const shareLimits = sectionLimits.filter((limit) => limit.share && !limit.daily && limit.kind === "percent");
  const money = stated.filter((quantity) => quantity.kind === "money");
  const counts = stated.filter((quantity) => quantity.kind === "count");
  const figures = (money.length > 0 ? money : counts.length >= 2 ? counts : []).sort((a, b) => b.value - a.value);
  if (figures.length === 0 || shareLimits.length === 0) return undefined;
  const [base, amount] = figures as [Quantity, Quantity | undefined];
  // A tiered share (净资产100万至500万元的不低于8%) holds only for a base in its band.
  const fits = (limit: Limit) => !limit.tier || ((limit.tier.low === undefined || base.value >= limit.tier.low) && (limit.tier.high === undefined || base.value < limit.tier.high));
  const limit = shareLimits.filter(fits).sort((a, b) => affinity(b, text) - affinity(a, text))[0];
  if (!limit) return undefined;
  const percent = (limit.low ?? limit.high)!;
  // Heads come whole: at most 1/3 of 11 is 3 people, at least 2/3 of 11 is 8 (a fraction is kept
  // as 33.33%, so 1/3 of 9 is first rounded to 3.0, not floored from 2.9997).
  const exact = (base.value * percent) / 100;
  const tenths = Math.round(exact * 10) / 10;
  const required = base.kind === "count" ? (limit.high !== undefined ? Math.floor(tenths) : Math.ceil(tenths)) : exact;
  const params = {
    base: show(base.kind, base.value, english),
    percent: show("percent", percent, english),
    required: show(base.kind, Number(required.toFixed(2)), english),
    amount: amount ? show(amount.kind, amount.value, english) : "",
  };
  if (!amount) return { key: limit.low !== undefined ? "qa.verdict.shareAtLeast" : "qa.verdict.shareAtMost", params };
  const met = limit.low !== undefined ? amount.value >= required : amount.value <= required;
  return { key: `qa.verdict.${limit.low !== undefined ? "share" : "shareCap"}.${met ? "yes" : "no"}`, params, met, share: true };
}

/**
 * A share added each day (每日按罚款数额的3%加处罚款) over the days a question tells, on the money it
 * tells: 2000元, 10天 → 600元; no more than the base where the rule caps it (不超过罚款本身).
 */
function dailyVerdict(text: string, stated: Quantity[], sectionLimits: Limit[], english: boolean): Verdict | undefined {
  const rate = sectionLimits.find((limit) => limit.daily);
  if (!rate) return undefined;
  // (How late it was counts here, though no bound is judged by it: 逾期10天.)
  const days = quantities(text, { late: true }).find((quantity) => quantity.kind === "days");
  // A fine said without its unit (罚款一千五, 罚了3000) is money all the same.
  const base = stated.filter((quantity) => quantity.kind === "money").sort((a, b) => b.value - a.value)[0] ?? bareFigures(text).find((figure) => /罚/.test(text.slice(Math.max(0, figure.at - 4), figure.at)));
  if (!days || !base) return undefined;
  const total = (base.value * rate.low! * days.value) / 100;
  const capped = /不(得)?(超过|超出)[^。；]{0,8}(罚款|本身|数额)/.test(rate.sentence) && total > base.value;
  const params = {
    base: show("money", base.value, english),
    percent: show("percent", rate.low!, english),
    days: String(days.value),
    required: show("money", Number((capped ? base.value : total).toFixed(2)), english),
    uncapped: show("money", Number(total.toFixed(2)), english),
  };
  return { key: `qa.verdict.daily.${capped ? "capped" : "total"}`, params };
}

/** The Chinese words of an English question's terms (fund balance → 余额), to match clauses. */
function chineseOf(question: string): string {
  return chineseTermsIn(question.normalize("NFKC").toLowerCase()).join(" ");
}

/** Whether enough or allowed, said right after what is weighed (钱够不够, 人数够吗, 任期这么定行吗). */
const weighed = "(?:上|方面|这块|这一块|这么定|这样)?(?:还|也|能)?(?:够|达标|达到|符合|满足|合规|行不行|行吗|可以吗|没问题)";
const judgedByKind: Array<{ pattern: RegExp; kinds: Kind[] }> = [
  { pattern: new RegExp(`(?:钱|资金|经费|基金|资产)${weighed}|\\b(?:funds?|funding|money|capital)\\b[^?.]{0,20}\\benough\\b`), kinds: ["money"] },
  { pattern: new RegExp(`(?:人数|人头|人手|会员数量?|会员|理事人数|理事|人)${weighed}|\\b(?:members|people|directors)\\b[^?.]{0,20}\\benough\\b`), kinds: ["count"] },
  { pattern: new RegExp(`(?:任期|届期|一届|年限)${weighed}|\\bterms?\\b[^?.]{0,20}\\b(?:ok|allowed)\\b`), kinds: ["years", "months"] },
];

/**
 * The kind of figure a question weighs against the rule when it states several (每位会员交300元，
 * 一共60个会员，活动资金够吗 weighs the money, not the members), if it says which.
 */
export function judgedKinds(question: string): Kind[] | undefined {
  const text = question.normalize("NFKC").toLowerCase();
  return judgedByKind.find(({ pattern }) => pattern.test(text))?.kinds;
}

/** Of the figures a question states, those of the kind it weighs, if it weighs one it states; else all. */
export function weighedOf(question: string, stated: Quantity[]): Quantity[] {
  const kinds = judgedKinds(question);
  const weighed = kinds ? stated.filter((quantity) => kinds.includes(quantity.kind)) : [];
  return weighed.length > 0 ? weighed : stated;
}

/** The kind of figure a question asks for (要多少钱 → money, 多久 → a duration), if any. */
export function askedKinds(question: string): Kind[] | undefined {
  const text = question.normalize("NFKC").toLowerCase();
  // A share (70% of last year's income) answers how much money as well as a sum does.
  if (/多少钱|几万|多少万|多少资金|多少经费|how much money/.test(text)) return ["money", "percent"];
  // (前几天 / 这几年 / 好几个月: time told in passing, not asked.)
  // (借给别人用几天，会咋样: a length told in the scene of a what-happens question, not asked.)
  const durationIn = asksWhatHappens(text) ? clauses(text).at(-1) ?? text : text;
  if (/多久|多长时间|多长|时限|期限|时间限制|(?<!(?<!提)前|[这那过好近头])(?:几天|几个月|几年)|多少天|多少年|多少个?工作日|几个工作日|多少日|(?<!(?<!提)前|[这那过好近头])几日|how long|how many (?:days|months|years)/.test(durationIn)) return ["days", "months", "years"];
  // 占多少比例 / 几成 / what share: a share (70%, 2/3), not a sum of money.
  // (没完成支出比例…咋办: a share the case fell short of, not one asked for.)
  const shareIn = text.replace(/(?:没|未|没能|达不到|完不成|不够)(?:完成|达到|达标|够)?[^，。？?\s]{0,10}比例|比例(?:没|未|没能)(?:完成|达到|达标|够)/g, " ");
  if (/比例|百分之几|百分比|占(?:总[^，。？?]{0,6})?多少|占比|几成|(?:what|minimum|maximum|which) (?:share|percentage|proportion|fraction)|what percent/.test(shareIn)) return ["percent"];
  if (/多少人|几个人|多少个(?!月|工作日|年度|小时)|几名|几位|多少名|多少会员|几个会员|how many (?:members|people|directors|organi[sz]ations|groups|ngos)/.test(text)) return ["count"];
  // 截止时间 / 几号前交 / deadline: a day of the year (3月31日), not a length of time.
  // (过了截止日期会怎样 asks what follows, not the date.)
  if (/截止(?:时间|日期|到)?是?(?:几月几号|几号|哪天|什么时候|啥时候)|(?:截止时间|截止日期)(?:一样|相同|是|呢|[？?]|$)|几月几[号日]|几号(?:前|之前)?(?:交|报|截止)|哪一?天(?:前|之前)?(?:交|报|截止)|(?:什么|啥)时候(?:前|之前)?(?:交|报|截止)|deadline|what date|by when/.test(text)) return ["date"];
  // 凑了2万，钱够不够: the kind weighed is the kind the answer must state (募点钱行不行 weighs no figure).
  const weighed = judgedKinds(question);
  return weighed && quantities(question).some((quantity) => weighed.includes(quantity.kind)) ? weighed : undefined;
}

/** Whether a text states a figure of one of these kinds. */
export function statesKind(text: string, kinds: readonly Kind[]): boolean {
  // A deadline (3月31日前), not the day a notice was issued (2022年12月30日印发).
  if (kinds.includes("date") && /\d{1,2}月\d{1,2}日(?:前|之前|以前|截止)|截止(?:到|日期为?|时间为?)?\d{1,2}月\d{1,2}日/.test(digitsOf(text))) return true;
  return quantities(text).some((quantity) => kinds.includes(quantity.kind));
}
