import type { Translate } from "../../core/i18n.js";
import type { Section } from "./article.js";
import { chineseTermsIn } from "./english-terms.js";
import { englishDigits, normalize, sentences } from "./text.js";

/** Longest answer body (before the source line): a chat reply, not an article. */
export const maxBodyLength = 400;

export interface SourceReference {
  id: string;
  title: string;
  cite: string;
}

export interface Composed {
  body: string;
  sourceLine: string;
  sources: SourceReference[];
}

/** One part of a question and the section chosen to answer it. */
export interface Pick {
  question: string;
  section: Section;
  /** Said first (a verdict such as 不够：35个，少于规定的50个。), then the section's rule. */
  lead?: string;
  /** The section speaks to little of the question: its bare 能。/不能。 is not said as the answer. */
  loose?: boolean;
}

/**
 * Builds the reply from the chosen sections: per part the sentence that answers it (with its
 * figures) first, the rest as room allows, then one source line. English questions get the
 * sections' `en:` lines.
 */
export function compose(picks: Pick[], options: { english: boolean; t: Translate }): Composed {
  const { english, t } = options;
  const caution = picks.some((pick) => pick.section.caution);
  const cautionText = t("qa.answer.caution");
  const numbered = picks.length > 1;
  const reserve = (caution ? cautionText.length + 1 : 0) + (numbered ? picks.length * 4 : 0);
  const share = Math.floor((maxBodyLength - reserve) / picks.length);
  // After a verdict the section's own bare 能。/不能。 would answer a different question.
  const asked = (pick: Pick) => (pick.lead || pick.loose ? "" : pick.question);
  const lead = (pick: Pick) => (pick.lead ? `${pick.lead}${english ? " " : ""}` : "");
  const inEnglish = (pick: Pick) => english && pick.section.english !== undefined;
  const write = (pick: Pick, budget: number) =>
    inEnglish(pick)
      ? `${lead(pick)}${condense(withoutBareEnglishReply(englishDigits(pick.section.english!), asked(pick)), pick.question, budget - lead(pick).length)}`
      : `${lead(pick)}${condense(withoutBareReply(pick.section.body, asked(pick)), pick.question, budget - lead(pick).length, pick.section.kind === "statute")}`;
  // Each part first gets an equal share (an English part its English line alone). The room the
  // parts leave then goes to them in order: the first part's further sentences, then (for an
  // English part) its rule's Chinese wording, which forms and officials use, come before the next
  // part's. The first part is the best-found section; a later one is often only close to it.
  const parts = picks.map((pick) => write(pick, share));
  let spare = share * picks.length - parts.reduce((sum, part) => sum + part.length, 0);
  parts.forEach((part, index) => {
    if (spare <= 0) return;
    const pick = picks[index]!;
    const grown = write(pick, part.length + spare);
    const longer = inEnglish(pick) ? `${grown}${inChinese(pick.section.body, `${pick.question} ${grown}`, spare - (grown.length - part.length), t)}` : grown;
    spare -= longer.length - part.length;
    parts[index] = longer;
  });
  let body = numbered ? parts.map((part, index) => `${index + 1}. ${part}`).join("\n") : parts[0]!;
  if (caution && (english || !/以.{0,10}最新.{0,6}为准/.test(body))) body += `${english ? " " : ""}${cautionText}`;
  const sources = unique(picks.map((pick) => ({ id: pick.section.documentId, title: pick.section.title, cite: pick.section.cite })));
  const sourceLine = t("qa.answer.sourceLine", {
    sources: sources.map((source) => (source.cite.includes(source.title) ? source.cite : `${source.cite} · ${source.title}`)).join("；"),
  });
  return { body, sourceLine, sources };
}

/**
 * Fits a body into `budget` characters. Articles put their key sentence first, so it stays
 * first and the sentences that best match the question fill the rest, in their own order.
 * A statute passage has no such order: its best-matching sentence moves to the front.
 */
export function condense(text: string, question: string, budget: number, moveKeyFirst = false): string {
  if (text.length <= budget) return text;
  const separator = english(text) ? " " : "";
  const list = mergeShort(sentences(text));
  const wanted = bigrams(normalize(question));
  const relevance = list.map((sentence, index) => {
    const own = bigrams(normalize(sentence));
    let score = 0;
    for (const bigram of wanted) if (own.has(bigram)) score++;
    if (/\d|[一二三四五六七八九十百千两]+(个|日|年|月|天|人|万|%)/.test(sentence)) score += 0.5;
    return { index, score };
  });
  const key = moveKeyFirst ? [...relevance].sort((a, b) => b.score - a.score || a.index - b.index)[0]!.index : 0;
  const chosen = new Set([key]);
  let length = list[key]!.length;
  for (const { index } of relevance.filter((entry) => entry.index !== key).sort((a, b) => b.score - a.score || a.index - b.index)) {
    if (length + separator.length + list[index]!.length > budget) continue;
    chosen.add(index);
    length += separator.length + list[index]!.length;
  }
  const ordered = [key, ...[...chosen].filter((index) => index !== key).sort((a, b) => a - b)].map((index) => list[index]!);
  const result = ordered.join(separator).replace(/[；;，,]$/, english(text) ? "." : "。");
  if (result.length <= budget) return result;
  // (An English sentence is cut between words, not inside one: "acted int…".)
  const cut = result.slice(0, budget - 1);
  return `${separator && cut.lastIndexOf(" ") > budget / 2 ? cut.slice(0, cut.lastIndexOf(" ")) : cut}…`;
}

/** A body's opening yes/no word and the words of a question that ask for it. */
const bareReplies: Array<{ reply: RegExp; asked: RegExp }> = [
  { reply: /^(不是了|不是|是)[。，,]/, asked: /是不是|是否|是.{0,16}[吗么]|算不算|算.{0,12}[吗么]|属不属于|属于.{0,12}[吗么]/ },
  { reply: /^(不可以|可以|不行|行|不能|能)[。，,]/, asked: /可以|可不可以|能|行不行|行[吗么]|允许|准不准|让不让/ },
  { reply: /^(不需要|需要|不要|要|不用|必须)[。，,]/, asked: /要|必须|需要|需不需要|用不用|得不得|一定/ },
  { reply: /^(没有|有)[。，,]/, asked: /有没有|有[^什么啥哪几多]{0,12}[吗么]/ },
  { reply: /^(不会|会)[。，,]/, asked: /会/ },
  { reply: /^(支持)[。，,]/, asked: /支持|鼓励/ },
];

/**
 * A section body often opens with the bare yes/no (不是。) that answers its own heading. When the
 * question does not ask that kind of yes/no (社区社会组织去哪里备案 against 备案的是法人吗), the
 * word would answer nothing, or the wrong thing: it goes, and the facts after it stay.
 */
export function withoutBareReply(body: string, question: string): string {
  const asked = normalize(question);
  // 能抵多少 asks how much, not whether: only a yes/no question wants a yes or a no.
  const yesNo = /[吗么]|([\u3400-\u9fff])[不没]\1|是否|能否|可否|有没有|[不没][？?。\s]*$/.test(asked);
  for (const { reply, asked: cue } of bareReplies) {
    const match = reply.exec(body);
    if (!match) continue;
    return yesNo && cue.test(asked) ? body : body.slice(match[0].length);
  }
  return body;
}

/**
 * The rule's Chinese wording after its English line, as room allows: forms, officials and
 * insurers use the Chinese terms (人身意外伤害保险, 业务主管单位), so a reader in English needs them
 * too. Whole sentences only, those holding the Chinese terms of what was asked and said first;
 * without room for the first one, nothing.
 */
function inChinese(body: string, english: string, room: number, t: Translate): string {
  const wrapper = t("qa.answer.inChinese", { text: "" });
  const wording = withoutBareReply(body, "");
  const available = room - wrapper.length - 1;
  if (available < 12) return "";
  const fitted = condense(wording, chineseTermsIn(english.toLowerCase()).join(" "), available);
  return fitted.endsWith("…") ? "" : ` ${t("qa.answer.inChinese", { text: fitted })}`;
}

/**
 * An English line's opening Yes. / No. answers the section's heading; a question asking how much,
 * when or what (not whether), or none, gets the rest only.
 */
export function withoutBareEnglishReply(text: string, question: string): string {
  const asked = question.trim().toLowerCase().replace(/^[^a-z]+/, "");
  const whether = /^(is|are|was|were|can|could|do|does|did|should|must|may|might|will|would|has|have|had|am)\b/.test(asked);
  const what = /\b(how (much|many|long|soon|often)|what|when|which|where|who|why)\b/.test(asked);
  // (No question at all — after a verdict, or from a section that accounts for little of what was
  // asked — wants no Yes or No either, as in Chinese.)
  // (Yes, but … keeps its sentence: But ….)
  return (!whether && what) || asked === "" ? text.replace(/^(yes|no)[.,!]\s+(\S)/i, (_, _word: string, first: string) => first.toUpperCase()) : text;
}

/** "不能。" alone says little: it travels with the sentence after it. */
function mergeShort(list: string[]): string[] {
  const merged: string[] = [];
  for (const sentence of list) {
    const previous = merged.at(-1);
    if (previous !== undefined && previous.length <= 6) merged[merged.length - 1] = `${previous}${sentence}`;
    else merged.push(sentence);
  }
  return merged;
}

function bigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (/^[a-z0-9]/.test(run)) result.add(run);
    else for (let index = 0; index + 1 < run.length; index++) result.add(run.slice(index, index + 2));
  }
  return result;
}

function english(text: string): boolean {
  // (An English line naming a Chinese term, 2 full years (两个年度), is still English.)
  return (text.match(/[a-z]/gi) ?? []).length > 2 * (text.match(/[\u3400-\u9fff]/g) ?? []).length;
}

function unique(sources: SourceReference[]): SourceReference[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${source.id}|${source.cite}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
