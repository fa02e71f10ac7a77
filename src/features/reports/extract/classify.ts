/**
 * Report or not (REPORTS.md "Not a report"). Strong kinds (a retraction, an edit request,
 * forwarded news or notices, recruitment) decide alone; weak kinds (a question, thanks, a
 * cancelled plan, small talk) only when the message lacks the facts of a finished activity.
 */

export type NotReportReason =
  | "retracted"
  | "edit_request"
  | "forwarded"
  | "recruitment"
  | "notice"
  | "plan"
  | "not_finished"
  | "cancelled"
  | "question"
  | "thanks"
  | "chatter";

/** What the field rules found, as far as the decision needs it. */
export interface ReportSignals {
  volunteers: boolean;
  times: boolean;
  organization: boolean;
  location: boolean;
  /** a day was named (even vaguely) */
  date: boolean;
  /** the named day lies ahead (明天, 下周二) */
  planned: boolean;
  /** a written date resolves after the message (本周六 on a Wednesday) */
  future?: boolean;
  /** the activity's day is past, or its stated end is before the message: words of an
   * activity still going must be about something else (老人们还在念叨) */
  finished?: boolean;
}

/** Words of a service that was done (in the past tense where Chinese marks it). */
const DONE = /开展了?|组织了|搞了|办了|举办了|举行了|去了|参加了|完成了|做了|慰问|看望|义诊|清理|捡|打扫|服务了|送了|帮.{1,6}(?:了|完)|刚.{0,4}(?:回来|结束|收工|忙完)/;

const RETRACTED = /发错群|发错了|发错地方|不好意思.{0,4}发错|请忽略|忽略上[条一]|撤回(?:了)?(?:消息|上一条|这条|那条)|已撤回/;
const EDIT_REQUEST = /(?:报|提交|上报|登记)的那(?:次|条|个|份).{0,20}(?:改|错|删)|(?:帮我|麻烦|帮忙)(?:帮我)?(?:改|修改|更正)一下|(?:(?:之前|上次|刚才|昨天|前天|上周|已经)(?:报|提交|上报|登记)(?:的|过的)|记录里|系统里|那条记录|那条上报|那次上报).{0,20}(?:改|修改|更正|删|不对|错)|(?:帮我|麻烦)(?:把|改|修改|删).{0,20}(?:记录|上报|报的)|报过了[吧吗]?|(?:那条|这条|上一条)(?:记录|上报|消息)?.{0,6}(?:报错|错了|改一下|修改)|修改.{0,10}(?:记录|上报|报告)|(?:记录|上报).{0,6}(?:修改|更正|删除)|(?:系统|记录)里.{0,6}(?:没|看不到|找不到)/;
/** A report sent before: 上周报的那个, 之前登记的, 我报的时候, 发的那条. */
const EARLIER_REPORT = /(?:之前|以前|上次|上回|刚才|刚刚|昨天|前天|前两天|前几天|上周|上礼拜|上个?月|月初|那天|已经|我们|我|咱们)[^,;。!?\n]{0,4}(?:报(?![名道到销告])|提交|上报|登记|填报)(?:过)?(?:的|一个|一条|一次|了一[个条次])|(?:报(?![名道到销告])|提交|上报|登记|填报|发)(?:过|上去)?的[^,;。!?\n]{0,12}那(?:个|条|次|份)|那(?:个|条|次|份)(?:上报|记录|报的)|我报的时候|报上去的/;
/** Asking for a change, anywhere in the message: 麻烦改一下, 填错了, 写成了20小时. */
const CHANGE_REQUEST = /改(?![造善变革建装进良])|更正|纠正|填错|写错|报错|弄错|搞错|记错|打错|写成了?|填成了?|报成了?|有误|不对|删掉|删除|撤销|重复了/;
const FORWARDED = /^\s*(?:【\s*转发?\s*】|\[转发?\]|转发|转自|转:|fw:|fwd:)|看新闻|新闻(?:上)?说|据报道|报道称|听说|看到.{0,10}(?:新闻|报道|公众号|朋友圈)|人家.{0,6}(?:搞|办)得|(?:我看|看到|听说|据说)[^,;。!?\n]{0,4}(?:隔壁|别的|其他|人家|兄弟)/i;
const RECRUITMENT = /招募(?!了)|征集(?!了)|接龙|报名(?!了)|需要.{0,6}志愿者|还差.{0,4}人|缺.{0,3}(?:人手|志愿者)|急需|有意者|有时间的|有空的?(?:朋友|伙伴|都|就)?(?:来|参加|一起|过来)|欢迎(?:大家|各位|居民|朋友|街坊|邻居|家长)?们?(?:参加|报名|来|前来|光临|到场)|名额有限/;
const NOTICE = /^\s*(?:【\s*(?:通知|公告|提醒|温馨提示)\s*】|通知|公告|温馨提示|提醒)|关于.{2,40}的通知|请各|各社区|各(?:志愿)?服务队|务必|请大家/;
const CANCELLED = /取消|改期|改到|延期|推迟|暂停|没搞成|没办成|没去成|未能开展|没能开展|没开展|未开展|没有开展|没搞起来|泡汤|不搞了/;
/**
 * Words saying the activity is still going or about to start, wherever the subject stands
 * (我们红马甲的队员现在还在…呢, 这会儿树苗还没种完, 一会儿就结束, 准备出发).
 */
const ONGOING = new RegExp([
  "(?:正在|还在|仍在|仍然在|依然在|依旧在)",
  "(?<![现存实所自好正还])在[^,;。!?\\n了过]{1,15}呢",
  "(?:这会儿?|现在|目前|此刻|眼下)[^,;。!?\\n]{0,8}还(?:在|没|得|要|剩)",
  "还没(?:有)?[\\u4e00-\\u9fa5]{0,2}(?:完|结束|收工|完事|弄好|干好|散场)",
  "(?:估计|预计|大概|可能|要|会)(?:要|得)?[^,;。!?\\n]{0,6}?(?:干|忙|弄|搞|持续|进行)?到(?:中午|下午|傍晚|晚上|天黑|[\\d一二三四五六七八九十两]{1,3}(?:点|:))",
  "(?:估计|预计|得|要)[^,;。!?\\n]{0,10}才(?:能)?(?:结束|收工)",
  "(?:待|等|过)(?:一)?会儿?(?:就|再)?(?:结束|收工|完事|开始|出发)|一会儿?(?:就)?(?:结束|收工|完事|开始|出发)",
  "马上(?:就|要)?(?:开始|出发|结束|收工)|准备出发|即将(?:开始|出发|结束)|稍后开始|刚开始|进行中",
  // 刚到学校 / 刚集合: the team has just arrived (刚到家 is the way home, after it).
  "刚(?:刚)?(?:到|来到|抵达|到达|集合|就位)(?!家)",
  "等[^,;。!?\\n]{0,6}完了?[^,;。!?\\n]{0,2}再(?:报|发|上报|统计)",
].join("|"));
/** 老人们还在念叨, 照片还在整理, 还在群里晒照片: 还在 about talk or paperwork after the activity. */
const AFTERWARDS = /^(?:正在|还在|在)(?:念叨|说|问|聊|夸|讲|谈|想|惦记|回味|整理|上传|晒|发|统计|汇总|修图|等|群里|朋友圈|回忆)/;
/** Text after 结束后 / 收工以后 tells what followed the activity. */
const AFTER_END = /(?:结束|收工|完事|忙完|干完|散场)了?(?:以后|之后|后)/;

/** The message says the activity is still going or yet to start. */
export function stillGoing(text: string): boolean {
  const end = AFTER_END.exec(text);
  const scope = end ? text.slice(0, end.index) : text;
  for (const match of scope.matchAll(new RegExp(ONGOING.source, "g"))) {
    const marker = scope.slice(match.index);
    if (AFTERWARDS.test(marker)) continue;
    // 照片还在整理, 材料还在汇总: the subject is paperwork, not people at work.
    if (/(?:照片|图片|视频|材料|数据|台账|记录)[^,;。!?\n]{0,3}$/.test(scope.slice(Math.max(0, match.index! - 6), match.index))) continue;
    return true;
  }
  return false;
}
/** Words that settle a plan (已经确定了, 说好了): no sign that the activity took place. */
const SETTLED = /(?:已经|已)?(?:确定|定|说好|约好|安排好|报名|通知|商量好|联系好)(?:了|好了)/g;
/** 麻烦问下, 打听一下, 谁知道… opening the message (after an @ or a greeting) ask something. */
const QUESTION_OPENING = /^\s*(?:@\S+\s*)?(?:[\u4e00-\u9fa5]{0,4}(?:你好|您好|好)[,!。\s]*)?(?:麻烦|想|我想|那个)?(?:请问|问一下|问下|问问|想问(?:一下)?|咨询(?:一下|下)?|请教(?:一下|下)?|打听(?:一下|下)?|谁知道)/;
/** Asking words a question opening is followed by (broader than QUESTION, which must not fire on
 * a count such as 多少人 inside a report). */
/** Asked without a question word: 够不够, 需不需要, 合规不合规, 烦请告知. */
const RULE_ASKED = /([\u4e00-\u9fa5])不\1|告知|合规/;
const ASKS = /[?？]|吗|么|呢|怎么|咋|如何|能不能|可不可以|可以不|是否|多少|哪|啥|什么|谁|几[个点号位名小]|有没有|没有\s*$|还是|行不行|对不对|算不算|要不要/;
/** A cancelled or postponed activity, said outright (临时取消了, 没去成, 改期了). */
const CALLED_OFF_OUTRIGHT = /临时取消|(?:活动|清雪|义诊|慰问|演出|讲座|植树|培训)?(?:被)?取消了|没去成|改期了|延期了/;
/** …but it took place after all: 照常, 后来还是, 改为下午进行了. */
const HAPPENED_ANYWAY = /照常|如期|后来还是|最后还是|还是(?:去|搞|办|开展|进行|举行)了|(?:改为|改成|改在|换到|挪到)[^。!?\n]{0,20}(?:进行|开展|举行|搞|办|完成)了?|补(?:办|上|搞)了/;
/** 下午的游戏环节临时取消了: one part of a held activity. */
const PART_CALLED_OFF = /(?:环节|部分|项目|节目|其中)[^,;。!?\n]{0,4}(?:临时)?(?:被)?取消/;
/** A planned activity that did not happen (stronger than 取消 alone, which may be one part). */
const CALLED_OFF = /没搞成|没办成|没去成|没能(?:开展|举行|搞)|未能(?:开展|举行)|泡汤|不搞了|取消了|被取消|临时取消/;
const PLAN_WORDS = /将于|将在|计划|准备(?!了|好)|打算|拟于|拟在|届时|预计|要去|安排在/;
const QUESTION = /[?？]|请问|吗\s*$|怎么|如何|能不能|可不可以|是否|多久|哪里/;
const HYPOTHETICAL = /比如|例如|譬如|假如|假设|比方说/;
const THANKS = /感谢|谢谢|多亏|辛苦(?:了|啦)|点赞/;
const FIRST_PERSON_SERVICE = /我们|我带|俺们|咱们|我和|队员|志愿者\s*\d|\d+\s*(?:名|个|位)?志愿者/;

/** 发错群了 / 请忽略: the writer takes the message back (never a correction of it). */
export function isRetraction(text: string): boolean {
  return RETRACTED.test(text);
}

/** A change asked for in a report sent before (REPORTS.md: an edit, not a new report). */
export function isEditRequest(text: string): boolean {
  return EARLIER_REPORT.test(text) && CHANGE_REQUEST.test(text);
}

/** Why the messages are not a report, or null when they are one. */
export function notReportReason(text: string, signals: ReportSignals): NotReportReason | null {
  if (RETRACTED.test(text)) return "retracted";
  if (EDIT_REQUEST.test(text) || isEditRequest(text)) return "edit_request";
  if (FORWARDED.test(text)) return "forwarded";
  if (RECRUITMENT.test(text)) return "recruitment";
  if (NOTICE.test(text) && !(signals.volunteers && signals.times)) return "notice";
  if (signals.planned) return "plan";
  // A day still ahead (本周六 said on a Wednesday) with nothing saying it is done: a plan.
  // 已经确定了, 说好了 settle the plan; they do not say it happened.
  if (signals.future && !/了|已经|已|完成|结束|刚/.test(text.replace(SETTLED, ""))) return "plan";
  // 请问…怎么算？: a message that opens by asking is a question, whatever example it gives.
  if (QUESTION_OPENING.test(text) && ASKS.test(text.replace(QUESTION_OPENING, ""))) return "question";
  // 我们协会有4个正式党员 需要成立党支部吗 / 会员有38个 够不够数 / 烦请告知是否合规: a question that tells
  // of no day and nothing done asks the rules, however many people and which organisation it names.
  if ((ASKS.test(text) || RULE_ASKED.test(text)) && !signals.date && !DONE.test(text)) return "question";
  if (CALLED_OFF_OUTRIGHT.test(text) && !PART_CALLED_OFF.test(text) && !HAPPENED_ANYWAY.test(text)) return "cancelled";
  // 原计划…因为下雨没搞成: the planned activity did not take place, however many came.
  if (CALLED_OFF.test(text) && /原计划|原定|原本|本来|计划|预定/.test(text) && !/改为|改成|换成|后来|最后还是|照常|如期/.test(text)) return "cancelled";

  const substance = (signals.volunteers ? 2 : 0) + (signals.times ? 1 : 0) + (signals.organization ? 1 : 0)
    + (signals.location ? 1 : 0) + (signals.date ? 1 : 0) + (DONE.test(text) ? 1 : 0)
    + (/我们|俺们|咱们|我带|我和/.test(text) ? 1 : 0);
  const solid = signals.volunteers && (signals.times || signals.organization || signals.location);
  if (CANCELLED.test(text) && !solid) return "cancelled";
  if (!signals.finished && stillGoing(text) && !/(?:刚刚|刚才|已经|已)(?:结束|完成|收工)/.test(text)) return "not_finished";
  if (PLAN_WORDS.test(text) && !solid) return "plan";
  if (QUESTION.test(text) && !solid) return "question";
  // 比如5个人干了2小时怎么填？: an example inside a question, about no particular day, team or place.
  if (QUESTION.test(text) && !signals.date && (HYPOTHETICAL.test(text) || (!signals.organization && !signals.location))) return "question";
  // Thanks that open the message are addressed to whoever helped: the writer was served.
  if (/^\s*(?:太|非常|十分|特别)?(?:感谢|谢谢|多谢|多亏)/.test(text) && !solid) return "thanks";
  if (THANKS.test(text) && !FIRST_PERSON_SERVICE.test(text) && !solid) return "thanks";
  if (substance < 3) return "chatter";
  return null;
}
