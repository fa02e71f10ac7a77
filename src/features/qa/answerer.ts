import type { Translate } from "../../core/i18n.js";
import type { Section } from "./article.js";
import { compose, type Pick, type SourceReference } from "./composer.js";
import { aboutConsequences, answersConsequence, asksWhatHappens, consequenceStrength, promisesConsequence } from "./consequence.js";
import { focusPhrases } from "./focus.js";
import type { LlmWriter } from "./llm-answer.js";
import { chineseTermsIn } from "./english-terms.js";
import { comparedParts, splitQuestion, stripPreamble, type Compared } from "./parts.js";
import type { IntentClassifier, IntentLabel } from "./intent.js";
import { asksTheRules, asksWayRound, judgeScope, namesGoverned } from "./scope.js";
import { socialAct } from "./social.js";
import { toSimplified } from "../../core/simplified.js";
import { askedKinds, sayVerdict, statesKind, verdict as thresholdVerdict, type Verdict } from "./verdict.js";
import { meetingFigures, voteVerdict } from "./votes.js";
import type { Hit, KnowledgeIndex } from "./search.js";
import { contrasts, functionCharacters, organizationTypes, synonyms } from "./lexicon.js";
import { asksUnverified } from "./unverified.js";
import { figures, isEnglish, namedSides, namedSpellings, normalize } from "./text.js";

/** Why the bot did not answer from the knowledge base. */
export type HandoffReason = "injection" | "fabrication" | "offtopic" | "dispute" | "private" | "contact" | "unknown" | "unverified" | "social";

export interface Answer {
  /** The whole reply: body, then the source line (or a decline / hand-off text). */
  text: string;
  sources: SourceReference[];
  /** Declined or handed to staff instead of answered (the CLI's `handoff`). */
  handoff: boolean;
  reason?: HandoffReason;
  /** The question should become a ticket for staff. */
  forward: boolean;
  english: boolean;
  /** Written by the LLM (and checked), not composed from the sections. */
  generated: boolean;
}

export interface AnswererOptions {
  index: () => KnowledgeIndex;
  /** Translators per language; answers follow the question's language. */
  translate: { zh: Translate; en: Translate };
  minScore: number;
  minCoverage: number;
  writer?: LlmWriter;
  /** Tells live look-ups (our score, who is on duty, where our application is) from rule questions. */
  intent?: IntentClassifier;
}

/**
 * How sure the classifier must be before a question is not answered from the rules: a live
 * look-up becomes a ticket; a request to make something untrue, or a matter that only shares
 * the rules' words (a car's 年检), is declined. Chosen in round 7 on the tuning QA sets (out-of-
 * scope caught against in-scope blocked, a block weighed as three misses), not on the classifier's
 * unseen lines: live 0.7→0.75 after the live class doubled, improper 0.75→0.7, other 0.65→0.6.
 * Round 8 (573 blind lines added): live 0.75→0.8 by the same weighing (752 against 748; 0.85
 * gave 753), which also keeps every unseen rule question of the examples from staff.
 * Round 10 (800 blind lines added, and `outsideCertainty` below): left as they were. Live 0.75
 * caught 2 more without blocking more, but sent two of the examples' unseen rule questions to
 * staff; other 0.5/0.55 and improper 0.65 blocked more than they caught.
 * Round 11 (600 blind lines and 34 of ours added): live 0.8→0.75, which caught 2 more look-ups on
 * the tuning sets without sending any rule question to staff (0.7 caught the same 2 and sent 3
 * rule questions); improper 0.65 and other 0.55/0.65 again blocked more than they caught.
 */
export const notRules: Partial<Record<IntentLabel, { certainty: number; reason: HandoffReason }>> = {
  live: { certainty: 0.75, reason: "private" },
  improper: { certainty: 0.7, reason: "fabrication" },
  other: { certainty: 0.6, reason: "offtopic" },
};
/**
 * How unlikely a rule question must be for a question the classifier splits among the other
 * classes (a request to draft our charter read as half improper, half other) to be kept from the
 * rules all the same. Chosen in round 10 on the tuning QA sets by the same weighing: 0.95 caught
 * 7 more and blocked none; 0.9 caught 10 and blocked 3, 0.85 12 and 7.
 */
export const outsideCertainty = 0.95;

/**
 * What keeps a question from the rules by the classifier's probabilities alone, if anything.
 * `split: false` acts on a sure class only: a follow-up to the bot's answer (那全国性的呢？) means
 * little on its own, and the classifier reads it on its own.
 */
export function classifierVerdict(likely: Record<IntentLabel, number>, options: { split?: boolean } = {}): { certainty: number; reason: HandoffReason } | undefined {
  const sure = Object.entries(notRules).find(([label, { certainty }]) => likely[label as IntentLabel] >= certainty)?.[1];
  if (sure || options.split === false || 1 - likely.general < outsideCertainty) return sure;
  // Unsure which: a look-up goes to staff; anything else gets the plain "not mine" (an uncertain
  // "improper" is no ground to tell someone not to fabricate).
  const live = likely.live >= Math.max(likely.improper, likely.other);
  return { certainty: 1 - likely.general, reason: live ? "private" : "offtopic" };
}

/**
 * How sure of a look-up the classifier must be to keep a question that asks the rules (cites them,
 * asks what follows, asks a bound such as 最长多少天) from them. Round 10, on the tuning sets: 0.97
 * answered 3 more rightly and sent none wrongly; always answering (1.0) let one look-up through; on
 * the blind scope lines it let one look-up through of 183.
 */
const storyLookUp = 0.97;

/**
 * What keeps a question from the rules by the classifier, read with the question: our own news
 * before a question the rules answer (材料交齐一个多月了，民政最长得多少天给说法；结果是基本合格，一共
 * 分几档) reads as a look-up to the classifier; unless it is all but certain, the rule is answered.
 */
export function classifierDecision(question: string, likely: Record<IntentLabel, number>, options: { split?: boolean } = {}): { certainty: number; reason: HandoffReason } | undefined {
  const verdict = classifierVerdict(likely, options);
  // 换届审计找个熟人走个形式，有啥门道: a way round asked, and something improper read in it even
  // unsure, is declined; a way asked to meet a duty (党员不够还有啥路子) reads as a rule question.
  if (!verdict && likely.improper >= unsureImproper && asksWayRound(question) && !asksWhatHappens(question)) return { certainty: likely.improper, reason: "fabrication" };
  if (verdict?.reason === "private" && likely.live < storyLookUp && asksTheRules(question)) return undefined;
  // 给协会起名字有啥讲究 reads as a chore to the classifier (起名字); asking the rules of something an
  // organisation we serve does, it is answered.
  if (verdict?.reason === "offtopic" && likely.other < storyLookUp && namesGoverned(question) && asksTheRules(question)) return undefined;
  return verdict;
}

/**
 * How sure of something improper the classifier must be for a question asking a way round to be
 * declined. Round 16, on the scope lines and the tuning QA sets: 0.2–0.3 caught 14 look-alike
 * requests and sent no rule question away; 0.1 sent one (不用找挂靠单位…直接登记的路子), 0 five.
 */
const unsureImproper = 0.3;

/** How close to a listed similar question (问 line) a question must come to be answered as one. */
const knownQuestion = 0.8;
/**
 * What a part asking what happens is searched with again when the rule found says nothing of it
 * (the penalty articles name the act and the penalty), and how far behind the first find the
 * section saying what happens may rank.
 */
const consequenceProbe = "处罚";
const consequenceShare = 0.4;
/** How sure it must be that a question is about the rules before a long story may cover less. */
const generalCertainty = 0.5;
const storyCoverageFactor = 0.5;

/** The same answer twice (two articles citing one clause alike) is said once. */
/** A section body's character bigrams, worked out once per section (similar() compares the same sections question after question). */
const sectionBigrams = new WeakMap<Section, Set<string>>();

function bigramsOf(section: Section): Set<string> {
  let grams = sectionBigrams.get(section);
  if (!grams) {
    const text = section.body;
    grams = new Set(Array.from({ length: Math.max(0, text.length - 1) }, (_, index) => text.slice(index, index + 2)));
    sectionBigrams.set(section, grams);
  }
  return grams;
}

export function similar(a: Section, b: Section): boolean {
  // One clause cited alike by two articles is one answer; two sections of one article citing the
  // same notice (会费 set by the assembly; published within 30日) are two.
  if (a.id === b.id || (a.cite === b.cite && a.kind === b.kind && a.documentId !== b.documentId)) return true;
  const left = bigramsOf(a);
  const right = bigramsOf(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  if (shared / Math.max(1, left.size + right.size - shared) >= 0.45) return true;
  // Near-identical parts (社团's and 民非's 30日 rule): the same figures, and most of the shorter said by the longer.
  const [few, many] = [figures(a.body), figures(b.body)].sort((x, y) => x.length - y.length);
  const sameFigures = few!.length > 0 && few!.every((figure) => many!.includes(figure));
  return sameFigures && shared / Math.max(1, Math.min(left.size, right.size)) >= 0.4;
}

/** Organization types a text names (lexicon.ts), by their index in organizationTypes. */
function typesOf(text: string): Set<number> {
  const normalized = normalize(text);
  const found = new Set<number>();
  organizationTypes.forEach((type, index) => {
    if (type.mentions.some((word) => normalized.includes(word))) found.add(index);
  });
  return found;
}

/**
 * 我们没有公募资格…有啥后果 against 「有公募资格，但很久没搞公开募捐，会怎样？」: a section whose heading
 * supposes we have what the question says we lack (or the other way round) answers another case.
 */
const heldTerms = ["公募资格", "公开募捐资格", "登记证书", "登记证", "资格", "认定", "证书"];
const headingHolds = new RegExp(`(没有|没|无|不具有|不具备|未取得)?(?:有|具有|具备|取得)?(${heldTerms.join("|")})`, "g");
// (有公募资格的大机构 describes another organisation, not us; 没有公募资格的人 is still the case asked.)
const saysPerTerm = new Map(
  heldTerms.map((term) => [
    term,
    {
      lacking: new RegExp(`(没有|没|无|不具有|不具备|未取得|还没拿到|没拿到)[^，,。？?]{0,2}${term}`),
      having: new RegExp(`(?<![没无不未])(有|具有|具备|取得|拿到了?)${term}(?!的)`),
    },
  ]),
);

function opposite(question: string, section: Section): boolean {
  const asked = normalize(question);
  const heading = normalize(section.heading);
  for (const match of heading.matchAll(headingHolds)) {
    const lacking = match[1] !== undefined;
    const says = saysPerTerm.get(match[2]!)!;
    const saysLacking = says.lacking.test(asked);
    const saysHaving = says.having.test(asked);
    if ((lacking && saysHaving && !saysLacking) || (!lacking && /^(有|具有|具备|取得)/.test(heading.slice(match.index)) && saysLacking && !saysHaving)) return true;
  }
  return false;
}

/** The organisation types the contrasts name (社团, 民非, 基金会). */
const organizationSides = contrasts.find((list) => list.includes("社团"))!;

/** Whether a section names an organisation type besides those the question names (one naming none does not). */
function namesOtherTypes(question: string, section: Section): boolean {
  const asked = namedSides(normalize(question), organizationSides);
  return asked.length > 0 && namedSides(normalize(section.body), organizationSides).some((side) => !asked.includes(side));
}

/**
 * The organisation types (社团, 民非, 基金会) the message named before a part, added to the part if
 * it names none (not those named after it: 年检要不要交钱？基金会年检不合格会怎样 asks the fee of all).
 */
function withTypesOf(message: string, part: string): string {
  if (namedSides(normalize(part), organizationSides).length > 0) return part;
  const at = message.indexOf(part);
  const before = at > 0 ? message.slice(0, at) : "";
  const named = namedSpellings(normalize(before), organizationSides).map(({ spelling }) => spelling);
  return named.length > 0 ? `${part} ${named.join(" ")}` : part;
}

/**
 * A section about another of the things the question names one of (会员大会 for a 理事会
 * question, 企业 for an 个人 one): it answers something nearby, not what was asked.
 */
function namesOther(question: string, section: Section, byTitle = false): boolean {
  // What the question names through its everyday words too (查账的 → 监事).
  const typed = normalize(question);
  // (An English question names them in English: foundation → 基金会.)
  const asked = [typed, ...synonyms.filter((group) => group.from.some((word) => typed.includes(word))).flatMap((group) => group.to), ...chineseTermsIn(typed)].join(" ");
  // The body says what the section is about; a heading may name the other side to contrast it.
  // `byTitle`: a body naming no side of a contrast is about what its article's title names (社团章程与…).
  const own = normalize(section.body);
  return contrasts.some((sides) => {
    const wanted = namedSides(asked, sides);
    const inBody = namedSides(own, sides);
    const stated = inBody.length > 0 || !byTitle ? inBody : namedSides(normalize(section.title), sides);
    return wanted.length > 0 && stated.length > 0 && !wanted.some((side) => stated.includes(side));
  });
}

/** Below this share of the question's content accounted for, a section's bare yes/no is not said. */
const looseShare = 0.5;

/** Chinese content characters of a question (particles and question words left out). */
function contentCharacters(question: string): number {
  return [...normalize(question)].filter((character) => /[\u3400-\u9fff]/.test(character) && !functionCharacters.has(character)).length;
}

/** A heading about falling short of a rule, and how close to the best hit it must score. */
const shortfall = /不足|不够|达不到|够不上|不满|少于/;
const shortfallScore = 0.4;

/** A runner-up this close to the best hit is included too. */
const closeRunnerUp = 0.8;

/** A later part with this few content characters may ask something else of the article before it. */
const thinPart = 5;
/** Words saying something is lacking (没有公募资格, 未登记). */
const lacking = "(?:没有|没|无|未|不具备|不具有|尚未取得)";
/** A heading about the case without something: the thing it lacks. */
const negatedPhrase = new RegExp(`${lacking}([\\u4e00-\\u9fff]{2,4})`, "g");
/** The question lacks it too (没有公募资格, 还没登记, 不…). */
const lacksBefore = new RegExp(`(?:${lacking}|不)$`);

/**
 * Whether a section's heading is about lacking what the question says it has: 没有公募资格的… for
 * 有公募资格以后…. Such a section answers the other case, however many words they share.
 */
function deniesAsked(question: string, section: Section): boolean {
  const text = normalize(question);
  for (const match of normalize(section.heading).matchAll(negatedPhrase)) {
    const thing = match[1]!;
    for (let length = thing.length; length >= 2; length--) {
      const at = text.indexOf(thing.slice(0, length));
      if (at < 0) continue;
      // A question lacking it too is answered by the heading.
      if (!lacksBefore.test(text.slice(Math.max(0, at - 4), at))) return true;
      break;
    }
  }
  return false;
}
/** A later part found nowhere on its own words needs this share of the confident score in the article before. */
const followOnScore = 0.5;

/** The share of a comparison's words besides its sides that a section answering it must account for. */
const attributeShare = 0.6;

/** A section that can judge the figure told is preferred to the best hit if it scores this close. */
const judgeShare = 0.8;
/**
 * A rule is preferred to a section on what follows from breaking it, for a question not asking
 * that, if it scores this close (0.7 and 0.8 score alike on the tuning sets; 0.7 also takes a
 * paraphrase of ours, 人家应该开给我们什么票据, whose penalty section repeats its words).
 */
const ruleShare = 0.7;

const declines = new Set<HandoffReason>(["injection", "fabrication", "offtopic", "dispute", "social"]);

/**
 * Question in, answer out: scope rules, then retrieval per part of the question, then the
 * composed answer (or an LLM answer checked against the same sections). Chat and CLI share it.
 */
export class Answerer {
  constructor(private readonly options: AnswererOptions) {}

  /** `previous`: the bot message this question replies to, searched lightly ("那民非呢？"). */
  async answer(raw: string, options: { previous?: string } = {}): Promise<Answer> {
    const question = toSimplified(stripPreamble(raw));
    const english = isEnglish(question);
    const t = english ? this.options.translate.en : this.options.translate.zh;
    // 谢谢, 早上好啊机器人, 你是谁: a friendly word back, no search and no refusal.
    // (Before the preamble is cut: that takes 早上好 off as a lead-in to a question.)
    const act = socialAct(toSimplified(raw));
    if (act) return { text: t(`qa.social.${act}`), sources: [], handoff: true, reason: "social", forward: false, english, generated: false };
    const verdict = judgeScope(question);
    if (verdict) return this.notAnswered(verdict.reason, english, t);
    const likely = this.options.intent?.probabilities(question);
    const outside = likely && classifierDecision(question, likely, { split: options.previous === undefined });
    // A question nearly word for word one the articles list as answered (年报总结得写几个方面) is
    // theirs, whatever the classifier makes of a word in it (写 in a request to write it up nicely).
    // (Looked up only for a question the classifier would send away: most are not.)
    if (outside && this.options.index().closestAsked(question) < knownQuestion) {
      // A matter of an organisation we serve that the classifier finds beside the rules (协会账户被
      // 冻结了怎么解冻, 公众号怎么认证) goes to staff, who help with more than rules; only what
      // names none is declined.
      return this.notAnswered(outside.reason === "offtopic" && namesGoverned(question) ? "unknown" : outside.reason, english, t);
    }
    // A question the classifier is sure is about the rules may be told in a long story that
    // the best section accounts for only a little of: it needs less coverage.
    // A story of something done wrong (报告没人弄, 随便买本收据) that was not declined asks the rules too.
    const aboutRules = likely ? likely.general + likely.improper : 0;
    // (So may one that asks the rules outright after our own plans: …next week. Must we insure them?)
    const minCoverage = (aboutRules >= generalCertainty || asksTheRules(question) ? storyCoverageFactor : 1) * this.options.minCoverage;
    const found = this.pick(question, minCoverage, options.previous?.replace(/\n(来源|Source)[:：][^\n]*$/, ""));
    if (found.length === 0) return this.notAnswered("unknown", english, t);
    // 园区电话多少 while the park's telephone is not in the config yet: staff know it. (Beside a
    // part that is answered, 在哪个社区…想当面问问, the awaiting one is left out.)
    const picks = found.filter((pick) => !pick.section.awaiting);
    if (picks.length === 0) return this.notAnswered("contact", english, t);
    const index = this.options.index();
    const judged = picks.map((pick) => thresholdVerdict(pick.question, pick.section.body, english));
    picks.forEach((pick, position) => {
      const verdict = judged[position];
      pick.lead = verdict && sayVerdict(verdict, t);
      // A bare 不能。 from a section that accounts for under half of what was asked (会员费 …
      // 老师 … 劳务费 against a rule on volunteers' service users) would be a confident answer
      // to another question: the rule is said without it.
      // An English question is measured by its English words: a Chinese term in it (法定代表人)
      // counts a unit per character and would pass for the whole of what it asks (Can I use a
      // friend's ID card to be our 法定代表人?).
      const words = pick.question.replace(/[\u3400-\u9fff]+/g, " ");
      pick.loose = english
        ? index.ownShare(/[a-z]{3,}/i.test(words) ? words : pick.question, pick.section) < looseShare
        : index.coveredCharacters(pick.question, pick.section).size < looseShare * contentCharacters(pick.question);
    });
    // 党员才俩，建不了支部咋整: a figure short of the rule wants the remedy, asked whether or not.
    const remedy = picks.length === 1 ? this.shortfallRemedy(picks[0]!, judged[0] ?? thresholdVerdict(picks[0]!.question, picks[0]!.section.body, english, { unasked: true })) : undefined;
    if (remedy) picks.push({ question: picks[0]!.question, section: remedy });
    const composed = compose(picks, { english, t });
    const fallback: Answer = { text: `${composed.body}\n${composed.sourceLine}`, sources: composed.sources, handoff: false, forward: false, english, generated: false };
    // 哈尔滨开办资金最低多少 when the article says 平房区具体最低额目前未核实: the rule it has is said,
    // and what it could not verify goes to staff as a ticket (no LLM wording either).
    if (picks.some((pick) => asksUnverified(pick.question, pick.section))) return { ...fallback, handoff: true, reason: "unverified", forward: true };
    if (!this.options.writer) return fallback;
    const related = this.related(question, picks);
    const written = await this.options.writer.write({ question, sections: related, english });
    if (!written) return fallback;
    const cited = compose(
      related.filter((section) => written.cited.includes(section.id)).map((section) => ({ question, section })),
      { english, t },
    );
    const caution = related.some((section) => section.caution && written.cited.includes(section.id)) && !/最新.{0,8}为准/.test(written.body);
    return {
      text: `${t("qa.answer.aiLabel")}\n${written.body}${caution ? t("qa.answer.caution") : ""}\n${cited.sourceLine}`,
      sources: cited.sources,
      handoff: false,
      forward: false,
      english,
      generated: true,
    };
  }

  /**
   * When the figure a question states falls short of the rule (两个党员 against 3人以上), the section
   * on what to do when short (正式党员不足3人怎么办, 够不上登记条件怎么办), if the search finds one close by.
   */
  private shortfallRemedy(pick: Pick, verdict: Verdict | undefined): Section | undefined {
    if (verdict?.met !== false) return undefined;
    const hits = this.options.index().search(pick.question, { limit: 6 });
    const top = hits[0]?.score ?? 0;
    return hits.find((hit) => hit.score >= shortfallScore * top && shortfall.test(hit.section.heading) && !similar(hit.section, pick.section))?.section;
  }

  /** The text for a question the bot does not answer, by reason (the CLI and tests show it). */
  notAnswered(reason: HandoffReason, english: boolean, t: Translate): Answer {
    return { text: t(`qa.refuse.${reason}`), sources: [], handoff: true, reason, forward: !declines.has(reason), english, generated: false };
  }

  /** One confident section per part of the question, without repeats. */
  private pick(question: string, minCoverage: number, previous?: string): Pick[] {
    const index = this.options.index();
    const compared = comparedParts(question);
    // A comparison one section answers (it names both sides) stays whole; otherwise each side
    // gets its part, and the question is handed off unless both are answered. A whole that finds
    // no section is asked again side by side.
    const wholeAnswers = compared !== undefined && index.search(compared.whole, { limit: 1 }).some((hit) => this.answersBothSides(compared, hit.section));
    const parts = compared ? [...compared.parts, ...compared.more] : splitQuestion(question);
    // (The message's other asks are answered after it: 有啥区别？起步资金差多少？)
    const found = wholeAnswers ? this.pickParts(question, [compared!.whole, ...compared!.more], minCoverage, previous, compared) : [];
    const picks = found.length > 0 ? found : this.pickParts(question, parts, minCoverage, previous, compared && { ...compared, whole: undefined });
    if (picks.length > 0 || parts.length === 1) return picks;
    // The parts alone were too thin; the whole question may still be clear.
    const whole = index.search(question, { limit: 1 })[0];
    // (A comparison the parts could not answer side by side needs a section answering both.)
    if (!whole || (compared && !this.answersBothSides(compared, whole.section))) return [];
    return this.confident(whole, minCoverage) && index.explains(question, whole.section, focusPhrases(question)) ? [{ question, section: whole.section }] : [];
  }

  /**
   * A confident section for each part. With a comparison, `compared.whole` set means one section
   * is to answer for every side; unset, each side's part must be answered or none is.
   */
  private pickParts(question: string, parts: string[], minCoverage: number, previous: string | undefined, compared: (Omit<Compared, "whole"> & { whole?: string }) | undefined): Pick[] {
    const index = this.options.index();
    const wholeAnswers = compared?.whole !== undefined;
    // A later part that goes on about an article an earlier part was answered from (问俩事：多少人？
    // 另一个是得准备多少钱) names little of its own: it needs only a story's coverage.
    const confident = (hit: Hit) =>
      this.confident(hit, minCoverage) || (picks.some((pick) => pick.section.documentId === hit.section.documentId) && this.confident(hit, storyCoverageFactor * minCoverage));
    const picks: Pick[] = [];
    const context = [parts.length > 1 ? question : "", previous ?? ""].join(" ").trim() || undefined;
    for (const part of parts) {
      // Sections about another of the things the question names are no candidates at all.
      // (A later part naming no organisation type is about the one the message named: 成立社团要多少
      // 会员？活动资金又至少要多少？ asks the 社团's money, not a foundation's.)
      const typed = compared ? part : withTypesOf(question, part);
      const hits = index
        .search(part, { context, limit: 6 })
        .filter((hit) => !namesOther(typed, hit.section) && !opposite(part, hit.section) && (!wholeAnswers || compared!.sides.every((side) => this.mentions(hit.section, side))))
        .slice(0, 4);
      // What the part asks done (补办, 解冻) must be in the section, not only what it is about.
      const focus = focusPhrases(part);
      // The best hit may match one word only; a close one that covers the question will do.
      // A section that judges the figure the question states (30个理事 against 5至25人) answers
      // it, whatever act the question names (能批吗).
      // (Each hit's verdict is worked out once: several choices below ask it.)
      const verdicts = new Map<Hit, Verdict | undefined>();
      const verdictOf = (hit: Hit) => {
        if (!verdicts.has(hit)) verdicts.set(hit, thresholdVerdict(part, hit.section.body, false));
        return verdicts.get(hit);
      };
      const judges = (hit: Hit) => verdictOf(hit) !== undefined;
      const candidates = hits.slice(0, 3).filter((hit) => confident(hit) && hit.score >= 0.6 * hits[0]!.score && (index.explains(part, hit.section, focus) || judges(hit)) && answersConsequence(part, hit.section, { strict: true }));
      // 要多少钱 / 多久能批: a section stating that kind of figure is preferred to one that states none.
      const asked = askedKinds(part);
      // A figure the question states is best judged by a section that can judge it.
      // (unless it accounts for less of the question: the figure may only set the scene).
      // A meeting told in figures is best judged by the section with the quorum and majority rules.
      // (looked for a little further down: the story's other words may rank other rules first;
      // a 社团 article's quorum is not a 民非's even where the section itself names neither.)
      // (One stating the rule of the type asked alone goes before one listing every type's: its
      // figures are that type's.)
      const voting = hits.length > 0 && meetingFigures(part).present !== undefined
        ? index.search(part, { context, limit: 8 }).filter((hit) => !namesOther(part, hit.section, true) && confident(hit) && hit.score >= 0.5 * hits[0]!.score && voteVerdict(part, hit.section.body) !== undefined)
        : [];
      const meeting = voting.find((hit) => !namesOtherTypes(typed, hit.section)) ?? voting[0];
      // (Not one far behind the best: 近亲属当理事有啥限制 with 一共9个理事 told asks about relatives.)
      // A part told with its whole (一共11个理事，其中5个领工资) asks about the part: a section judging
      // the share goes before one judging the whole alone (11 within 5至25), if it covers as much.
      const judgesShare = (hit: Hit) => verdictOf(hit)?.share === true;
      const judging =
        meeting ??
        candidates.find((hit) => judgesShare(hit) && hit.coverage >= (candidates[0]?.coverage ?? 0) - 0.05) ??
        candidates.find((hit) => judges(hit) && hit.coverage >= (candidates[0]?.coverage ?? 0) - 0.05 && hit.score >= judgeShare * (candidates[0]?.score ?? 0));
      // 没完成支出比例会有啥后果 asks what happens, not the ratio its case names: a best hit saying
      // what happens is not given up for one stating the ratio.
      const happens = asksWhatHappens(part) && candidates[0] && answersConsequence(part, candidates[0].section) ? candidates[0] : undefined;
      // Hits below the first three, close and on the point, looked at when none of those will do.
      const further = () => hits.slice(3).filter((hit) => confident(hit) && hit.score >= 0.5 * hits[0]!.score && index.explains(part, hit.section, focus));
      const best =
        judging ||
        happens ||
        // (looking a little further down when none of the first three states one).
        (asked && [...candidates, ...further()].find((hit) => statesKind(hit.section.body, asked))) ||
        // 会有啥后果: a section saying what happens in the case asked about, if one is close.
        (aboutConsequences(part)
          ? (asksWhatHappens(part) && this.saysMostOfWhatHappens(part, [...candidates, ...further()])) ||
            candidates.find((hit) => answersConsequence(part, hit.section))
          : // 对方该开什么票据 asks the rule, not what follows from breaking it (不开票据会怎样).
            // (One accounting for as much of the question: 摊派 is said only by the one on who is held to account.)
            candidates.find((hit) => !promisesConsequence(hit.section.heading) && hit.score >= ruleShare * candidates[0]!.score && hit.coverage >= candidates[0]!.coverage - 0.05)) ||
        candidates[0];
      if (!best || hits.length === 0) {
        if (compared && !wholeAnswers && compared.parts.includes(part)) return [];
        const next = this.followOn(part, picks, context);
        if (next) picks.push(next);
        continue;
      }
      const second = hits.find((hit) => hit !== best && !similar(hit.section, best.section));
      // A runner-up silent on the kind of figure asked for (a date, a sum) neither joins nor replaces one that states it.
      const silent = asked !== undefined && second !== undefined && statesKind(best.section.body, asked) && !statesKind(second.section.body, asked);
      // Nor does a section on what follows from breaking the rule, for a part that does not ask it.
      const aside = second !== undefined && !aboutConsequences(part) && promisesConsequence(second.section.heading) && !promisesConsequence(best.section.heading);
      // Nor, beside a section judging the figures told by the asked type's rule, one listing every
      // type's (社团理事会 21人到会15人: 民非、社团、基金会 side by side would judge by another's).
      const mixed = second !== undefined && best === judging && namesOtherTypes(typed, second.section) && !namesOtherTypes(typed, best.section);
      const runnerUp = parts.length === 1 && second && !silent && !aside && !mixed && second.score >= closeRunnerUp * best.score && confident(second) && index.explains(part, second.section, focus) ? second : undefined;
      const found = runnerUp ? this.roleOf(part, best.section, runnerUp.section) : "none";
      // A part asking what happens keeps the section saying it: a runner-up covering more of the
      // story (没公募资格…摆摊募捐) but silent on what follows joins it, not replaces it.
      const role = found === "instead" && asksWhatHappens(part) && answersConsequence(part, best.section) && !answersConsequence(part, runnerUp!.section) ? "also" : found;
      // A runner-up that answers all the best hit does and more is the better answer on its own.
      const first = role === "instead" ? runnerUp!.section : best.section;
      // A side of a comparison keeps its own answer unless one already given names it (基金会's 3月31日
      // beside 社团's is no repeat, though the two rules read alike).
      const side = compared && !wholeAnswers ? compared.sides[compared.parts.indexOf(part)] : undefined;
      // (The very same section twice is a repeat whatever it names.)
      const repeats = picks.some((pick) => pick.section.id === first.id || (similar(pick.section, first) && (!side || this.mentions(pick.section, side))));
      if (!repeats) picks.push({ question: part, section: first });
      // 一直没去办变更，会有啥事吗: the rule says what must be done, not what follows from leaving it
      // undone; the section that does (社团哪些行为会被处罚) follows it, if one is close by.
      const follows = !repeats && role === "none" ? this.consequenceOf(part, first, best.score, context) : undefined;
      if (follows) picks.push({ question: part, section: follows });
      // A later part found only in what was answered already (要参加的话得交啥 after 成立多久不参加年检)
      // asks something else of that article.
      // (Not when what was answered states the kind of figure the part asks for: 最多几个人 after 一届几年.)
      const answered = asked !== undefined && statesKind(first.body, asked);
      const next = repeats && !answered && !compared && contentCharacters(part) <= thinPart ? this.followOn(part, picks, context) : undefined;
      if (next) picks.push(next);
      // (The verdict on a figure the question states comes first: 会员有60个，能批吗 is answered 够 before
      // the other conditions.)
      // (A share judged goes before a whole judged: 九个人里头四个拿钱 is about the four.)
      if (role === "also" && !repeats && judges(runnerUp!) && (!judges(best) || (judgesShare(runnerUp!) && !judgesShare(best)))) picks.splice(picks.length - 1, 0, { question: part, section: runnerUp!.section });
      else if (role === "also") picks.push({ question: part, section: runnerUp!.section });
    }
    return picks;
  }

  /**
   * For a part asking what happens, when the section chosen does not say it: the best section,
   * found with the part's own words and a penalty, that says what happens in the case asked about.
   */
  private consequenceOf(part: string, chosen: Section, bestScore: number, context: string | undefined): Section | undefined {
    if (!asksWhatHappens(part) || answersConsequence(part, chosen)) return undefined;
    const hit = this.options
      .index()
      .search(`${part} ${consequenceProbe}`, { context, limit: 8 })
      .find((hit) => hit.section.id !== chosen.id && !similar(hit.section, chosen) && hit.score >= consequenceShare * bestScore && this.confident(hit, storyCoverageFactor * this.options.minCoverage) && !namesOther(part, hit.section) && answersConsequence(part, hit.section));
    return hit?.section;
  }

  /**
   * Of sections saying what happens, the one whose statement of it names most of the case asked
   * about, a rare word (出借 for 借给别人用) counting above a common one (登记证书); the first on a tie.
   */
  private saysMostOfWhatHappens(part: string, hits: Hit[]): Hit | undefined {
    const index = this.options.index();
    const weight = (term: string) => index.rarity(term);
    let most: { hit: Hit; strength: number } | undefined;
    for (const hit of hits) {
      const strength = consequenceStrength(part, hit.section, weight);
      if (strength > 0 && (!most || strength > most.strength)) most = { hit, strength };
    }
    return most?.hit;
  }

  /**
   * A later part not found on its own words (都得交点啥？ 要参加的话得交啥？) goes on about what the
   * part before it was answered from: the best section of that article that speaks to it and was
   * not given already.
   */
  private followOn(part: string, picks: Pick[], context: string | undefined): Pick | undefined {
    const before = picks.at(-1);
    if (!before) return undefined;
    const index = this.options.index();
    const focus = focusPhrases(part);
    const hit = index
      .search(part, { context, limit: 40 })
      .find((hit) => hit.section.documentId === before.section.documentId && !picks.some((pick) => similar(pick.section, hit.section)) && index.explains(part, hit.section, focus) && !namesOther(part, hit.section));
    return hit && hit.score >= followOnScore * this.options.minScore * index.scoreScale ? { question: part, section: hit.section } : undefined;
  }

  /**
   * What a close runner-up adds. "also": it answers a part of the question the best hit does not
   * (two characters or more of the question only it accounts for), or the question names no
   * organization type and the two answer for different types (社团 or 基金会?). "instead": it
   * accounts for everything the best hit does and more. "none": it would only repeat or stray
   * (a 社团 rule beside the 基金会 one a 基金会 question asked for).
   */
  private roleOf(question: string, best: Section, runnerUp: Section): "also" | "instead" | "none" {
    const index = this.options.index();
    const mine = index.coveredCharacters(question, best);
    const theirs = index.coveredCharacters(question, runnerUp);
    const extra = [...theirs].filter((position) => !mine.has(position)).length;
    const lost = [...mine].filter((position) => !theirs.has(position)).length;
    const named = typesOf(question);
    const bestTypes = typesOf(`${best.heading} ${best.title}`);
    const otherTypes = typesOf(`${runnerUp.heading} ${runnerUp.title}`);
    const differentTypes = named.size === 0 && bestTypes.size > 0 && otherTypes.size > 0 && ![...otherTypes].some((type) => bestTypes.has(type));
    // (As long as it answers as much of the question: 管账的能不能同时当监事 is not answered by a 社团
    // rule on holding two legal-representative posts, which shares only 同时当.)
    if (differentTypes && lost <= 1) return "also";
    if (deniesAsked(question, runnerUp)) return "none";
    if (extra >= 2) return lost === 0 ? "instead" : "also";
    return "none";
  }

  private confident(hit: Hit, minCoverage = this.options.minCoverage): boolean {
    return hit.score >= this.options.minScore * this.options.index().scoreScale && hit.coverage >= minCoverage;
  }

  /** Whether one section answers a comparison: it names every side and speaks to what is asked of them. */
  private answersBothSides(compared: Compared, section: Section): boolean {
    return compared.sides.every((side) => this.mentions(section, side)) && this.speaksTo(compared.whole, compared.sides, section);
  }

  /**
   * Whether a section speaks to what a comparison asks of its sides (the 会费 of 单位会员跟个人会员
   * 交的会费一样不, the 任期 of 社团的理事任期): most of the question's words besides the sides must be
   * its own. A section naming both sides answers nothing else by that alone.
   */
  private speaksTo(question: string, sides: string[], section: Section): boolean {
    const text = normalize(question);
    const sidePositions = new Set<number>();
    for (const side of sides) {
      const word = normalize(side);
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) for (let offset = 0; offset < word.length; offset++) sidePositions.add(at + offset);
    }
    const asked = [...text].map((character, position) => ({ character, position })).filter(({ character, position }) => !sidePositions.has(position) && /[\u3400-\u9fff]/.test(character) && !functionCharacters.has(character));
    if (asked.length === 0) return true;
    const covered = this.options.index().coveredCharacters(question, section);
    return asked.filter(({ position }) => covered.has(position)).length >= attributeShare * asked.length;
  }

  /** Whether a section's body names a thing, through its synonyms too. */
  private mentions(section: Section, thing: string): boolean {
    // The body, not the heading: a heading may promise a comparison its body does not make.
    const text = normalize(section.body);
    const word = normalize(thing);
    return text.includes(word) || synonyms.some((group) => group.from.includes(word) && group.to.some((other) => text.includes(normalize(other))));
  }

  /** The chosen sections plus close runners-up: what the LLM may draw on. */
  private related(question: string, picks: Pick[]): Section[] {
    const sections = picks.map((pick) => pick.section);
    const hits = this.options.index().search(question, { limit: 4 });
    const top = hits[0]?.score ?? 0;
    for (const hit of hits) {
      if (sections.length >= 4) break;
      if (hit.score >= top * 0.6 && !sections.some((section) => section.id === hit.section.id)) sections.push(hit.section);
    }
    return sections;
  }
}
