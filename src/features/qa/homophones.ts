import { readFileSync } from "node:fs";
import { projectPath } from "../../core/paths.js";
import type { Section } from "./article.js";

/**
 * The terms worth correcting to: aliases of two to eight characters that the articles use
 * (aliases also hold misspellings kept for the search, such as 异常明录).
 */
export function homophoneTerms(sections: Section[]): string[] {
  const used = sections.map((section) => `${section.heading} ${section.body}`).join(" ");
  const terms = new Set<string>();
  for (const section of sections) for (const alias of section.aliases) if (/^[\u4e00-\u9fff]{2,8}$/.test(alias) && used.includes(alias)) terms.add(alias);
  return [...terms].sort();
}

/**
 * A reading as speakers who do not tell zh/ch/sh from z/c/s, or -ng from -n, type it (章层 for
 * 章程, 理事会 as 理四会, 民证局): common in the north-east and the south, and in pinyin typing
 * by anyone in a hurry.
 */
function accented(reading: string): string {
  return reading.replace(/^([zcs])h/, "$1").replace(/(e|i)ng$/, "$1n");
}

/**
 * Voice input and pinyin typing put a character of the same sound in a term's place (鸡金会 for
 * 基金会, 李事会 for 理事会). A run of characters read like one of the knowledge base's terms of
 * three characters or more, differing from it in one character in three, is taken for that term.
 * A two-character term (民飞 for 民非, 社坛 for 社团) is taken only where its two characters read as
 * two words of their own: a real word of the same sound (监视, 年鉴, 历史) is left alone.
 * A run that starts or ends inside a word of its own (公积金会, 基金汇报) is left as it is.
 * Data: config/qa/homophones.json, built by scripts/homophones.ts.
 */
export class HomophoneCorrector {
  private readonly readings: Map<string, string[]>;
  /** Terms by the (accented) reading of their first character, with every character's reading. */
  private readonly termsByFirst = new Map<string, Array<{ term: string; spoken: string[] }>>();
  private readonly segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  private readonly terms: Set<string>;

  constructor(table: { readings: Record<string, string>; terms: Array<[string, string]> }) {
    // Every reading is kept as accented, so comparing two is one string test per character.
    this.readings = new Map(Object.entries(table.readings).map(([character, readings]) => [character, readings.split(" ").map(accented)]));
    this.terms = new Set(table.terms.map(([term]) => term));
    for (const [term, reading] of table.terms) {
      const spoken = reading.split(" ").map(accented);
      if (spoken.length !== term.length) continue;
      this.termsByFirst.set(spoken[0]!, [...(this.termsByFirst.get(spoken[0]!) ?? []), { term, spoken }]);
    }
  }

  correct(text: string): string {
    let result = text;
    let boundaries: Set<number> | undefined;
    for (let start = 0; start + 2 <= result.length; start++) {
      for (const reading of this.readings.get(result[start]!) ?? []) {
        for (const { term, spoken } of this.termsByFirst.get(reading) ?? []) {
          const run = result.slice(start, start + term.length);
          if (run.length < term.length || run === term || !this.soundsLike(run, term, spoken) || this.besideTerm(run, term)) continue;
          if (term.length === 2 && (grammatical.has(run[0]!) || grammatical.has(run[1]!))) continue;
          boundaries ??= this.wordBoundaries(result);
          if (!boundaries.has(start) || !boundaries.has(start + term.length)) continue;
          if (term.length === 2 && !boundaries.has(start + 1)) continue;
          result = result.slice(0, start) + term + result.slice(start + term.length);
          boundaries = undefined;
        }
      }
    }
    return result;
  }

  /** 去民政局 is going to the bureau, not 区民政局: the run is a whole term and one word beside it. */
  private besideTerm(run: string, term: string): boolean {
    return (run[0] !== term[0] && this.terms.has(run.slice(1))) || (run.at(-1) !== term.at(-1) && this.terms.has(run.slice(0, -1)));
  }

  private soundsLike(run: string, term: string, spoken: string[]): boolean {
    let different = 0;
    for (let index = 0; index < term.length; index++) {
      if (run[index] === term[index]) continue;
      // In a two-character term only a character's first reading counts (家 is jia, not jie).
      const readings = this.readings.get(run[index]!) ?? [];
      if (!(term.length === 2 ? readings.slice(0, 1) : readings).includes(spoken[index]!)) return false;
      different++;
    }
    return different <= Math.max(1, Math.floor(term.length / 3));
  }

  private wordBoundaries(text: string): Set<number> {
    const boundaries = new Set([text.length]);
    for (const piece of this.segmenter.segment(text)) boundaries.add(piece.index);
    return boundaries;
  }
}

/**
 * Grammatical characters that sound like a term's character (的 is also di, as in 抵税 and 第一)
 * but are almost never a slip for it: a two-character term is not made out of one.
 */
const grammatical = new Set("的地得第了着过是在有和与及也就都而把被让给对从向这那个们之其或以于为不没很太还又再才只吗呢吧啊");

let shipped: HomophoneCorrector | undefined;

/** The corrector for the shipped terms, read once (about 60 KB). */
export function shippedHomophones(): HomophoneCorrector {
  shipped ??= new HomophoneCorrector(JSON.parse(readFileSync(projectPath("config/qa/homophones.json"), "utf8")));
  return shipped;
}
