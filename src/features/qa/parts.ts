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
    .flatMap(splitClauses);
  if (pieces.length <= 1) return [question.trim()];
  return pieces.slice(0, 3);
}

/** Words that make a clause a question of its own (几号前交 / 收不收费 / 要多久). */
const asking = /[吗么]|多少|多久|多长|几|什么|啥|怎么|咋|哪|如何|是否|能否|有没有|要不要|([\u3400-\u9fff])不\1/;
/**
 * 啥, 什么 and 几 that ask nothing: 没开展啥活动 (no activity at all), 啥事都 (everything), 我们几个
 * 老伙计 (the few of us).
 */
const indefinite = /[没不无][\u3400-\u9fff]{0,4}?(?:啥|什么)|(?:啥|什么)[\u3400-\u9fff]?都|多少(?:有|带|沾)?点|(?:我们|咱们|俺们|你们|他们|她们|咱|俺)几(?:个|位|家)/g;

function asks(clause: string): boolean {
  return asking.test(clause.replace(indefinite, ""));
}

/**
 * A comma (or a voice-typed space) between two clauses that each ask something parts them
 * (年报几号前交，年检收不收费): otherwise a story before the question stays with it.
 */
function splitClauses(piece: string): string[] {
  const clauses = piece.split(/[，,]\s*|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/).filter((clause) => clause.trim());
  if (clauses.length < 2) return [piece];
  const parts: string[] = [];
  let current = "";
  for (const clause of clauses) {
    current = current ? `${current}，${clause}` : clause;
    if (asks(current) && substance(current) >= 4) {
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

/** Letters that say something: Chinese characters or Latin letters (a word counts per letter / 3). */
function substance(piece: string): number {
  const chinese = (piece.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (piece.match(/[a-z]/gi) ?? []).length;
  return chinese + latin / 3;
}

/** 「A和B有啥区别」: two things compared, and what about them (的表决规则). */
const side = "((?:(?!和|跟|与|同|还是|有|是|啥|什么|哪些|的|之间|到底|究竟|区别|不同|不一样)[\\u3400-\\u9fffa-z]){2,8})";
const comparison = new RegExp(`^(.*?)${side}(?:和|跟|与|同|还是)${side}(?:(?:的|之间的?)([\\u3400-\\u9fff]{1,8}?))?(?:到底|究竟)?(?:有|是)?(?:啥|什么|哪些)?(?:区别|不同|不一样|差别|差异|两样)`, "i");

/**
 * A question comparing two things (民非和社团有啥区别, 理事会和会员大会的表决规则有什么不同):
 * the two sides, and one part per side asking the same about it (社团的表决规则 / 社团是什么).
 */
export function comparedParts(question: string): { sides: [string, string]; parts: [string, string] } | undefined {
  const match = comparison.exec(stripPreamble(question).replace(/\s+/g, ""));
  if (!match) return undefined;
  const [, , first, second, about] = match as unknown as [string, string, string, string, string];
  const ask = (side: string) => (about ? `${side}的${about}` : `${side}是什么`);
  return { sides: [first, second], parts: [ask(first), ask(second)] };
}
