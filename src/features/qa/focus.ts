import { whetherPunished } from "./consequence.js";
import { askingClauses, clauses as clausesOf, normalize } from "./text.js";

/** Directional complements (干到多大必须下来, 交上去): no act of their own. */
const directional = /(下来|上来|下去|上去|出来|起来|过来|回来|过去)$/;
/** 需要盖章吗 / 能收费吗: a modal, the act (one to three characters), perhaps a question particle. */
const yesNoAct = /(?<modal>能不能|可不可以|能否|可以|能|要不要|需不需要|需要|必须|要)([\u3400-\u9fff]{1,3}?)(?<particle>吗|么|不)?$/;
/** Putting money or people up (准备, 投入, 筹集): what the amount is for, not a quantity of its own. */
const providing = /^(准备|需要|花费|投入|筹集|筹措|缴纳|支付|拿出|筹备|凑齐|备好)$/;
/** Being found out or checked (发现了, 查出来了): the question is what follows, said by a penalty rule. */
const caught = /^(发现|查到|查出|知道|抓到|逮着|逮到|看到|举报|曝光|查)$/;
/**
 * Words of degree before 多少 (大概多少, 一共几个, 上限是多少, 分别是多少), and words for any amount or share
 * (比例是多少, 金额是多少): no quantity of their own — a section stating 8% or 10万元 answers them.
 */
const vague = /^(分别|各自|比例|比率|占比|百分比|金额|数额|数量|数目|上限|下限|限额|封顶|大概|大约|一共|总共|具体|一般|到底|差不多|左右|最多|最少|至少|起码|最低|最高|一年|每年|一个月|每月|一次)$/;

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
    // 盯着理事会咋花钱的人: a how-phrase describing a noun (…的人), not the thing asked.
    if (text[match.index! + match[0].length - match[1]!.length + action.length] === "的") continue;
    // 怎么办 / 怎么样 / 怎么说 / 如何处理: "what now?", no action named. (下限如何计算: how a figure is
    // reached, which the section stating it answers.)
    // (怎么做才合规 / 咋干才对: how to go about it, as 怎么办.)
    if (action.length < 2 || /^(办|弄|整|做|干|样|回事|说|算|看|讲|个|才|会|还|都|就|又|能|要|搞|处理|处置|应对|解决|补救|面对|计算|核算|界定|定义)/.test(action)) continue;
    phrases.add(action);
  }
  // Each clause ends in its own question (餐费能报销吗，报销要什么单据).
  const clauses = clausesOf(text).map((clause) => clause.replace(/[？?]$/, ""));
  clauses.forEach((clause, position) => {
    // 需要盖章吗 / 能收费吗 / 会费要退吗: the act a yes/no question asks about, when it is one word
    // of its own. A clause that only sets the scene (想跟路人要捐款，得先拿个啥资格) asks nothing:
    // without a question particle only the last clause may.
    const last = position === clauses.length - 1;
    const matched = yesNoAct.exec(clause);
    const yesNo = matched && (last || matched.groups!.particle) ? matched : null;
    // 要多少钱 / 要几天: a how-much question, not a yes/no one about an act.
    // (需要什么 reads as 需要 + 什 + 么: 什 is the question word's first half, not an act.)
    // (到底要不要 / 能不能 at the very end: the A-not-A question itself, 不要 is no act.)
    if (yesNo && !directional.test(yesNo[2]!) && !/多少|几|什|啥|哪|^[不没]/.test(yesNo[2]!)) {
      const pieces = [...segmenter.segment(yesNo[2]!)];
      // The act must be a word of its own in the clause, not the tail of one (要求, 需要), and not
      // a verb so general it names no act (办, 弄, 报: 今年能报不 is said of applying, filing, joining).
      const start = yesNo.index + yesNo.groups!.modal!.length;
      const own = [...segmenter.segment(clause)].some((piece) => piece.index === start);
      // (Nor the authority's yes or a bare use: 能批吗, 能批准不, 登记能过吗, 这名字能用不 ask whether the
      // rules allow it; nor our yes to what someone asks of us: 他要指定给亲戚，这能答应不, 这个要求可以
      // 同意吗, 秘书长能接受吗.)
      if (own && pieces.length === 1 && (pieces[0]!.isWordLike || yesNo[2]!.length === 1) && !/^([的了吗呢啊吧么不是有在做干当搞办弄去来算行报批准用过上下]|批准|提出|进行|答应|应下|照办|应承|同意|接受|允许|采纳|补救|挽回|弥补|挽救)$/.test(yesNo[2]!)) phrases.add(yesNo[2]!);
    }
    // 能用腾讯会议吗 / 能申请高企认定吗: a yes/no question about using or applying for something names it.
    const thing = /(?:能不能|可不可以|能否|可以|能)(?:用|使用|申请|办理|参加)([\u3400-\u9fff]{2,10}?)(?:吗|么|不)?$/.exec(clause);
    // (能用我们自己印的收据不: the thing is the 收据, whoever printed it.)
    // (能参加社会组织评估吗: 社会组织 names everything here; the 评估 is the thing. 能不能用房子来充抵:
    // what it is used for is asked, which a section may say without naming the thing.)
    if (thing && !/来|去/.test(thing[1]!)) phrases.add(thing[1]!.split("的").at(-1)!.replace(/^(社会组织|社团|协会|民非|基金会)(?=[\u3400-\u9fff]{2})/, ""));
    // 会计证怎么考 / 那一栏怎么填: a one-character act at the end of the clause.
    const act = /(?:怎么|怎样|如何|咋)([\u3400-\u9fff])$/.exec(clause);
    // (能咋地 / 又能咋着: what follows is asked, no act; 年检会怎么定 / 等级咋评 asks the judgement
    // on what the clause names, no act of its own.)
    if (act && !/[办弄整样说搞做干算写回个的地着了呢啊吗么定判评]/.test(act[1]!)) phrases.add(act[1]!);
    // 税率是多少 / 折旧年限是几年 / 预算多少: the quantity asked for is named just before.
    const amount = /([\u3400-\u9fff]{2,4})(?:是|有|为)?(?:多少|几年|几个|几天|几成)[钱元块个人天年]?$/.exec(clause);
    if (amount) {
      const words = [...segmenter.segment(amount[1]!)].filter((piece) => piece.isWordLike).map((piece) => piece.segment);
      const noun = words[words.length - 1];
      // (拿出来多少钱, 凑起来多少: a directional complement names no quantity; nor does a verb of
      // putting money up, 起码准备多少, 一年要投入多少.)
      if (noun && noun.length >= 2 && !vague.test(noun) && !directional.test(noun) && !providing.test(noun) && ![...noun].some((character) => /[的了吗呢是在有要会能可最至起一共总大概得]/.test(character))) phrases.add(noun);
    }
    // 用什么投票软件 / 用哪套系统: the tool asked about.
    const tool = /(?:用|选|装)(?:什么|啥|哪个|哪套|哪种|哪款)([\u3400-\u9fff]{2,6}?)(?:比较|好|方便|合适|呢|吗|$)/.exec(clause);
    // (用啥专门的票: the 票, one character, names no tool a section must name.)
    const named = tool?.[1]!.split("的").at(-1);
    if (named && named.length >= 2) phrases.add(named);
    // 报名时间是什么时候 / 什么时候开始申报: the event whose date is asked.
    const event = /([\u3400-\u9fff]{2})(?:时间|日期)是?(?:什么时候|啥时候|哪天|几号)$/.exec(clause) ?? /(?:什么时候|啥时候|何时)(?:开始|可以|能|才能)?([\u3400-\u9fff]{2})$/.exec(clause);
    if (event && !/[的了吗呢是在有]/.test(event[1]!)) phrases.add(event[1]!);
  });
  // 会长能领薪水吗 / 捐款能发奖金吗: pay asked about is the point; a section on the 会长's other duties
  // (two posts, age) does not answer it.
  // (A bare 合法吗 / 行吗 asks of the clause before it.)
  const asking = askingClauses(text);
  // (补贴 said of spending, 挣点钱补贴活动经费, is a verb: no pay is asked about.)
  const pay = /薪水|工资|报酬|奖金|补贴(?!(活动|经费|开支|运营|日常|家用|开销|支出))|津贴|劳务费|酬劳|薪酬|拿钱|领钱/.exec(asking.replace(/[吗么呢不没啊？?，,\s]/g, "").length <= 3 ? text : asking);
  if (pay) phrases.add(pay[0]);
  // 会怎么罚 / 罚多少 / 会被罚吗: the penalty is the point; a section that names none does not answer.
  // (Also when only the scene names it: 去年被罚过款，还能参加评估吗 needs the rule on those fined.)
  // (Not 会被罚吗 alone: whether trouble follows is answered by what does, a listing as well as a fine.)
  if (/罚/.test(text.replace(whetherPunished, ""))) phrases.add("罚");
  // 每年几号交 / 啥时候要报: when something is due; a section that says nothing of handing in does not answer.
  const due = /(?:什么时候|啥时候|几月几号|几号|哪天|何时)(?:要|得|该|需要)?(提交|报送|上报|交|报)/.exec(text);
  if (due) phrases.add(due[1]!);
  const words = [...segmenter.segment(text)].map((piece) => piece.segment);
  words.forEach((word, index) => {
    // 丢了 / 冻结了 / 被封了 followed by a how-question: the mishap is the point.
    if (words[index + 1] !== "了" || !/^[\u3400-\u9fff]{1,2}$/.test(word) || /[的是在有要会能没不就都也还过完好成到去来给对]/.test(word)) return;
    // 被民政发现了咋整: being found out asks what follows (a penalty), not how to undo a mishap.
    if (caught.test(word)) return;
    // 这都俩多月了，咋整 / 过去半年了咋办: time gone by is the scene, not a mishap.
    if (/[年月天日周岁久]$/.test(word)) return;
    const rest = words.slice(index + 2, index + 6).join("");
    if (/^[，,\s]*(怎么|咋|如何|怎样|该怎么|要怎么)/.test(rest)) phrases.add(`${word}了`);
  });
  return [...phrases];
}
