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
    .filter((piece) => substance(piece) >= 2);
  if (pieces.length <= 1) return [question.trim()];
  return pieces.slice(0, 3);
}

/** Letters that say something: Chinese characters or Latin letters (a word counts per letter / 3). */
function substance(piece: string): number {
  const chinese = (piece.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (piece.match(/[a-z]/gi) ?? []).length;
  return chinese + latin / 3;
}
