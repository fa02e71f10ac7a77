import { normalize } from "./text.js";

/**
 * What a "how do I …" question is about, beyond its topic words: the action after 怎么/如何/咋
 * (证书丢了怎么「补办」, 账户怎么「解冻」) and the mishap before 了 (证书「丢了」怎么办). A section
 * that mentions neither does not answer the question, however well it matches the nouns.
 */
export function focusPhrases(question: string, segmenter = new Intl.Segmenter("zh", { granularity: "word" })): string[] {
  const text = normalize(question);
  const phrases = new Set<string>();
  for (const match of text.matchAll(/(?:怎么样才能|怎么才能|怎样才能|如何才能|怎么|怎样|如何|咋)(?:去|来|能|可以)?([\u3400-\u9fff]{2,4})/g)) {
    const action = match[1]!.split(/[的了吗呢啊呀吧么嘛和或]/)[0]!;
    // 怎么办 / 怎么样 / 怎么说: "what now?", no action named.
    if (action.length < 2 || /^(办|弄|整|样|回事|说|算|看|讲|个|才|会|还|都|就|又|能|要|搞)/.test(action)) continue;
    phrases.add(action);
  }
  // 需要盖章吗 / 能收费吗: the act a yes/no question asks about, when it is one word of its own.
  const yesNo = /(?:能不能|可不可以|能否|可以|能|要不要|需不需要|需要|必须)([\u3400-\u9fff]{2,3}?)(?:吗|么|不)?[？?！!。\s]*$/.exec(text);
  if (yesNo) {
    const pieces = [...segmenter.segment(yesNo[1]!)];
    if (pieces.length === 1 && pieces[0]!.isWordLike) phrases.add(yesNo[1]!);
  }
  // 会怎么罚 / 罚多少 / 会被罚吗: the penalty is the point; a section that names none does not answer.
  if (/罚/.test(text)) phrases.add("罚");
  // 每年几号交 / 啥时候要报: when something is due; a section that says nothing of handing in does not answer.
  const due = /(?:什么时候|啥时候|几月几号|几号|哪天|何时)(?:要|得|该|需要)?(提交|报送|上报|交|报)/.exec(text);
  if (due) phrases.add(due[1]!);
  const words = [...segmenter.segment(text)].map((piece) => piece.segment);
  words.forEach((word, index) => {
    // 丢了 / 冻结了 / 被封了 followed by a how-question: the mishap is the point.
    if (words[index + 1] !== "了" || !/^[\u3400-\u9fff]{1,2}$/.test(word) || /[的是在有要会能没不就都也还过完好成到去来给对]/.test(word)) return;
    const rest = words.slice(index + 2, index + 6).join("");
    if (/^[，,\s]*(怎么|咋|如何|怎样|该怎么|要怎么)/.test(rest)) phrases.add(`${word}了`);
  });
  return [...phrases];
}
