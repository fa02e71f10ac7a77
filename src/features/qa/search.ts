import type { Section } from "./article.js";
import { asksWhatHappens, promisesConsequence } from "./consequence.js";
import { coverage, type Coverage } from "./coverage.js";
import { chineseTermsIn } from "./english-terms.js";
import { functionCharacters, organizationTypes, patternSynonyms, synonyms } from "./lexicon.js";
import { SectionClassifier } from "./section-classifier.js";
import { SimilarQuestions } from "./similar-questions.js";
import { normalize, terms } from "./text.js";
import { askedKinds, limits, measure, quantities, weighedOf } from "./verdict.js";

export interface Hit {
  section: Section;
  score: number;
  /** Share (0–1) of the question's content the section (or its article's aliases) accounts for. */
  coverage: number;
}

interface QueryTerm {
  term: string;
  weight: number;
}

const k1 = 1.2;
const lengthWeight = 0.75;
/**
 * Heading words say what the section answers, so they count three times; similar questions add
 * the words leaders use but count little, as they are many (0.3 measured best on held-out folds).
 */
const fieldWeights = { heading: 3, body: 1, english: 1, questions: 0.3 };
/** Title and aliases pick the article; the section's own words pick the section within it. */
const articleWeight = 0.7;
/** Own knowledge articles are written to answer; official passages only back them up. */
const statuteFactor = 0.8;
/** Words that say what kind of answer is wanted, not what it is about. */
const facetWords = new Set(["流程", "手续", "步骤", "程序", "要求", "规定", "情况", "办法", "原因", "时间", "问题", "内容", "多久", "多长", "长时", "久内", "内办", "期限", "时限", "哪一", "一级", "有啥", "区别"]);
/** Sections about the organization type the question names get this factor. */
const typeFactor = 1.25;
/** The bits of the legal forms an organisation registers as, one only (基金会, 民非, 社团); a 协会 may also be a charity. */
const legalForms = organizationTypes.reduce((bits, type, bit) => (type.legalForm ? bits | (1 << bit) : bits), 0);
/** A question asking when (几号, 什么时候, deadline) prefers sections that state a date. */
const whenQuestion = /什么时候|啥时候|几号|几月|哪天|哪一天|何时|截止|最晚|\bdeadline\b|\bby when\b|\bwhen\b|\bwhat date\b/;
const statesDate = /\d+月\d+日|\d+ (january|february|march|april|may|june|july|august|september|october|november|december)\b/;
const dateFactor = 1.25;
/** A question asking where a place is (在哪个社区, 地址) prefers sections that locate one (位于, 地址). */
const whereQuestion = /在哪(?!一?级|个部门|个单位|个机关|登记|备案|办|交|申请)|哪个社区|哪条街|什么位置|地址|\bwhere is\b|\baddress\b|\blocated\b|\b(which|what) (neighbou?rhood|community|street|district)\b/;
const statesPlace = /位于|坐落|地址|\blocated\b|\baddress\b/;
const placeFactor = 1.25;
/**
 * A question stating a quantity (40个人, 2万, 6年), or asking for one (至少多少个), prefers sections
 * that limit that kind of quantity.
 */
const quantityFactor = 1.3;
/** A question asking what happens prefers sections whose heading promises a consequence. */
const consequenceFactor = 1.5;
/** A question naming the kind of thing it wants (哪些材料, 条件有哪些) prefers headings that name it too. */
const askedThingFactor = 1.3;
/** Words after 什么/哪些 that name no kind of answer (什么时候 is a date; 啥东西 is anything). */
const vagueThings = new Set(["时候", "意思", "情况", "东西", "地方", "样的", "问题", "关系", "区别", "不同", "办法", "作用", "用处", "人能", "人可", "人不"]);

/**
 * The kind of thing a question asks for: the two characters after 哪些/什么/啥/哪几样 (哪些材料 →
 * 材料) or before 有哪些/是什么/是啥 (条件有哪些 → 条件). A section whose heading names another
 * kind (条件 for a 材料 question) answers a neighbouring question.
 */
export function askedThings(question: string): string[] {
  const text = normalize(question);
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:哪些|哪几样|哪几种|哪几项|哪几类|什么|啥)([\u3400-\u9fff]{2})/g)) found.add(match[1]!);
  for (const match of text.matchAll(/([\u3400-\u9fff]{2})(?:有哪些|有哪几|是什么|是啥|都有啥|有什么|有啥)/g)) found.add(match[1]!);
  return [...found].filter((thing) => !vagueThings.has(thing) && ![...thing].some((character) => functionCharacters.has(character)));
}

/** How much the nearest similar question (0–1) raises a section's score. */
const similarWeight = 0.5;
/**
 * How much the learned choice among an article's sections (section-classifier.ts) raises a
 * section's score: the likeliest section of its article gets half again, its siblings less.
 * 0.3–0.8 measured alike on the tuning sets. A section alone in its article, or in one not
 * classified, counts as the likeliest.
 */
const siblingWeight = 0.5;

/** Exported so a stored index can be restored (src/features/qa/service.ts). */
export class Bm25 {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;

  constructor(documents: Array<Map<string, number>>, lengths: number[]) {
    documents.forEach((frequencies, index) => {
      for (const [term, frequency] of frequencies) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push([index, frequency]);
      }
    });
    this.lengths = lengths;
    this.averageLength = lengths.reduce((sum, value) => sum + value, 0) / Math.max(1, lengths.length);
  }

  frequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  score(query: QueryTerm[], into: Map<number, number>): void {
    const count = this.lengths.length;
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5));
      for (const [index, frequency] of list) {
        const normalizer = k1 * (1 - lengthWeight + (lengthWeight * this.lengths[index]!) / this.averageLength);
        into.set(index, (into.get(index) ?? 0) + weight * idf * ((frequency * (k1 + 1)) / (frequency + normalizer)));
      }
    }
  }
}

/**
 * The last few rankings per index, kept outside the index (it is serialised to the artifact cache).
 * Few enough that only one answer's own searches meet again: a benchmark asking its questions in
 * turn never finds an earlier answer's ranking.
 */
const recentRankings = new WeakMap<KnowledgeIndex, Map<string, ReadonlyArray<{ index: number; score: number }>>>();
const recentRankingLimit = 8;
/** Each index's sections' normalised headings and bodies, and the rarity of each term asked about (kept beside it, like the rankings). */
const rarities = new WeakMap<KnowledgeIndex, { texts: string[]; known: Map<string, number> }>();

/**
 * BM25 over sections (heading weighted) plus an article prior from titles and aliases, with
 * Chinese bigrams and words, synonym and English expansion, and fuzzy bigrams for typos the
 * confusion table misses. Immutable: re-indexing builds a new one.
 */
export class KnowledgeIndex {
  private readonly sectionIndex: Bm25;
  private readonly articleIndex: Bm25;
  private readonly articleOf: number[] = [];
  private readonly texts: string[] = [];
  /** Every term of a section and its article, for whole-word checks of English words. */
  private readonly termSets: Array<Set<string>> = [];
  private readonly vocabulary: Set<string>;
  private readonly byFirst = new Map<string, string[]>();
  private readonly bySecond = new Map<string, string[]>();
  private readonly segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  /** The kinds of quantity each section limits (count, money, years …), for questions stating one. */
  private readonly limitKinds: Array<Set<string>> = [];
  private readonly similar: SimilarQuestions;
  private readonly classifier: SectionClassifier;
  /** Normalized headings, and whether each promises a consequence: read for every hit of every search. */
  private readonly headings: string[];
  private readonly consequences: boolean[];
  /** Whether each section states a date, or locates a place: read for when and where questions. */
  private readonly datesStated: boolean[];
  private readonly placesStated: boolean[];
  /** Per section, a bit for each organisation type (lexicon order) its heading or title marks. */
  private readonly typesMarked: number[];

  constructor(readonly sections: readonly Section[]) {
    const sectionDocuments: Array<Map<string, number>> = [];
    const sectionLengths: number[] = [];
    const articleDocuments: Array<Map<string, number>> = [];
    const articleIds = new Map<string, number>();
    for (const section of sections) {
      const frequencies = new Map<string, number>();
      let length = 0;
      for (const [text, weight] of [[section.heading, fieldWeights.heading], [section.body, fieldWeights.body], [section.english, fieldWeights.english], [section.questions?.join("\n"), fieldWeights.questions]] as const) {
        for (const term of text ? terms(text, this.segmenter) : []) {
          frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
          length += weight;
        }
      }
      sectionDocuments.push(frequencies);
      sectionLengths.push(length);
      let article = articleIds.get(section.documentId);
      if (article === undefined) {
        article = articleDocuments.length;
        articleIds.set(section.documentId, article);
        const articleTerms = new Map<string, number>();
        for (const term of terms([section.title, ...section.aliases].join(" "), this.segmenter)) articleTerms.set(term, 1);
        articleDocuments.push(articleTerms);
      }
      this.articleOf.push(article);
      this.termSets.push(new Set([...frequencies.keys(), ...articleDocuments[article]!.keys()]));
      this.texts.push(normalize([section.heading, section.body, section.english ?? "", ...(section.questions ?? []), section.title, ...section.aliases].join(" ")));
      this.limitKinds.push(new Set(limits(section.body).map((limit) => (limit.share ? "share" : measure(limit.kind)))));
    }
    this.similar = new SimilarQuestions(sections, this.segmenter);
    this.classifier = new SectionClassifier(sections);
    this.headings = sections.map((section) => normalize(section.heading));
    this.consequences = sections.map((section) => promisesConsequence(section.heading));
    const stating = sections.map((section) => normalize(`${section.body} ${section.english ?? ""}`));
    this.datesStated = stating.map((text) => statesDate.test(text));
    this.placesStated = stating.map((text) => statesPlace.test(text));
    this.typesMarked = sections.map((section) => {
      const about = normalize(`${section.heading} ${section.title}`);
      return organizationTypes.reduce((bits, type, bit) => (type.marks.some((mark) => about.includes(mark)) ? bits | (1 << bit) : bits), 0);
    });
    this.sectionIndex = new Bm25(sectionDocuments, sectionLengths);
    this.articleIndex = new Bm25(articleDocuments, articleDocuments.map(() => 1));
    this.vocabulary = new Set([...this.sectionIndex.terms(), ...this.articleIndex.terms()]);
    for (const term of this.vocabulary) {
      if (!/^[\u3400-\u9fff]{2}$/.test(term)) continue;
      push(this.byFirst, term[0]!, term);
      push(this.bySecond, term[1]!, term);
    }
  }

  get size(): number {
    return this.sections.length;
  }

  /**
   * BM25 scores grow with the logarithm of the collection size (idf); thresholds are tuned for a
   * knowledge base of about 700 sections and multiplied by this for smaller or larger ones.
   */
  get scoreScale(): number {
    return Math.log(1 + this.sections.length) / Math.log(1 + 700);
  }

  /** How close (0–1) the question comes to one of the similar questions (问 lines) the articles answer. */
  closestAsked(question: string): number {
    return Math.max(0, ...this.similar.nearest(question, weightOf).values());
  }

  /** Best sections first. `context` (the whole question, for one part of it) is searched lightly. */
  search(question: string, options: { context?: string; limit?: number } = {}): Hit[] {
    const hits = this.rankedBeforeSiblings(question, options.context);
    // The learned choice among siblings raises a score at most 1 + siblingWeight times, so a
    // section below the kept count's score divided by that cannot be kept: only the others are
    // scored by the classifier (a tenth of the sections, a tenth of its cost).
    const kept = Math.max(options.limit ?? 8, 5);
    const floor = (hits[kept - 1]?.score ?? 0) / (1 + siblingWeight);
    const sibling = this.classifier.scorer(question);
    const raised: Array<{ index: number; score: number }> = [];
    for (const hit of hits) {
      if (hit.score < floor) break;
      raised.push({ index: hit.index, score: hit.score * (1 + siblingWeight * sibling(hit.index)) });
    }
    const ranked = raised
      .sort((a, b) => b.score - a.score)
      .slice(0, kept)
      .map(({ index, score }) => ({ section: this.sections[index]!, score, coverage: this.coverageOf(question, index).share }));
    return preferCovering(ranked).slice(0, options.limit ?? 8);
  }

  /**
   * Every section's score for a question, best first, before the learned choice among siblings.
   * One answer searches the same part several times (for its best section, a meeting's rule, a
   * follow-on, the whole question), with other limits: the ranking is worked out once.
   */
  private rankedBeforeSiblings(question: string, context: string | undefined): ReadonlyArray<{ index: number; score: number }> {
    const memo = recentRankings.get(this) ?? recentRankings.set(this, new Map()).get(this)!;
    const key = `${question}\u0000${context ?? ""}`;
    const known = memo.get(key);
    if (known) return known;
    const query = this.queryTerms(question, context);
    const sectionScores = new Map<number, number>();
    this.sectionIndex.score(query, sectionScores);
    const articleScores = new Map<number, number>();
    this.articleIndex.score(query, articleScores);
    const normalized = normalize(question);
    const typesIn = (text: string) => organizationTypes.reduce((bits, type, bit) => (type.mentions.some((word) => text.includes(word)) ? bits | (1 << bit) : bits), 0);
    // A part that names no organization type is about the one the whole question names
    // (公募基金会要花多少？理事会一年开几次会 → the 基金会's 理事会).
    const own = typesIn(normalized);
    const types = own !== 0 || !context ? own : typesIn(normalize(context));
    const asksWhen = whenQuestion.test(normalized);
    const asksWhere = whereQuestion.test(normalized);
    // Of several kinds stated, the one weighed (会员62个，凑了两万八，钱上达标了吗) is what a section must limit.
    const figures = weighedOf(question, quantities(question));
    const stated = new Set<string>(figures.map((quantity) => measure(quantity.kind)));
    // Money, or two counts of one thing (9个理事，4个领工资), may be judged against a share.
    if (stated.has("money") || figures.filter((quantity) => quantity.kind === "count").length >= 2) stated.add("share");
    // 至少多少个 / 要多少钱 / 多久: the kind of figure wanted counts like one stated.
    for (const kind of askedKinds(question) ?? []) stated.add(measure(kind));
    const statedKinds = [...stated];
    const whatHappens = asksWhatHappens(question);
    const things = askedThings(question);
    const near = this.similar.nearest(question, weightOf);
    const hits: Array<{ index: number; score: number }> = [];
    for (const [index, score] of sectionScores) {
      const section = this.sections[index]!;
      let total = score + articleWeight * (articleScores.get(this.articleOf[index]!) ?? 0);
      if (section.kind === "statute") total *= statuteFactor;
      if ((types & this.typesMarked[index]!) !== 0) total *= typeFactor;
      // A section for another legal form than the one asked about (社团的分会, asked by a 民非 school).
      else if ((types & legalForms) !== 0 && (this.typesMarked[index]! & legalForms) !== 0) total /= typeFactor;
      if (asksWhen && this.datesStated[index]) total *= dateFactor;
      if (asksWhere && this.placesStated[index]) total *= placeFactor;
      if (statedKinds.some((kind) => this.limitKinds[index]!.has(kind))) total *= quantityFactor;
      if (whatHappens && this.consequences[index]) total *= consequenceFactor;
      if (things.some((thing) => this.headings[index]!.includes(thing))) total *= askedThingFactor;
      total *= 1 + similarWeight * (near.get(index) ?? 0);
      hits.push({ index, score: total });
    }
    hits.sort((a, b) => b.score - a.score);
    if (memo.size >= recentRankingLimit) memo.delete(memo.keys().next().value!);
    memo.set(key, hits);
    return hits;
  }

  /**
   * Whether a section speaks to each focus phrase of the question (focus.ts): a phrase counts as
   * missing when two or more of its characters in a row (or all of a short one) are found neither
   * in the section's heading and body nor through a synonym.
   */
  /**
   * How rare a word is among the sections: the log of sections per section whose heading or body
   * holds it (出借 weighs above 登记证书), worked out once per word.
   */
  rarity(term: string): number {
    let kept = rarities.get(this);
    if (!kept) rarities.set(this, (kept = { texts: this.sections.map((section) => normalize(`${section.heading} ${section.body}`)), known: new Map() }));
    let weight = kept.known.get(term);
    if (weight === undefined) {
      weight = Math.log((kept.texts.length + 1) / (kept.texts.filter((text) => text.includes(term)).length + 1));
      kept.known.set(term, weight);
    }
    return weight;
  }

  explains(question: string, section: Section, phrases: readonly string[]): boolean {
    if (phrases.length === 0) return true;
    // The section's own words: an article's aliases name its other sections' topics too.
    const { mask } = this.ownCoverage(question, section);
    const text = normalize(question);
    const own = normalize(`${section.heading} ${section.body} ${section.english ?? ""}`);
    return phrases.every((phrase) => {
      const at = text.indexOf(phrase);
      if (at < 0) return true;
      // One character (怎么考, 要退吗): no bigram around it need match; the section (or the title
      // its article answers under: 怎么起名字) must use it.
      if (phrase.length === 1) return mask[at] === true || own.includes(phrase) || normalize(section.title).includes(phrase);
      const positions = [...phrase].map((character, offset) => ({ character, covered: mask[at + offset] === true })).filter(({ character }) => character !== "了");
      let run = 0;
      let longest = 0;
      for (const { covered } of positions) {
        run = covered ? 0 : run + 1;
        longest = Math.max(longest, run);
      }
      return longest < Math.min(2, positions.length);
    });
  }

  /**
   * Positions of the question's Chinese content characters that a section's own heading and body
   * account for (not its article's title and aliases, which its sibling sections share).
   */
  coveredCharacters(question: string, section: Section): Set<number> {
    const result = new Set<number>();
    const text = normalize(question);
    this.ownCoverage(question, section).mask.forEach((covered, position) => {
      if (covered && /[\u3400-\u9fff]/.test(text[position]!) && !functionCharacters.has(text[position]!)) result.add(position);
    });
    return result;
  }

  /** The share (0–1) of a question's content, Chinese characters and English words, the section's own words account for. */
  ownShare(question: string, section: Section): number {
    return this.ownCoverage(question, section).share;
  }

  /** What the section itself says: its similar questions find it but do not answer anything. */
  private ownCoverage(question: string, section: Section): Coverage {
    const own = normalize(`${section.heading} ${section.body} ${section.english ?? ""}`);
    return coverage(question, (bigram) => own.includes(bigram), (word) => own.includes(word));
  }

  private coverageOf(question: string, index: number): Coverage {
    const text = this.texts[index]!;
    const termSet = this.termSets[index]!;
    return coverage(question, (bigram) => text.includes(bigram), (word) => (/^[\u3400-\u9fff]/.test(word) ? text.includes(word) : termSet.has(word)));
  }

  private queryTerms(question: string, context?: string): QueryTerm[] {
    const result = new Map<string, QueryTerm>();
    const add = (term: string, weight: number) => {
      const existing = result.get(term);
      if (!existing) result.set(term, { term, weight });
      else existing.weight = Math.max(existing.weight, weight);
    };
    const normalized = normalize(question);
    for (const term of terms(normalized, this.segmenter)) add(term, weightOf(term));
    const expanded = new Set<string>();
    for (const group of synonyms) {
      const found = group.from.filter((word) => normalized.includes(word));
      if (found.length === 0) continue;
      for (const word of found) for (const term of terms(word, this.segmenter)) expanded.add(term);
      for (const word of group.to) for (const term of terms(word, this.segmenter)) add(term, 0.6);
    }
    for (const { pattern, to } of patternSynonyms) {
      const found = [...normalized.matchAll(pattern)].map((match) => match[0]);
      if (found.length === 0) continue;
      for (const word of found) for (const term of terms(word, this.segmenter)) expanded.add(term);
      // A pattern is specific evidence (an age, a person's name), so it counts like a typed word.
      for (const word of to) for (const term of terms(word, this.segmenter)) add(term, 1);
    }
    for (const word of chineseTermsIn(normalized)) for (const term of terms(word, this.segmenter)) add(term, 0.7);
    for (const query of [...result.values()]) {
      // Only a word nothing else explains is a typo candidate (注册 has a synonym, not a typo).
      if (query.weight < 1 || expanded.has(query.term) || this.vocabulary.has(query.term) || !/^[\u3400-\u9fff]{2}$/.test(query.term)) continue;
      for (const guess of this.fuzzy(query.term)) add(guess, 0.3);
    }
    // A thin part (截止到几号) leans on the whole question for its topic.
    const thin = (normalized.match(/[\u3400-\u9fff]/g) ?? []).length < 7;
    if (context) for (const term of terms(context, this.segmenter)) add(term, thin ? 0.5 : 0.25);
    return [...result.values()];
  }

  /** For a bigram the index has never seen (a typo?), the most common bigram sharing one character on each side. */
  private fuzzy(bigram: string): string[] {
    const best = (candidates: string[] | undefined) =>
      (candidates ?? []).reduce<string | undefined>((winner, term) => (!winner || this.sectionIndex.frequency(term) > this.sectionIndex.frequency(winner) ? term : winner), undefined);
    return [best(this.byFirst.get(bigram[0]!)), best(this.bySecond.get(bigram[1]!))].filter((term): term is string => term !== undefined);
  }
}

/** Question phrasing counts less than topic words. */
function weightOf(term: string): number {
  if (facetWords.has(term)) return 0.4;
  if (/^[\u3400-\u9fff]{2}$/.test(term) && [...term].some((character) => functionCharacters.has(character))) return 0.3;
  return 1;
}

/**
 * A top hit that matched one heavy word (理事长) but little else of the question gives way to a
 * close runner-up that accounts for much more of it.
 */
function preferCovering(hits: Hit[]): Hit[] {
  const top = hits[0];
  if (!top) return hits;
  const better = hits
    .slice(1, 5)
    // Much more of the question at a fair score, or a little more at nearly the same score.
    .filter((hit) => (hit.coverage >= top.coverage + 0.25 && hit.score >= 0.6 * top.score) || (hit.coverage >= top.coverage + 0.05 && hit.score >= 0.9 * top.score))
    .sort((a, b) => b.coverage - a.coverage || b.score - a.score)[0];
  return better ? [better, ...hits.filter((hit) => hit !== better)] : hits;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
