import { chineseTermsOfWord } from "./english-terms.js";
import { englishStopWords, localPlaces, patternSynonyms, synonyms } from "./lexicon.js";
import { normalize, stem } from "./text.js";

export interface Coverage {
  /** 0–1: covered content / all content of the question. */
  share: number;
  covered: number;
  total: number;
  /** Per character of the normalized question: found (by a bigram or a synonym) in the text. */
  mask: boolean[];
}

/** Characters that carry no topic in a question (particles, pronouns, question words). */
const stopCharacters = new Set(
  [..."的了吗呢啊吧呀么嘛哈呗啦咋啥是在有和与或及我你他她它们这那个些要会能可以想把被让给对就都也还很太更最又再才没不哪什怎谁几多少请问下一来着得地过吗儿点么样如何够行该应当需用让准备做搞办弄整到从向由于为所其之而且或者"],
);

/**
 * How much of a question a text accounts for: each Chinese content character counts when a
 * bigram around it (or a synonym of the word it is in) is found; each English content word
 * counts when it, or its Chinese rendering, is found. Unknown words — 锅包肉, 门票 — stay
 * uncovered, which is what tells an off-topic question from a paraphrase.
 */
export function coverage(question: string, hasBigram: (bigram: string) => boolean, hasWord: (word: string) => boolean): Coverage {
  const text = normalize(question);
  const covered = new Array<boolean>(text.length).fill(false);
  const hasText = (value: string) => (/[\u3400-\u9fff]/.test(value) ? bigramsOf(value).every(hasBigram) : hasWord(stem(value)));
  for (let index = 0; index + 1 < text.length; index++) {
    const bigram = text.slice(index, index + 2);
    if (/^[\u3400-\u9fff]{2}$/.test(bigram) && hasBigram(bigram)) covered[index] = covered[index + 1] = true;
  }
  for (const group of synonyms) {
    // Cheap test first: the question names a word of the group (the text may be a long section).
    if (!group.from.some((word) => text.includes(word)) || !group.to.some(hasText)) continue;
    for (const word of group.from) mark(text, word, covered);
  }
  for (const { pattern, to } of patternSynonyms) {
    if (!to.some(hasText)) continue;
    for (const match of text.matchAll(pattern)) for (let index = match.index; index < match.index + match[0].length; index++) covered[index] = true;
  }
  // The park's own city and districts say where, not what: neither found nor missing.
  const neutral = new Array<boolean>(text.length).fill(false);
  for (const place of localPlaces) mark(text, place, neutral);
  let total = 0;
  let found = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (!/[\u3400-\u9fff]/.test(character) || stopCharacters.has(character) || neutral[index]) continue;
    total++;
    if (covered[index]) found++;
  }
  // English words, and tokens such as 4a or 12%: each counts as one unit of content.
  for (const match of text.matchAll(/\d*[a-z][a-z'-]*|\d+(?:\.\d+)?%/g)) {
    const word = match[0];
    if (englishStopWords.has(word) || word.length < 2 || (/^[a-z]/.test(word) && word.length < 3)) continue;
    total++;
    const chinese = chineseTermsOfWord(word);
    if (hasWord(stem(word)) || chinese.some(hasText)) found++;
  }
  return { share: total === 0 ? 0 : found / total, covered: found, total, mask: covered };
}

function bigramsOf(value: string): string[] {
  const result: string[] = [];
  for (let index = 0; index + 1 < value.length; index++) result.push(value.slice(index, index + 2));
  return result.length > 0 ? result : [value];
}

function mark(text: string, word: string, covered: boolean[]): void {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    for (let index = at; index < at + word.length; index++) covered[index] = true;
  }
}
