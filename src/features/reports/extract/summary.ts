/**
 * Title and description, derived from the message when the volunteer did not name them:
 * the activity phrase (开展X活动, 搞了X, 给…送X) and the clause that says what was done.
 * Both only need to be on topic; the volunteer confirms or edits them in the dialog.
 */
import { QUANTITY } from "./numbers.js";

const NOISE = /^(?:了|个|场|一场|一次|一个|的|着)+/;
const TAIL = /(?:活动|工作|服务活动)$/;
const STOP = "[^,;。!?:()\\n\\s\\d]";

/** Phrases that name the activity, best first. */
const TITLE_PATTERNS: RegExp[] = [
  new RegExp(`(?:开展|举办|举行|组织开展|组织了)(?:了)?\\s*(${STOP.replace("\\d", "")}{2,24}?)(?:活动|$|(?=[,;。!?\\n\\s]))`),
  new RegExp(`(?:搞了?|开了|做了?|办了?|进行了?)(?!完|好|得)(?:个|场|一场|一次)?(${STOP}{2,20})`),
  new RegExp(`((?:给|为|帮|陪|教)${STOP.replace("\\d", "")}{1,12}?(?:送|包|理发|剪|量|测|辅导|讲|教|打扫|表演|演|做|过|游园|用|写|清理|体检|维修|修)${STOP}{0,12})`),
  new RegExp(`((?:清理|清扫|清除|捡|植|种|打扫|看望|慰问|走访|巡逻|劝导|宣传|转移|协助|搜寻|搜救|维持|保障|救援|讲解|演练|培训|调解|护学|督导|刷白|涂白|清雪|扫雪|值守|引导|包|送|理发|表演|陪|讲|教)${STOP}{0,16})`),
  new RegExp(`((?:给|为|帮|陪|教)${STOP}{2,14})`),
  /(?:held|organized|organised|ran|hosted|did)\s+(?:a|an|the)?\s*([a-z][a-z ]{2,30}?)(?=\s+(?:for|at|in|with)\b|[,.;]|$)/i,
];

/** A stand-alone item of a caption-style report that names the activity (亲子阅读会). */
const TITLE_TOKEN = /^(?![\u4e00-\u9fa5]*[在给为去到了])[\u4e00-\u9fa5]{2,10}(?:会|课|活动|讲座|比赛|培训|演出|义诊|宣传|集市|行动|课堂|演练)$/;

function cleanPhrase(phrase: string): string {
  return phrase.replace(NOISE, "").replace(/(?:刚结束|刚收工|结束了|完成了|了|啦|吧)+$/, "").replace(TAIL, "").replace(/(?<=[\u4e00-\u9fa5])\s+|\s+(?=[\u4e00-\u9fa5])/g, "").replace(/[~\-:]+$/, "").trim();
}

/** Counts and clock times are fields of their own; a title without them reads better. */
function withoutCounts(text: string): string {
  return text
    .replace(new RegExp(`${QUANTITY}\\s*(?:个人|个|名|位|户|份|袋|棵|人次|人)(?!小时|钟头|半)`, "g"), "")
    .replace(/(?:上午|下午|晚上|早上)?\d{1,2}(?::\d{2}|点半?)(?:\s*[-~到至]\s*(?:上午|下午|晚上)?\d{1,2}(?::\d{2}|点半?))?/g, "");
}

/** A short title; the festival, when one is named, leads it (重阳节敬老院服务). */
export function deriveTitle(rawText: string, festival: string | null, category: string | null): string | null {
  const text = withoutCounts(rawText);
  const labelled = /(?:活动名称|活动主题|活动内容|主题|名称|标题)\s*[:：]\s*([^\n,;。]{2,30})/.exec(rawText);
  if (labelled) return labelled[1]!.trim();
  const quoted = /《([^》]{2,20})》/.exec(text);
  if (quoted) return quoted[1]!;
  const token = text.split(/[\s\n]+/).map((part) => part.replace(/^[^\u4e00-\u9fa5]+/, "")).find((part) => TITLE_TOKEN.test(part));
  let phrase = token ?? firstPhrase(text);
  // 植树节 alone says when, not what: look again without the festival's name.
  if (festival && phrase !== null && phrase.replace(festival, "").replace(/^节/, "").length < 2) {
    phrase = firstPhrase(text.split(festival).join("")) ?? phrase;
  }
  if (phrase) {
    return festival && !phrase.includes(festival.replace(/节$/, "")) ? `${festival}${phrase}`.slice(0, 24) : phrase;
  }
  if (festival) return `${festival}志愿服务`;
  return category && category !== "其他" ? `${category}志愿服务` : "志愿服务活动";
}

function firstPhrase(text: string): string | null {
  for (const pattern of TITLE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const phrase = cleanPhrase(match[1]!).slice(0, 20);
    if (phrase.length >= 2) return phrase;
  }
  return null;
}

const DOING = /开展|搞|给|为|帮|陪|教|送|清理|清扫|捡|植|种|打扫|看望|慰问|讲|辅导|宣传|劝导|巡逻|转移|保障|义诊|咨询|表演|演|理发|量|测|包|做|刷|搜|维持|救|held|organi[sz]ed/i;

/** What was done: the clauses with service verbs, without counts, times and names. */
export function deriveDescription(text: string, title: string | null, organization: string | null = null): string | null {
  const labelled = /(?:活动内容|服务内容|内容)\s*[:：]\s*([^\n;。]{2,60})/.exec(text);
  if (labelled) return labelled[1]!.trim();
  const body = withoutCounts(organization ? text.split(organization).join(" ") : text)
    .replace(/(?:今天|昨天|前天|上午|下午|晚上|早上|\d{1,2}月\d{1,2}[日号]|\(周.\))/g, "");
  const clauses = body.split(/[,;。!?\n]+/).map((clause) => clause.replace(/\s+/g, "").replace(/^(?:的|了|我们|俺们)+/, "")).filter(Boolean);
  const doing = clauses.filter((clause) => DOING.test(clause) && !/[?？]|请问|多久/.test(clause));
  const joined = doing.slice(0, 2).join(",");
  if (joined.length >= 2) return joined.slice(0, 60);
  return title;
}
