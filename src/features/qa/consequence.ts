import { functionCharacters, patternSynonyms, synonyms } from "./lexicon.js";
import { chineseTermsIn } from "./english-terms.js";
import { askingClauses, normalize, sentences } from "./text.js";

/**
 * A question asking what happens, or what the penalty is (会怎么罚, 会有啥后果, 会怎样), or who
 * answers for it and what is risked (要担什么责任, 有啥风险, 会不会惹麻烦, are we liable).
 */
const asksConsequence = new RegExp(
  [
    /罚|处罚|后果|会怎样|会怎么样|会咋样|会被怎么|会不会被|会有啥影响|有什么影响|有啥影响|会受啥|受影响|会管吗|管不管|会出事|会(不会)?出(什么|啥|点)?(问题|事|岔子|乱子)|出(啥|什么)(问题|事)|有没有事|有事吗|有事没|有啥事|会有事|没事吧|要紧吗/.source,
    // What the office will do about it (民政会怎么处理, 那边会咋处置).
    /会(怎么|咋|如何|怎样)(处理|处置|对待|办)/.source,
    // Spoken at the end of a question (真借了能咋地啊, 又能怎么着, 会如何): what follows.
    /(能|会|又能|又会|还能)(咋地|咋的|怎么地|怎么的|咋着|怎么着|怎样|如何)(啊|呀|呢|吗|嘛|哇)?([？?!！。…\s]|$)/.source,
    // Who answers for it (担啥责任, 负不负责, 追究责任, 谁来兜底, 要赔吗).
    /(担|负|承担|背)(啥|什么|哪些|多大|哪种)?的?(法律)?责任|法律责任|担不担责|负不负责|担责|追究[^，,。？?]{0,4}责任|追责|谁(来)?(担|承担|背)(这个|这)?责|谁(来)?负(这个)?责任|谁(来)?(兜底|赔)|兜底|(要|得|需要|用)(不要)?赔(吗|偿|钱|不|么)?|赔不赔/.source,
    // What is risked (有啥风险, 风险大不大, 会不会惹麻烦, 摊上事, 吃官司, 挨处分, 下场).
    /(有|存在)(什么|啥|哪些|多大)的?风险|风险(大不大|大吗|高吗|有多大)|有风险(吗|没|不)|(有|惹|惹上|找)麻烦|摊上事|吃官司|挨处分|受处分|下场(是|会|怎么|如何)|犯错误|有(啥|什么)不好/.source,
    /\bpenalt|\bhappens?\b|\bconsequence|\bfine[sd]\b|\ba fine\b|\bpunish|\b(what|any|the) risks?\b|\b(?:is|isn.t|would|will|was) (?:it|this|that) (?:too |very |a bit )?risky\b|\bliab(le|ility)\b|\bin trouble\b|\bheld (responsible|liable|accountable)\b/.source,
  ].join("|"),
);

/** A heading saying what happens (…会怎样？, 会怎么罚？, 什么情况会被列入名录？, 要终止？). */
const consequenceHeading = /会怎样|会怎么(?:样|罚|处)|后果|罚|撤销|名录|名单|终止|影响|不合格|会被/;

/**
 * Whether a question asks what happens (会怎样, 会有啥影响, penalty), in the clauses that ask: a
 * penalty told in the scene (去年被民政罚了一次款，今年还能参加评估吗) is not what is asked.
 */
export function asksWhatHappens(question: string): boolean {
  return asksConsequence.test(normalize(askingClauses(question)));
}

/** Whether a section's heading promises what happens in some case: it answers 会怎样 questions. */
export function promisesConsequence(heading: string): boolean {
  return consequenceHeading.test(normalize(heading));
}

/** Words that state a penalty, and (broader) any consequence, in a rule. */
const penaltyWords = /罚|警告|撤销|取缔|责令|没收|停止活动|追究|吊销|penalt|fine|warning|revok/;
// (Who pays for harm is what follows too: 依法承担赔偿责任, 追偿, liable.)
const consequenceWords = new RegExp(`${penaltyWords.source}|名录|名单|终止|不予|失效|暂停|影响|赔偿|追偿|担责|list|liab`);
const penaltyAsked = /罚|\bpenalt|\bfine|\bpunish/;
/**
 * Whether trouble follows (会被罚吗, 会不会挨罚): asked of what happens, whatever it is — a listing
 * answers it as well as a fine. 罚款多少 / 怎么罚 ask the penalty itself.
 */
export const whetherPunished = /(会不会|会)?(被|挨|受)?罚(吗|么|不|没)|会不会(被|挨|受)?罚/g;

/** Whether a question asks what the penalty is (怎么罚, 罚多少), not only whether trouble follows. */
function asksPenalty(text: string): boolean {
  return penaltyAsked.test(text.replace(whetherPunished, "会怎样"));
}

/**
 * Whether a question is about what follows a violation: it asks what happens, or names a penalty
 * (证书被吊销了，以后还能申请吗), so the sections on penalties are its own.
 */
export function aboutConsequences(question: string): boolean {
  const text = normalize(question);
  return asksConsequence.test(text) || penaltyWords.test(text);
}

/**
 * What a question asks about, beside the consequence: its content bigrams, and the whole words
 * its everyday words stand for (晚交 → 未按规定), not their bigrams (年度 of 年度工作报告
 * would find any 上年度).
 */
function subjectTerms(question: string): Set<string> {
  // (Asked of one question for each section in turn: the last question's terms are kept.)
  if (lastSubject?.question === question) return lastSubject.terms;
  const terms = subjectTermsOf(question);
  lastSubject = { question, terms };
  return terms;
}

let lastSubject: { question: string; terms: Set<string> } | undefined;

function subjectTermsOf(question: string): Set<string> {
  const text = normalize(question).replace(new RegExp(asksConsequence.source, "g"), " ");
  const terms = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let index = 0; index + 1 < run.length; index++) {
      const bigram = run.slice(index, index + 2);
      if (![...bigram].some((character) => functionCharacters.has(character))) terms.add(bigram);
    }
  }
  for (const group of synonyms) if (group.from.some((word) => text.includes(word))) for (const word of group.to) terms.add(normalize(word));
  // (And a pattern's, as the search reads it: 收了受助老人家属的钱 is 收取报酬 from 服务对象.)
  for (const { pattern, to } of patternSynonyms) if (text.match(pattern)) for (const word of to) terms.add(normalize(word));
  // An English question's case, in the Chinese words the rules use (for-profit → 营利).
  for (const term of chineseTermsIn(text)) terms.add(normalize(term));
  // The consequence words themselves (处罚 from 怎么处罚's synonyms) are not the case asked about.
  return new Set([...terms].filter((term) => !consequenceWords.test(term)));
}

/**
 * Whether a section answers what happens in the case the question describes: some sentence of
 * it (or its heading) states a consequence (警告, 撤销登记, 列入名录 …; a penalty when the
 * question asks 罚) and the same sentence or list item names the case too. A section that
 * lists the case as one condition and a penalty as another (不予评估：未参加年检；受过处罚)
 * does not say what happens to those who skip the inspection. Questions that ask no
 * consequence pass; with `strict`, so do those asking what happens rather than the penalty.
 */
export function answersConsequence(question: string, section: { heading: string; body: string }, options: { strict?: boolean } = {}): boolean {
  const asked = normalize(question);
  if (!asksConsequence.test(asked)) return true;
  // Strictly, only a question about a penalty (会怎么罚) is held to this; 会有啥后果 is a preference.
  // A penalty only the scene names (民政说要处罚我们，还能要求听证吗) is not what is asked.
  if (options.strict && !asksPenalty(normalize(askingClauses(question)))) return true;
  if (subjectTerms(question).size === 0) return true;
  return consequenceStrength(question, section) > 0;
}

/**
 * How much of the case asked about a section's statement of what happens names: the weight of the
 * question's subject terms found in the sentence or list item stating a consequence (the best
 * one), 0 when none does. `weight` lets a rare term (出借) count above a common one (登记).
 */
export function consequenceStrength(question: string, section: { heading: string; body: string }, weight: (term: string) => number = () => 1): number {
  const asked = normalize(question);
  const subject = subjectTerms(question);
  const wanted = asksPenalty(asked) ? penaltyWords : consequenceWords;
  // A list (主要有：a；b；c) is read item by item, each with its lead and the heading, which
  // often carry the consequence (什么情况会被列入异常名录？).
  const heading = normalize(section.heading);
  let strongest = 0;
  let previous = "";
  for (const sentence of sentences(normalize(section.body))) {
    const [lead, ...rest] = sentence.split(/[：:]/);
    const items = (rest.length > 0 ? rest.join("：") : lead!).split(/[；;]/);
    // 收了的，由民政部门予以警告 / 违反的，…: the case is the rule said just before.
    const told = /^[^，,。]{1,6}的[，,]/.test(sentence) ? previous : "";
    previous = sentence;
    const context = rest.length > 0 ? `${heading} ${lead}` : `${heading} ${told}`;
    for (const item of items) {
      if (!wanted.test(`${context} ${item}`)) continue;
      const matched = [...subject].filter((term) => item.includes(term) || (rest.length === 0 && context.includes(term)));
      // (A word counts once: 登记证书 found, its pieces 登记 and 证书 add nothing.)
      const found = matched.filter((term) => !matched.some((other) => other !== term && other.includes(term))).reduce((sum, term) => sum + weight(term), 0);
      strongest = Math.max(strongest, found);
    }
  }
  return strongest;
}
