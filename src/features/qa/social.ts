/**
 * Messages that are only a social act — a greeting, thanks, goodbye, a laugh, asking who the bot
 * is — get a short friendly reply instead of a knowledge-base search (which answered 早上好啊机器人
 * with the park's opening hours) or a "not my field" refusal (which met 谢谢 with 抱歉).
 *
 * One mechanism, a lexicon: the act's phrases are taken out of the message, then the words that
 * carry no request (particles, the bot's names, intensifiers); only when nothing is left is the
 * message a social act. 你好，社团登记要多少人 keeps 社团登记要多少人 and is a question.
 */
export type SocialAct = "greeting" | "thanks" | "farewell" | "identity" | "laugh";

/** Phrases per act, simplified Chinese and lower-case English. Order of acts: which reply wins when a message has several (你好 你是谁 → identity). */
const phrases: Array<[SocialAct, string[]]> = [
  [
    "identity",
    [
      "你是谁", "你谁啊", "你叫啥名", "你叫什么名字", "你叫啥", "你叫什么", "叫啥名", "啥名字", "什么名字", "名字", "几岁", "多大了", "多大",
      "是男是女", "男的女的", "男的还是女的", "是男的", "是女的", "是机器人吗", "是机器人", "是真人", "真人", "是人吗", "是人还是机器",
      "人还是机器", "是ai", "是人工智能", "哪个公司做的", "谁做的", "谁开发的", "谁写的", "干嘛的", "干啥的", "是做什么的",
      "who are you", "what's your name", "what is your name", "your name", "are you a bot", "are you a robot", "are you human",
      "are you real", "are you a real person", "are you ai", "how old are you",
    ],
  ],
  ["farewell", ["再见", "拜拜", "886", "88", "回头见", "下次见", "下次再聊", "晚安", "bye", "see you", "good night"]],
  [
    "thanks",
    [
      "谢谢", "多谢", "感谢", "谢了", "谢啦", "蟹蟹", "谢", "3q", "thx", "thanks", "thank you", "ty", "辛苦了", "辛苦啦", "辛苦",
      "麻烦你了", "麻烦了", "给力", "真棒", "好棒", "很棒", "厉害", "牛", "666", "点赞", "👍", "🙏", "赞", "聪明", "靠谱", "有用",
      "明白", "懂了", "知道了", "收到", "好嘞", "了解", "好的", "ok", "okay", "great", "got it", "nice", "awesome", "cool", "helpful",
    ],
  ],
  [
    "greeting",
    [
      "你好", "您好", "大家好", "老师好", "各位好", "领导好", "早上好", "早安", "上午好", "中午好", "下午好", "晚上好", "早", "哈喽", "嗨", "在吗", "在不在",
      "在么", "有人吗", "新年好", "过年好", "新年快乐", "春节快乐", "元旦快乐", "中秋快乐", "节日快乐", "hello", "hi", "hey",
      "good morning", "good afternoon", "good evening",
    ],
  ],
  ["laugh", ["哈", "呵呵", "嘿嘿", "嘻嘻", "笑死", "😂", "🤣", "😄", "😊", "lol", "hhhh", "hhh", "hh", "hahaha", "haha", "hehe", "好吧", "行吧", "嗯嗯", "哦哦", "嗯", "哦"]],
];

/**
 * Words that ask nothing: particles, the bot's names, address, intensifiers, a preface that
 * only announces a question. Taken out after the phrases, so 你 goes only when 你好 did not need it.
 */
const fillers = [
  "小园助手", "智能助手", "小助手", "助手", "机器人", "小园", "robot", "bot", "老师", "各位", "大家", "亲", "你们", "你", "您",
  "真的", "非常", "十分", "特别", "超级", "太", "真", "超", "好", "挺", "很", "啊", "呀", "哈", "啦", "了", "哦", "噢", "喔", "嗯",
  "呢", "吧", "吗", "嘛", "是", "哇", "呐", "滴", "的", "么", "哟", "先这样", "那就", "请问", "so much", "very much", "so", "very", "there",
  "again", "all", "everyone", "guys", "for", "the", "help", "and", "oh", "you", "我", "都", "还", "一下", "解答", "回答", "回复", "帮忙", "帮助", "指导", "提醒",
];

/**
 * Takes a word out of a text, compiled once (every message addressed to the bot passes here).
 * English words go only whole: "hi" in "which", "ty" in "party" are not greetings or thanks.
 */
function remover(word: string): (text: string) => string {
  if (!/^[a-z0-9' ]+$/.test(word)) return (text) => (text.includes(word) ? text.split(word).join(" ") : text);
  const whole = new RegExp(`(?<![a-z0-9])${word}(?![a-z0-9])`, "g");
  return (text) => (text.includes(word) ? text.replace(whole, " ") : text);
}

const ordered = phrases
  .flatMap(([act, list]) => list.map((phrase) => ({ act, phrase, remove: remover(phrase) })))
  .sort((a, b) => b.phrase.length - a.phrase.length);
const fillerRemovers = [...fillers].sort((a, b) => b.length - a.length).map(remover);
/** Punctuation, symbols (emoji among them) and spaces. */
const noise = /[\p{P}\p{S}\s\u200d\ufe0f]/gu;

/** The social act a whole message amounts to, if it is nothing else. */
export function socialAct(text: string): SocialAct | undefined {
  let rest = text.normalize("NFKC").toLowerCase().replace(/@\S+/g, " ");
  if (rest.length > 40) return undefined;
  const found = new Set<SocialAct>();
  for (const { act, remove } of ordered) {
    const next = remove(rest);
    if (next !== rest) found.add(act);
    rest = next;
  }
  if (found.size === 0) return undefined;
  for (const remove of fillerRemovers) rest = remove(rest);
  if (rest.replace(noise, "") !== "") return undefined;
  return phrases.find(([act]) => found.has(act))?.[0];
}
