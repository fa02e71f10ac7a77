import { canonicalForms, confusions, englishStopWords, stopBigrams } from "./lexicon.js";
import { shippedHomophones } from "./homophones.js";

const cjkRun = /[\u3400-\u9fff]+/g;
const latinWord = /\d+[a-z]+\b|[a-z][a-z0-9'-]*|\d+(?:\.\d+)?%?/g;

/** Full-width to half-width (NFKC), lower case, typos and homophones corrected: the form every text is matched in. */
export function normalize(text: string): string {
  const known = normalized.get(text);
  if (known !== undefined) return known;
  let result = text.normalize("NFKC").toLowerCase();
  for (const [wrong, right] of confusions) if (result.includes(wrong)) result = result.split(wrong).join(right);
  result = shippedHomophones().correct(result);
  for (const [long, short] of canonicalForms) if (result.includes(long)) result = result.split(long).join(short);
  // Section bodies and headings are normalised again for every question that reaches them; a
  // bounded memo makes those repeats free (the function is pure).
  if (normalized.size >= normalizedLimit) normalized.clear();
  normalized.set(text, result);
  return result;
}

const normalizedLimit = 20_000;
const normalized = new Map<string, string>();

export function hasChinese(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** Written in English, perhaps with a Chinese term or two (“Can a 民非 set up branches?”). */
export function isEnglish(text: string): boolean {
  const chinese = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  return chinese === 0 ? latin > 0 : latin >= 12 && latin > 4 * chinese;
}

const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, fifty: 50, sixty: 60, ninety: 90,
};

/** "five years" → "5 years": figures in digits, as chat answers state them. */
export function englishDigits(text: string): string {
  return text.replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|sixty|ninety)\b(?=(?:[\s-]+[a-z]+){0,2}?[\s-]+(?:years?|months?|days?|weeks?|members?|people|persons?|times)\b)/gi, (word) => String(numberWords[word.toLowerCase()]));
}

/**
 * Index terms of a text: Chinese character bigrams (robust to segmentation errors and typos),
 * longer words from Intl.Segmenter (whole terms like 业务主管单位 score above their parts),
 * and English words reduced to a crude stem. Duplicates are kept: they are term frequencies.
 */
export function terms(text: string, segmenter: Intl.Segmenter): readonly string[] {
  // A question's words and the lexicon's are split again by every step that reads them; long
  // texts (sections, indexed once) are not kept.
  if (text.length > memoLength) return termsOf(text, segmenter);
  let memo = termMemos.get(segmenter);
  if (!memo) termMemos.set(segmenter, (memo = new Map()));
  const known = memo.get(text);
  if (known) return known;
  const found = termsOf(text, segmenter);
  if (memo.size >= normalizedLimit) memo.clear();
  memo.set(text, found);
  return found;
}

const memoLength = 300;
/** Terms per segmenter and text: the function is pure, and its callers only read the list. */
const termMemos = new WeakMap<Intl.Segmenter, Map<string, readonly string[]>>();

function termsOf(text: string, segmenter: Intl.Segmenter): string[] {
  const normalized = normalize(text);
  const result: string[] = [];
  for (const match of normalized.matchAll(cjkRun)) {
    const run = match[0];
    for (let index = 0; index + 1 < run.length; index++) {
      const bigram = run.slice(index, index + 2);
      if (!stopBigrams.has(bigram)) result.push(bigram);
    }
    for (const piece of segmenter.segment(run)) {
      if (piece.isWordLike && piece.segment.length >= 3) result.push(piece.segment);
    }
  }
  for (const match of normalized.replace(cjkRun, " ").matchAll(latinWord)) {
    const word = match[0];
    if (englishStopWords.has(word)) continue;
    result.push(/^\d/.test(word) ? word : stem(word));
  }
  return result;
}

/**
 * A crude stem: common endings off, then the first five letters, so register, registered and
 * registration meet, as do donate and donation. Collisions are rare in this small domain.
 */
export function stem(word: string): string {
  const stripped = word.replace(/(ions?|ments?|ings?|ies|ied|ers?|ed|es|ly|e|s)$/, "");
  return (stripped.length >= 3 ? stripped : word.replace(/s$/, "")).slice(0, 5);
}

/** Splits a body into sentences, keeping the closing punctuation. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The figures of a text (arabic numbers, after Chinese numerals are converted), for checks. */
export function figures(text: string): string[] {
  return [...arabicNumerals(text.normalize("NFKC")).matchAll(/\d+(?:\.\d+)?/g)].map((match) => String(Number(match[0])));
}

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Chinese numerals up to 9999 to arabic (二十日 → 20日, 百分之八 → 8%); 万 stays a unit, as
 * articles write 3万元. Used to compare figures and to score answers the way eval/README.md says.
 */
export function arabicNumerals(text: string): string {
  // 仨 / 俩 (spoken 三个 / 两个): 理事会就仨人 states a figure like 3个人.
  // 四五个月 / 七八个人 (four or five): a guess between two neighbours, read as the larger, not 45.
  const neighbours = text.replace(/([一二三四五六七八])([二三四五六七八九])(?=[个十百千万年月天日人家岁位名次倍成来])/g, (pair, first: string, second: string) => (digits[second]! === digits[first]! + 1 ? second : pair));
  const spoken = neighbours.replace(/仨/g, "3个").replace(/俩/g, "2个");
  const percent = spoken.replace(/百分之([零〇一二两三四五六七八九十百]+)/g, (_, number: string) => `${chineseNumber(number)}%`);
  return percent.replace(/[零〇一二两三四五六七八九十百千]+/g, (run) => {
    // A lone 千 or 百 is usually a word (千万, 百姓), not a figure.
    if (/^[十百千]$/.test(run) && run !== "十") return run;
    const value = chineseNumber(run);
    return value === undefined ? run : String(value);
  });
}

function chineseNumber(run: string): number | undefined {
  if ([...run].every((character) => character in digits) && run.length > 1) {
    return Number([...run].map((character) => digits[character]).join(""));
  }
  let total = 0;
  let current = 0;
  let lastUnit = 0;
  for (const character of run) {
    if (character in digits) current = digits[character]!;
    else if (character in units) {
      total += (current || 1) * units[character]!;
      current = 0;
      lastUnit = units[character]!;
    } else return undefined;
  }
  // 一千五 (spoken for 一千五百) is 1500 and 三百五 350: a last digit right after 千 or 百 counts
  // in the next unit down. (一千零五, with 零, is 1005.)
  if (current > 0 && lastUnit >= 100 && run.length >= 2 && run.at(-2) !== "零" && run.at(-2) !== "〇" && !(run.at(-2)! in digits)) return total + (current * lastUnit) / 10;
  return total + current;
}

/**
 * Which of a contrast's sides a text names, the longer spellings first and each occurrence
 * once, so 非公募 is not also read as 公募 while 公募基金会…非公募基金会 names both. A side may
 * have several spellings separated by | (会员大会|会员代表大会).
 */
export function namedSides(text: string, sides: readonly string[]): string[] {
  return [...new Set(namedSpellings(text, sides).map(({ side }) => side))];
}

/** Each side a text names with the spelling it uses, in the order of the text, each side once. */
export function namedSpellings(text: string, sides: readonly string[]): Array<{ side: string; spelling: string }> {
  let rest = text;
  const named: Array<{ side: string; spelling: string; at: number }> = [];
  for (const { side, spelling } of spellingsOf(sides)) {
    if (!rest.includes(spelling) || named.some((found) => found.side === side)) continue;
    named.push({ side, spelling, at: text.indexOf(spelling) });
    rest = rest.split(spelling).join(" ");
  }
  return named.sort((a, b) => a.at - b.at).map(({ side, spelling }) => ({ side, spelling }));
}

/** A contrast's spellings, longest first, worked out once per contrast (the lexicon's lists are fixed). */
const sortedSpellings = new WeakMap<readonly string[], Array<{ side: string; spelling: string }>>();

function spellingsOf(sides: readonly string[]): Array<{ side: string; spelling: string }> {
  let spellings = sortedSpellings.get(sides);
  if (!spellings) {
    spellings = sides.flatMap((side) => side.split("|").map((spelling) => ({ side, spelling }))).sort((a, b) => b.spelling.length - a.spelling.length);
    sortedSpellings.set(sides, spellings);
  }
  return spellings;
}

/** A text's clauses, split at punctuation and spaces; each keeps the question mark that ends it. */
export function clauses(text: string): string[] {
  return text.match(/[^，,。！!；;？?\s]+[？?]?/g) ?? [];
}

/** A clause that asks (吗, 怎么, 多少, 能…不) rather than sets the scene. */
const askingMark = /[?？]|吗|么|呢|怎|咋|啥|什么|多少|几|哪|是否|能不能|可不可以|行不行|中不中|有没有|要不要|有事没|[不没]$|如何/;

/** An English sentence opening with a question word or an auxiliary (How long…, Must we…, Was it…). */
export const englishQuestion = /^(what|how|when|where|who|which|why|can|could|do|does|did|is|are|was|were|should|must|may|will|would|has|have)\b/i;

/**
 * The clauses of a question that ask something, joined (in English, its sentences asking); the
 * whole text when none is marked. A story's scene (民政那边说要处罚我们，…还能要求听证吗) names a penalty
 * it does not ask about.
 */
export function askingClauses(question: string): string {
  // (We got a notice of a proposed penalty. How long do we have to ask for a hearing? asks the
  // second sentence: the penalty is the scene.)
  if (isEnglish(question)) {
    const asking = question.split(/(?<=[.!?])\s+/).filter((sentence) => /\?\s*$/.test(sentence) || englishQuestion.test(sentence.trim()));
    return asking.length > 0 ? asking.join(" ") : question;
  }
  const asking = clauses(question).filter((clause) => askingMark.test(clause));
  return asking.length > 0 ? asking.join("，") : question;
}
