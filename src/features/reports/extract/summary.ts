/**
 * Title and description, derived from the message when the volunteer did not name them:
 * the activity phrase (开展X活动, 搞了X, 给…送X) and the clause that says what was done.
 * Both only need to be on topic; the volunteer confirms or edits them in the dialog.
 */
import { QUANTITY } from "./numbers.js";
import { readMentions } from "./people.js";

const NOISE = /^(?:了|个|场|一场|一次|一个|的|着)+/;
const TAIL = /(?:活动|工作|服务活动)$/;
const STOP = "[^,;。!?:()\\n\\s\\d]";

/** Phrases that name the activity, best first. */
const TITLE_PATTERNS: RegExp[] = [
  new RegExp(`(?:开展|举办|举行|组织开展|组织了)(?:了)?\\s*(${STOP.replace("\\d", "")}{2,24}?)(?:活动|$|(?=[,;。!?\\n\\s]))`),
  new RegExp(`(?:搞了?|开了|做了?|办了?|进行了?)(?!完|好|得)(?:个|场|一场|一次)?(${STOP}{2,20})`),
  new RegExp(`((?:给|为|帮|陪|教)${STOP.replace("\\d", "")}{1,12}?(?:送|包|理发|剪|量|测|辅导|讲|教|打扫|表演|演|做|过|游园|用|写|清理|体检|维修|修)${STOP}{0,12})`),
  new RegExp(`((?:清理|清扫|清除|整理|分发|发放|布置|搬运|擦|捡|植|种|打扫|看望|慰问|走访|巡逻|劝导|宣传|转移|协助|搜寻|搜救|维持|保障|救援|讲解|演练|培训|调解|护学|督导|刷白|涂白|清雪|扫雪|值守|引导|安保|导诊|导医|巡查|排查|巡护|包|送|理发|表演|陪|讲|教)${STOP}{0,16})`),
  new RegExp(`((?:给|为|帮|陪|教)${STOP}{2,14})`),
  /(?:held|organized|organised|ran|hosted|did)\s+(?:a|an|the)?\s*([a-z][a-z ]{2,30}?)(?=\s+(?:for|at|in|with)\b|[,.;]|$)/i,
];

/** A stand-alone item of a caption-style report that names the activity (亲子阅读会). */
const TITLE_TOKEN = /^(?![\u4e00-\u9fa5]*[在给为去到了])(?![\u4e00-\u9fa5]*(?:协会|联合会|促进会|研究会|学会|基金会|委员会|居委会|村委会|联谊会|慈善会)$)(?:[\u4e00-\u9fa5]{2,10}(?:会|课|活动|讲座|比赛|培训|演出|义诊|宣传|集市|行动|课堂|演练|志愿服务|巡查|巡逻|劝导|引导|保障|安保)|[\u4e00-\u9fa5]{0,8}义诊)$/;

/** 清理了何家沟河道垃圾: the aspect particle 了 has no place in a title (为了, 除了, 了解 stay). */
function withoutAspect(phrase: string): string {
  return phrase.replace(/(?<=[\u4e00-\u9fa5])(?<![为除罢])了(?=[\u4e00-\u9fa5])(?!解)/g, "");
}

function cleanPhrase(phrase: string): string {
  return withoutAspect(phrase).replace(NOISE, "").replace(/(?:刚结束|刚收工|结束了|完成了|完毕|完事|了|啦|吧)+$/, "").replace(TAIL, "").replace(/(?<=[\u4e00-\u9fa5])\s+|\s+(?=[\u4e00-\u9fa5])/g, "").replace(/[~\-:]+$/, "").trim();
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
  // 植树节那天上午 says when, not what: look again without it.
  if (phrase !== null && TIME_ONLY.test(phrase)) phrase = firstPhrase(text.split(phrase).join(" "));
  if (phrase) {
    return festival && !phrase.includes(festival.replace(/节$/, "")) ? `${festival}${phrase}`.slice(0, 24) : phrase;
  }
  if (festival) return `${festival}志愿服务`;
  return category && category !== "其他" ? `${category}志愿服务` : "志愿服务活动";
}

const TIME_ONLY = /^(?:[\u4e00-\u9fa5]{0,5}[节日])?(?:那天|当天|这天|当晚|那晚|上午|下午|晚上|早上|中午|傍晚)+$/;

function firstPhrase(text: string): string | null {
  for (const pattern of TITLE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const phrase = cleanPhrase(match[1]!).slice(0, 20);
    // 我们救援队: a team's name (救援队) is who served, not what was done.
    if (/(?:队|团|协会|联合会|服务社)$/.test(phrase)) continue;
    if (phrase.length >= 2) return phrase;
  }
  return null;
}

const DOING = /开展|搞|给|为|帮|陪|教|送|整理|分发|发放|布置|搬运|清理|清扫|捡|植|种|打扫|看望|慰问|走访|讲|辅导|宣传|劝导|巡逻|巡查|巡护|转移|保障|安保|义诊|导诊|导医|引导|咨询|表演|演|理发|量|测|包|做|刷|搜|维持|救|护学|held|organi[sz]ed/i;

const CLOCK = "(?:凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚|早)?\\s*(?:\\d{1,2}\\s*(?::\\s*\\d{2}|点钟?(?:半|一刻|三刻|\\d{1,2}分?)?)|[零一二两三四五六七八九十]{1,3}点钟?(?:半|一刻|三刻|[一二三四五]?十[一二三四五六七八九]?分?)?)";
/** Days, clock times and durations: the date and time fields hold them already. */
const WHEN = new RegExp(
  [
    `(?:从|自)?${CLOCK}(?:\\s*(?:[-~到至]|一直干到|干到)\\s*${CLOCK})?(?:开始|结束|之间)?`,
    "\\d{1,2}\\s*[-~到至]\\s*\\d{1,2}点",
    "(?:上上|上|这|本)?个?(?:周|礼拜|星期)[一二三四五六日天末]",
    "\\d{4}年\\d{1,2}月\\d{1,2}[日号]?|\\d{1,2}月\\d{1,2}[日号]?|\\d{1,2}[./]\\d{1,2}(?![\\d:])|\\d{1,2}[日号](?![楼院门线口床])",
    "(?:大前天|前天|昨天|今天|今早|今晚|昨晚|今儿个?|昨儿个?|当天|那天)",
    "[\\u4e00-\\u9fa5]{1,3}节那天",
    "一大早|一早|一上午|一下午|一晚上|上午|下午|中午|早上|晚上|傍晚|凌晨|夜里",
    `${QUANTITY}\\s*个?\\s*(?:多|来)?\\s*半?\\s*个?\\s*(?:小时|钟头)|俩小时|半天|大半天`,
  ].join("|"),
  "g",
);
/** Chunks that are a form's fields (地点：…, 时间：…), not what was done. */
const FIELD_LABEL = /^(?:地点|地址|位置|时间|日期|人数|志愿者人数|参与人数|服务人数|服务对象|组织|单位|时长|服务时长|照片|图片)\s*[:：]/;
/** Where the account of the work starts: a place preposition or the first service verb. */
const ACCOUNT_START = new RegExp(`(?:在|去了?|到了?|上门|${DOING.source.replace(/\|held\|organi\[sz\]ed/, "")})`);

/**
 * Removes the head counts (志愿者7人, 我们五个人, 听众60人) but keeps the noun of the people
 * served when the count comes first (给12名残疾学员 → 给残疾学员).
 */
function withoutPeople(text: string): string {
  let result = text;
  for (const mention of [...readMentions(text)].sort((left, right) => right.index - left.index)) {
    const span = text.slice(mention.index, mention.end);
    const numberFirst = /^[\d零〇一二两三四五六七八九十百千仨俩约大近将差]/.test(span);
    if ((mention.role === "beneficiary" || mention.role === "household") && numberFirst) continue;
    result = `${result.slice(0, mention.index)}${result.slice(mention.end)}`;
  }
  return result;
}

/** What was done: the clauses with service verbs, without counts, times, labels and names. */
export function deriveDescription(text: string, title: string | null, organization: string | null = null): string | null {
  const labelled = /(?:活动内容|服务内容|内容)\s*[:：]\s*([^\n;。]{2,60})/.exec(text);
  if (labelled) return labelled[1]!.trim();
  const named = organization ? text.split(organization).join(" ") : text;
  // 四点半课堂 is a programme's name, not a clock time (as in times.ts).
  const masked = withoutPeople(named).replace(/点(?=半?(?:课堂|学校|班))/g, "\u0001");
  const body = withoutCounts(masked.replace(WHEN, " ").replace(/\u0001/g, "点")).replace(/\((?:周|星期).\)/g, " ");
  // Caption-style reports separate their fields with spaces: a space between words ends a chunk.
  const chunks = body
    .split(/[,;。!?\n]+|(?<=[\u4e00-\u9fa5])\s+(?=[\u4e00-\u9fa5])/)
    .map((chunk) => chunk.replace(/\s+/g, ""))
    .filter((chunk) => chunk && !FIELD_LABEL.test(chunk));
  const doing = chunks
    .filter((chunk) => DOING.test(chunk) && !/[?？]|请问|多久/.test(chunk))
    .map((chunk) => {
      // Cut a leading subject (我和小李去…, 义工在…), never the activity's own words (反诈宣传).
      const start = ACCOUNT_START.exec(chunk);
      const prefix = start ? chunk.slice(0, start.index) : "";
      const cut = start !== null && (/^(?:在|去|到|上门)/.test(start[0]) || /我|们|队|大家|一起|[和跟、]|志愿者|义工|社工/.test(prefix));
      return (cut ? chunk.slice(start.index) : chunk)
        .replace(/^(?:的|了)+/, "")
        .replace(/(?:我们|俺们|咱们)?(?:去了|来了|参加|参与)?$/, "")
        .replace(/(?:刚|已经|已)?(?:收工|结束|完成|忙完)了?$/, "");
    })
    // 我们救援队, 教练(志愿者6人): who served, not what was done.
    .filter((chunk) => chunk.length >= 2 && !/(?:队|团|协会|联合会|服务社)$/.test(chunk) && !/^(?:教练|讲师|老师|医生|护士|志愿者|义工|队员|社工)+$/.test(chunk));
  // 辅导了(18个)孩子, 捡了(十几袋): a result whose count was removed repeats the account.
  const accounts = doing.filter((chunk, position) => position === 0
    || (!/^[\u4e00-\u9fa5]{1,2}了[\u4e00-\u9fa5]{0,3}$/.test(chunk) && chunk.length > 2 && !doing[0]!.includes(chunk)));
  const joined = accounts.slice(0, 2).join(",");
  if (joined.length >= 2) return joined.slice(0, 60);
  return title;
}
