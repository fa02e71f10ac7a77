import { functionCharacters, localPlaces } from "./lexicon.js";
import { normalize, sentences } from "./text.js";

/** Our own place, however it is named: the park's district, its city and province, "here". */
const ourPlace = new RegExp([...localPlaces, "本地", "当地", "本市", "本省", "本区", "我们这儿?里?边?", "咱们?这儿?里?边?", "俺们这儿?"].join("|"), "g");

/**
 * What a section says it could not verify: the clause before 目前未核实 / 是否…未核实 (平房区具体
 * 最低额, 新办法的具体材料、结论情形等内容, 该条例此后是否修订). The fact base marks these items
 * UNVERIFIED: the general rule may be said, the item itself goes to staff.
 */
export function unverifiedSubjects(body: string): string[] {
  const subjects: string[] = [];
  for (const sentence of sentences(body)) {
    const at = sentence.search(/(目前|尚)?未核实|目前没有找到/);
    if (at < 0) continue;
    // (目前没有找到哈尔滨或平房区专门的备案规定，…: the subject follows the words.)
    const clause = /^目前没有找到/.test(sentence.slice(at)) ? sentence.slice(at).split(/[，,。]/)[0]! : sentence.slice(0, at).replace(/[，,；;：:\s]+$/, "").split(/[，,；;：:]/).at(-1)!;
    subjects.push(clause);
  }
  return subjects;
}

/**
 * Whether a question asks for what a section could not verify: two or more words in common with
 * the unverified subject, our place counted as one word (哈尔滨…最低标准 against 平房区具体最低额),
 * and at least one of them with a character the section's own question lacks: 新办法啥时候施行
 * shares only the name of the 新办法 with 新办法的具体材料…未核实, which its heading names too.
 */
export function asksUnverified(question: string, section: { heading: string; body: string }): boolean {
  const asked = bigrams(question);
  const heading = new Set(normalize(section.heading));
  return unverifiedSubjects(section.body).some((subject) => {
    const shared = [...bigrams(subject)].filter((gram) => asked.has(gram));
    return shared.length >= 2 && shared.some((gram) => [...gram].some((character) => !heading.has(character)));
  });
}

/** Words of degree (具体哪天, 到底啥时候): they ask no more of a subject than the question without them. */
const vagueWords = new Set(["具体", "到底", "大概", "大约", "一般", "详细"]);

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  const placed = normalize(text).replace(ourPlace, "〇");
  for (const run of placed.match(/[\u3400-\u9fff〇]+/g) ?? []) {
    for (let index = 0; index + 1 < run.length; index++) {
      const gram = run.slice(index, index + 2);
      if (gram.includes("〇")) grams.add("〇");
      else if (![...gram].some((character) => functionCharacters.has(character)) && !vagueWords.has(gram)) grams.add(gram);
    }
  }
  return grams;
}
