import { englishTerms } from "./english-terms.js";
import { comparables } from "./lexicon.js";
import { englishQuestion, isEnglish, namedSpellings, normalize } from "./text.js";
/** Greetings and mentions that carry no question. */
const preamble = /^(\s*(@\S+|大家好|各位好|各位老师好?|老师好|你好|您好|早上好|上午好|下午好|晚上好|hi( all)?|hello|hey|quick q)[\s,，!！~～:：。☀️\p{Extended_Pictographic}]*)+/iu;

/** Removes leading mentions and greetings, so "@小园助手 大家好～想问下…" becomes the question. */
export function stripPreamble(text: string): string {
  const stripped = text.replace(preamble, "").trim();
  return stripped || text.trim();
}

/**
 * Splits a question that asks several things (两个问题：…、…？…？, "还有", "以及", "另外",
 * "Also, …") into its parts, at most three. A single question comes back as one part.
 */
export function splitQuestion(text: string): string[] {
  const question = stripPreamble(text).replace(/^(我?有)?(两|2|几|三|3)个问题[:：，,]?/, "");
  const pieces = question
    // Numbered lists: 1. … 2. …  /  1、… 2、…
    .replace(/(^|[\s：:，,；;。？?])[1-3一二三][.、．)）]\s*/g, "$1\u0000")
    // A question mark or semicolon in the middle ends one question.
    .replace(/([？?；;])\s*(?=\S)/g, "$1\u0000")
    // "…，还有…" / "…。另外…" / ", and also …"
    .replace(/[，,。\s]+(还有|另外|以及|再问一下|再问下|顺便问一下|顺便问下|顺便问|此外|再就是)[，,：:]?/g, "\u0000")
    .replace(/[,.]?\s+(and also|also,|plus,|besides,)\s+/gi, "\u0000")
    .split("\u0000")
    .map((piece) => piece.trim().replace(/^(另外|还有|以及|此外|再就是|那么|那|并且|而且|同时)[，,:：\s]*/, ""))
    .filter((piece) => substance(piece) >= 2)
    .reduce(foldStory, [])
    .reduce(foldShortEnglish, [])
    .flatMap(splitClauses);
  if (pieces.length <= 1) return [question.trim()];
  return pieces.slice(0, 3);
}

/**
 * A piece cut off at a semicolon that asks nothing (Our board has 30 directors; 18 came …?) is the
 * scene of the question after it, not a question of its own.
 */
function foldStory(pieces: string[], piece: string): string[] {
  const last = pieces.at(-1);
  if (last !== undefined && /[；;]$/.test(last) && !asks(last) && !/[?？]/.test(last) && !englishQuestion.test(last)) {
    return [...pieces.slice(0, -1), `${last} ${piece}`];
  }
  return [...pieces, piece];
}

/**
 * Two English words after a question (Any conditions? / How long?) ask more of the same thing, not
 * a new one: they stay with the question before them.
 */
function foldShortEnglish(pieces: string[], piece: string): string[] {
  const last = pieces.at(-1);
  if (last !== undefined && !/[\u3400-\u9fff]/.test(piece) && piece.trim().split(/\s+/).length <= 2) return [...pieces.slice(0, -1), `${last} ${piece}`];
  return [...pieces, piece];
}

/** Words that make a clause a question of its own (几号前交 / 收不收费 / 要多久 / 烦请告知… / 还能补不). */
const asking = /[吗么]|多少|多久|多长|几|什么|啥|怎么|咋|哪|如何|是否|能否|有没有|要不要|(?:告知|请问|想问|请教)[^，,。]{4,}|([\u3400-\u9fff])不\1|(?:能|可以|行|中|成)[\u3400-\u9fff]{0,4}不[？?\s]*$/;
/**
 * 啥, 什么 and 几 that ask nothing: 没开展啥活动 (no activity at all), 啥事都 (everything), 我们几个
 * 老伙计 (the few of us), 管事的那几个人 (those few), 和几家同行发起 / 拉了几个人 (some, told),
 * 有十几个会员 (a dozen or so),
 * 前几天 / 这几年 (time told in passing).
 */
const indefinite = /十几|[没不无][\u3400-\u9fff]{0,4}?(?:啥|什么)|(?:啥|什么)[\u3400-\u9fff]?都|多少(?:有|带|沾)?点|(?:我们|咱们|俺们|你们|他们|她们|咱|俺|这|那|和|跟|与|同|联合|了)几(?:个|位|家|名|所|户|份|张|件|条|笔|次|回|遍)|(?:(?<!提)前|这|那|过|好|近|头)几(?:天|日|年|个月|回|次)/g;

function asks(clause: string): boolean {
  return asking.test(clause.replace(indefinite, ""));
}

/**
 * A comma, a full stop (or a voice-typed space) between two clauses that each ask something parts
 * them (年报几号前交，年检收不收费 / 烦请告知审查期限。发的证有几种): otherwise a story before the
 * question stays with it.
 */
function splitClauses(piece: string): string[] {
  if (!/[\u3400-\u9fff]/.test(piece)) return splitEnglishAsks(piece);
  // (An emoji may end a voice-typed clause: 会咋样啊😰 还能补不; so may a letter or figure: 评估得几A 每年啥时候报.)
  const clauses = piece.split(/(?<=。)|[，,]\s*|(?<=[\u3400-\u9fffA-Za-z0-9%]|\p{Extended_Pictographic})\s+(?=[\u3400-\u9fff])/u).filter((clause) => clause.trim());
  if (clauses.length < 2) return [piece];
  const parts: string[] = [];
  let current = "";
  for (const clause of clauses) {
    current = current ? `${current}${/。$/.test(current) ? "" : "，"}${clause}` : clause;
    // (A clause setting the time or case of what follows is no question of its own, even after 烦请告知.)
    if (asks(current) && substance(current) >= 4 && !setsTheCase(current)) {
      parts.push(current);
      current = "";
    }
  }
  if (current) {
    // A tail that asks nothing belongs to the last question (…多少钱，谢谢).
    if (parts.length === 0) return [piece];
    parts[parts.length - 1] = `${parts[parts.length - 1]}，${current}`;
  }
  return parts.length >= 2 && parts.every(asks) ? parts : [piece];
}

/**
 * An English question listing its asks after commas (When did the park open, in which neighbourhood
 * is it, and how many …?): each is a part when the sentence itself opens with a question word.
 */
function splitEnglishAsks(piece: string): string[] {
  if (!englishQuestion.test(piece.trim())) return [piece];
  const parts = piece.split(/,\s*(?:and\s+)?(?=(?:in |at |from |to |for )?(?:which|what|when|where|who|whom|how|whether)\b)/i).filter((part) => part.trim());
  return parts.length >= 2 && parts.every((part) => part.trim().split(/\s+/).length >= 3) ? parts.map((part) => part.trim()) : [piece];
}

/**
 * A clause setting the time or case of what follows (…申请成立登记时, 初审同意以后, 要是没到场的
 * 话): no question of its own. (几号之后 / 多久以后 still ask when.)
 */
function setsTheCase(clause: string): boolean {
  if (/(时|时候|之际|期间|的话)$/.test(clause) || (/(以后|之后)$/.test(clause) && !/几|多少|多久|什么时候|啥时候|何时/.test(clause))) return true;
  // 请问：要是理事会到会人数不够 / 想问下如果民非要搬家: a case put after 请问, with nothing asked of it yet.
  return /如果|要是|假如|假设|万一|倘若|若是|一旦/.test(clause) && !asking.test(clause.replace(askingCue, "").replace(indefinite, ""));
}

/** Words that announce a question (请问, 想问下, 烦请告知) without asking it. */
const askingCue = /告知|请问|想问|请教/g;

/** Letters that say something: Chinese characters or Latin letters (a word counts per letter / 3). */
function substance(piece: string): number {
  const chinese = (piece.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (piece.match(/[a-z]/gi) ?? []).length;
  return chinese + latin / 3;
}

/** 「A和B有啥区别」: two things compared, and what about them (的表决规则). */
const side = "((?:(?!和|跟|与|同|还是|有|是|啥|什么|哪些|的|之间|在|到底|究竟|区别|不同|不一样)[\\u3400-\\u9fffa-z]){2,8})";
const comparison = new RegExp(`^(.*?)${side}(?:和|跟|与|同|还是)${side}(?:(?:的|之间的?|在)([\\u3400-\\u9fff]{1,8}?)(?:上|方面|这块)?)?(?:到底|究竟)?(?:有|是)?(?:啥|什么|哪些)?(?:区别|不同|不一样|差别|差异|两样)`, "i");

/** A side that only points back at things named before (它俩, 这两个, 两者). */
const pronoun = /^(它俩|他俩|她俩|这俩|那俩|这两个|那两个|这两者|两者|二者|它们|他们|这两家|这两种|俩)$/;

/** Asking whether one is held stricter (是不是管得更严, 要求更高): a comparison with what was named. */
const heldMore = "(?:是不是|会不会)?(?:管得|要求|规定)?更[严宽松多少高低长短难紧]";

/** Asking how things compare, or to confirm one is like the other: 一样不, 差在哪, 哪个大, 没错吧, vs. */
const comparing = new RegExp(`${heldMore}|区别|不同|不一样|一样|相同|差别|差异|差在|差哪|差多少|相差|两样|一个标准|同一个?标准|一个规矩|一码事|分别|各自|各是|哪个|谁大|谁小|谁说了算|没错吧|对吧|对不对|一回事|\\bvs\\b|versus|differ|compare|whereas|the same`, "i");
/** Words of the comparison itself, dropped from each side's part (社团的年报截止时间, not …一样不). */
const comparisonWords = new RegExp(`${heldMore}|(有|是)?(啥|什么|哪些)?(区别|不同|差别|差异|两样)|不一样|一样[不吗么嘛]?|(是不是|是)?(一个|同一个?)(标准|规矩)[吗么]?|一码事|(相)?差多少|分别|各自|各是|是不是|相同[吗么]?|差在哪[儿里]?|差哪|哪个大|谁大|谁小|我理解没错吧|没错吧|对吧|对不对|是一回事[吗么]?|一回事`, "g");

/**
 * A question comparing two things (民非和社团有啥区别, 理事会和会员大会的表决规则有什么不同):
 * the sides, and one part per side asking the same about it (社团的表决规则 / 社团是什么). A
 * follow-up (社团会员要50个我知道，那民非呢) asks the same of both sides.
 */
export function comparedParts(question: string): Compared | undefined {
  if (isEnglish(question)) return englishCompared(stripPreamble(question));
  const match = comparison.exec(stripPreamble(question).replace(/\s+/g, ""));
  const text = normalize(stripPreamble(question));
  // (它俩跟社团有啥不同 compares what was named before; the parts are asked as they stand.)
  if (match && !pronoun.test(match[2]!) && !pronoun.test(match[3]!)) {
    const [, , first, second, about] = match as unknown as [string, string, string, string, string];
    const ask = (side: string) => (about ? `${side}的${about}` : `${side}是什么`);
    // What else the message asks (定向募捐和公募啥区别，定向的从啥时候能搞): parts of their own.
    const asks = splitQuestion(question);
    const names = (part: string) => part.includes(first) || part.includes(second);
    // (A later ask comparing again without naming them, 起步资金差多少, is of the same two sides.)
    const more = asks.flatMap((part) => (!comparing.test(part) ? [part] : names(part) ? [] : [`${first}和${second}${part}`]));
    return { sides: [first, second], parts: [ask(first), ask(second)], more: asks.some((part) => comparing.test(part) && names(part)) ? more : [], whole: wholeOf(text, [first, second]) };
  }
  const compared = sidesCompared(text);
  return compared && { ...compared, more: [], whole: wholeOf(text, compared.sides) };
}

/** The question without its comparison words, unless how the sides differ is all it asks (民非和社团有啥区别). */
function wholeOf(text: string, sides: string[]): string {
  const without = text.replace(comparisonWords, "");
  return substance(sides.reduce((rest, side) => rest.split(side).join(""), without).replace(joiners, "")) >= 2 ? without : text;
}

/**
 * The things compared, a part per thing, and the question without its comparison words (民非和社团
 * 的年报截止时间) for a section that answers for both: 一样不 would draw one comparing other things.
 */
export interface Compared {
  sides: string[];
  /** One per side, in the order of `sides`. */
  parts: string[];
  /** Other asks of the same message. */
  more: string[];
  whole: string;
}

/** What is left of a comparison once its sides are taken out that asks nothing (和, 的, 吗). */
const joiners = /[和跟与同及、还是的有啥什么吗呢吧啊？?，,\s]/g;

/** 个人捐款也是按12%扣吧: the rule for one side taken to hold for the other too. */
const alsoSo = /也(?:是|按|一样|得|要|能)[^，,。？?]{0,14}(?:吧|吗|么|不)/;

/** Whether the sides stand in different clauses (企业…，个人…也是), not one (协会是慈善组织). */
function apart(sides: string[], text: string): boolean {
  const clauses = text.split(/[，,。；;？?！!\s]/);
  return new Set(sides.map((side) => clauses.findIndex((clause) => clause.includes(side)))).size === sides.length;
}

function sidesCompared(text: string): Omit<Compared, "whole" | "more"> | undefined {
  for (const list of comparables) {
    const named = namedSpellings(text, list).map(({ spelling }) => spelling);
    if (named.length < 2) continue;
    const next = named.find((spelling) => new RegExp(`(那|那么|换成|要是|如果是)?${spelling}呢`).test(text));
    if (next) {
      const others = named.filter((spelling) => spelling !== next);
      const followUp = new RegExp(`(那|那么|换成|要是|如果是)?${next}呢`);
      // 基金会多久不活动会被撤？社团呢？ asks both sides. So, in effect, does 社团要3万我知道，那基金会呢:
      // the rule told is confirmed beside the new one, which reads as an answer to the comparison
      // the asker has in mind (and corrects a rule misremembered).
      const before = text.slice(0, text.search(followUp)).replace(/[，,。\s]+$/, "");
      const asked = others.reduce((rest, spelling) => rest.split(spelling).join(next), before).replace(/[，,]?(我|俺|咱)?(知道|晓得|清楚|明白|了解)了?$/, "");
      return { sides: [...others, next], parts: [...others.map(() => before), asked] };
    }
    if (!comparing.test(text) && !(alsoSo.test(text) && apart(named, text))) continue;
    const parts = named.map((side) => {
      const rest = named.filter((other) => other !== side).reduce((part, other) => part.split(other).join(""), text).replace(comparisonWords, "");
      return substance(rest.split(side).join("").replace(joiners, "")) >= 2 ? rest : `${side}是什么`;
    });
    return { sides: named, parts };
  }
  return undefined;
}

/** Asking how things compare, in English: A vs B, differ, the same, for each, both. */
const comparingEnglish = /\b(vs\.?|versus|compared? (to|with)|differ\w*|difference|the same|each|both)\b/i;

/**
 * An English comparison (Company vs individual donations: what's the cap for each?): the sides are
 * English words standing for two entries of one comparable list (企业, 个人), and each side's part
 * is the question without the other side's words.
 */
function englishCompared(question: string): Compared | undefined {
  if (!comparingEnglish.test(question)) return undefined;
  const named = englishWords.filter(({ pattern }) => pattern.test(question));
  for (const list of comparables) {
    // Entry of the list → the question's words standing for it.
    const sides = new Map<number, Array<{ everywhere: RegExp }>>();
    for (const word of named) {
      const entry = list.findIndex((spellings) => spellings.split("|").some((spelling) => word.terms.includes(spelling)));
      if (entry >= 0) sides.set(entry, [...(sides.get(entry) ?? []), word]);
    }
    if (sides.size < 2) continue;
    const entries = [...sides.keys()];
    const nameOf = (entry: number) => list[entry]!.split("|")[0]!;
    const parts = entries.map((entry) =>
      entries
        .filter((other) => other !== entry)
        .flatMap((other) => sides.get(other)!)
        .reduce((part, { everywhere }) => part.replace(everywhere, ""), question)
        .replace(/\b(vs\.?|versus|and|or)\b(?=\s*[:?,—-]|\s+\b(vs|versus)\b)/gi, "")
        .replace(/\b(vs\.?|versus)\s*/gi, "")
        .replace(/\s{2,}/g, " ")
        // (with the side's own Chinese term: the retrieval weighs it like a Chinese question's)
        .trim() + ` ${nameOf(entry)}`,
    );
    return { sides: entries.map(nameOf), parts, more: [], whole: question };
  }
  return undefined;
}

/** The English terms as whole-word patterns (one to test, one to remove every match), compiled once. */
const englishWords = englishTerms.map(([word, terms]) => {
  const source = `\\b${word.replace(/[-]/g, "\\-")}\\b`;
  return { pattern: new RegExp(source, "i"), everywhere: new RegExp(source, "gi"), terms };
});
