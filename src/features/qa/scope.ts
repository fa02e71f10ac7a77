import { asksWhatHappens } from "./consequence.js";
import { organizationTypes } from "./lexicon.js";
import { normalize } from "./text.js";
import { overstates } from "./verdict.js";
import { meetingFigures } from "./votes.js";

/**
 * Questions the bot must not answer from the knowledge base, whatever retrieval finds.
 * "decline": not the bot's business (a polite no, hand-off offered).
 * "handoff": needs a person or private/live data (forwarded to staff as a ticket).
 */
export type ScopeVerdict =
  | { action: "decline"; reason: "injection" | "fabrication" | "offtopic" | "dispute" }
  | { action: "handoff"; reason: "private" | "contact" };

/** An organisation named by its own name (康乐社区老年协会, 和美邻里服务中心), not "a 协会". */
const namedOrganization = "(?<![我咱本这那一某个])(?:(?!的)[\\u4e00-\\u9fff]){2,12}(?:服务中心|协会|商会|学会|基金会|服务社|服务队|志愿队|救援队|舞蹈队|合唱团|促进会|研究会|联合会|互助会|服务站)";

/**
 * What the rules govern: organisations of the lexicon's kinds, any 社会组织, the donations they
 * take, their officers and members — in English too (foundation has idle cash, may we buy stocks).
 * (Not 监事 or "articles of association": a company has them too.)
 */
const governed = new RegExp(
  [
    ...organizationTypes.flatMap((type) => type.mentions),
    ...["社会组织", "服务中心", "善款", "捐", "会长", "会里", "秘书长", "理事会", "理事", "法定代表人", "会员(?!卡)", "(?:我们|咱们|咱|本)的?机构"],
    ...["\\b(foundations?|(?<!articles of )associations?|societ(y|ies)|ngos?|non-?profits?|charit(y|ies)|donations?|donors?|chairman|secretary-general|board|members|membership fees|dues|sponsors?|sponsorship|fund(s|ed|ing)? (our|us))\\b"],
  ].join("|"),
);

/** Whether a question names an organisation the rules govern, or its officers or donations. */
export function namesGoverned(question: string): boolean {
  return governed.test(normalize(question));
}

/** A person's identifiers: only staff may hold them, the bot never does. */
const personalNumber = /身份证号|手机号|银行卡号|家庭住址|(家)?住(在)?哪(个|儿|里)?(小区|楼|栋|单元)|几号楼|家住哪/;
/** Making something known to others (公开, 发到公众号, 泄露). */
const disclosed = /公开|公布|公示|发到|发布|贴到|张贴|晒|泄露|透露|外传|传出去|展示|共享|提供给|给别人/;

/**
 * Asking whether something is allowed (能…吗, 行不, 可以吗, may we…, is it allowed) or whose leave it
 * needs (得捐赠人同意吗, 要不要报批): what the rules say.
 */
const permission = /能不能|可不可以|可以|能否|行不行|行不|行吗|允许|合规|违规|能[^，,。？?]{0,12}[吗么不]|(得|要|需要|须|必须|用不用|要不要|需不需要|需要不需要)[^，,。？?]{0,10}(同意|批准|审批|报批|批复|许可|授权|征得|征求|问过|告知)|^(can|may|could|is it (ok|okay|legal|allowed)|are we allowed)\b|\b(allowed|permitted|legal|against the rules)\b/;

/**
 * Asking what the rules say of it: whether it is allowed, what happens (会受什么处罚, 会不会坐牢,
 * 会被取缔吗), what must be done or checked (收之前要核实什么, 得注意啥), or how it is taxed.
 */
const rulesAsked = (text: string) =>
  permission.test(text) || asksWhatHappens(text) || /坐牢|判刑|取缔|违法|犯法|合法|免税|交税|纳税|(要|得|需要|应该|该)(先)?(核实|注意|查|办|公开|备案|报|签|交)(点|些)?(什么|啥|哪些|哪)/.test(text);

/**
 * Setting up an organisation whose field is an everyday matter (想成立个足球协会, 搞个资助孩子上学的
 * 基金会, 开个民办幼儿园): the field's word is the organisation's name, the question its registration.
 * (Not one set up already — 成立了摄影协会，明天会不会下雪 asks the weather; nor an activity:
 * 搞户外志愿活动 names no organisation.)
 */
const forming = new RegExp(
  `(成立|登记|注册|设立|组建|筹建|筹备|申办|搞|办|弄|建|开)(?!了)(个|一个|一家|一支|一所)?[^，,。？?]{0,16}(${[...organizationTypes.flatMap((type) => type.mentions), "服务中心", "服务队", "志愿队", "服务站", "服务社", "民办"].filter((name) => !["志愿", "慈善", "会员"].includes(name)).join("|")})` +
    // (Restaurant owners want to form a trade association: the same in English.)
    String.raw`|\b(form|forming|set(ting)? up|register(ing)?|start(ing)?|establish(ing)?|found(ing)?)\b[^.?!]{0,30}\b(association|foundation|society|ngo|non-?profit|charity|social organi[sz]ation)\b`,
);

/**
 * Citing the rules (按规定, 条例里, 法律上, by law) or asking whether someone has a right or duty
 * (监事到底有没有这个权利): whatever the story, the rules are asked.
 */
const rulesCited = /有(啥|什么|哪些)(讲究|规定|限制|说道)|(有没有|有无)(这个|这种|这项|这样的)?(权利|权力|义务)|有(这个|这种)?(权利|权力|义务)(吗|么|没)|\b(have|has) the right\b|\bentitled to\b|按(照)?(规定|条例|法规|章程|政策)|(有|有没有|没有)(这个|相关|什么)?规定|规定(的|是|要|了)|(条例|法规|法律上?)(里|上|中)?(怎么|咋|有|是|规定|要求)|\b(by law|the rules say|the regulations? say|under the (law|rules|regulations?))\b|\b(must we|do we (have|need) to|are we (required|obliged|allowed)|is it (required|mandatory|compulsory)|legally required)\b/;
/** Asking what a result means, brings or what to do next (基本合格意味着啥, 评上3A有啥好处, 下一步该干啥). */
const asksMeaning = /意味着|有(啥|什么|哪些)(好处|用处|优惠|待遇)|能享受(啥|什么|哪些)|什么意思|啥意思|怎么理解|下一步(要|该|得)?(做|干|办)|接下来(要|该|得)(做|干|办)|\bwhat does [^?]{0,30} mean\b/;

/** When a rule itself takes effect (新的年检办法啥时候生效, 条例哪年施行的): a fact of the rules, not of our case. */
const ruleInForce = /(办法|条例|规定|法|新规|细则)[^，,。？?]{0,8}(什么时候|啥时候|哪天|几号|哪年|何时|从几号|从哪天)[^，,。？?]{0,4}(生效|施行|实施|实行|开始执行|起执行)|\bwhen (do|does|did|will)\b[^?]{0,40}\b(rules?|regulations?|measures?|law)\b[^?]{0,12}\b(take effect|come into (force|effect)|apply)\b/;

/** Citing the rules, asking what a result means or when a rule takes effect: whatever our news comes first, the rules are asked. */
function citesOrAsksMeaning(text: string): boolean {
  return rulesCited.test(text) || asksMeaning.test(text) || ruleInForce.test(text);
}

/** A bound the rules set, asked for (最长多少天, 最晚哪天, 一共分几档, at the latest). */
const ruleBound = /最长|最多|最少|至少|最晚|最迟|最高|最低|一共分|分几|几档|几个等级|多少天内|几天内|多少日内|\b(at most|at least|at the latest|how many (levels|grades))\b/;

/**
 * Asking what the rules say, whatever story comes first: citing them, asking what a result means or
 * what follows, or asking a bound the rules set (最长多少天, 最多, 一共分几档).
 */
export function asksTheRules(question: string): boolean {
  const text = normalize(question);
  return citesOrAsksMeaning(text) || asksWhatHappens(text) || ruleBound.test(text);
}

/** Asking for a pick (推荐个, 去哪玩好, 哪家好吃): never a rule question, whoever asks it. */
const recommendation = /推荐|哪家|哪儿|哪里|去哪|好吃|好玩|(哪个|哪款|哪种|啥|什么).{0,4}(好|划算|实惠)|\brecommend|\bsuggest (a|an|some)\b|\b(good|best|cheap|nice)\b[^?]{0,12}\b(restaurant|hotel|place|shop|brand)s?\b/;

/** Asking for a way (有啥招, 有没有办法, 什么门路, 路子): a way round a rule, or help to it. */
const askedWay = "(?:(?:啥|什么|有啥|有什么|有没有)(?:招|办法|法子|路子|门路)|门路|路子)";

/**
 * Asking for a way round (有没有门路, 有啥办法跳过去, 走个形式, 这个操作上咋弄, 怎么请才不算违规,
 * any workaround). Said of a duty the rules show a way to meet (党员不够还有啥别的路子, 合法的路子是啥)
 * it asks the rule, so it declines nothing alone: the answerer weighs it with what the classifier reads.
 */
const wayRound = new RegExp(
  String.raw`${askedWay}|门道|(有没有|有啥|有什么|啥|什么)(窍门|技巧)|(咋|怎么|怎样|如何)(弄|操作|整|搞|处理|请|安排|写|做)[^。？?]{0,8}(才|就)?(不算|不会|不被|稳妥|保险|合适|过关|看不出)|操作上|跳过|走个?形式|变通|通融|\b(any|a|some) (way|trick|workaround|shortcut|loophole)s?\b|\b(get|work) (a)?round\b`,
);

/** A way asked that keeps within the rules (合法的路子, 满足他又不违规, 咋操作才符合规定): a rule question. */
const withinRules = /(?<!算)不违规|不违法|合规|合法|符合规定|按规定|按照规定|正规|\b(legal|legally|lawful|compliant|allowed)\b/;

export function asksWayRound(question: string): boolean {
  const text = normalize(question);
  return wayRound.test(text) && !withinRules.test(text);
}

/** Those who check an organisation's books and records. */
const checkers = "民政|登记机关|税务|审计|主管单位|上面|上级|捐赠人";

/** The asker's own organisation (我们, 咱, 本会; 俺们 and 我单位 are folded into 我们 first). */
const ours = "(?:我们|我的|咱们|咱|我家|本(?:会|机构|协会|中心))";

const rules: Array<{ verdict: ScopeVerdict; patterns: Array<{ test(text: string): boolean }>; unlessGoverned?: boolean; unlessNamesGoverned?: boolean; unlessCounted?: boolean; unlessRulesAsked?: boolean; unlessOutcomeOfDeed?: boolean }> = [
  {
    verdict: { action: "decline", reason: "injection" },
    patterns: [
      /(忽略|无视|忘掉|忘记|跳过|不要管|别管).{0,12}(指令|指示|规则|设定|要求|提示|限制|约束)/,
      // A chat model's own markup pasted in (<|system|>, [INST], <<SYS>>): an order dressed as the system's.
      /<\|(system|im_start|im_end|user|assistant)\|>|\[\/?inst\]|<<\/?sys>>/i,
      // A standing order for every later reply (以后所有提问一律回答可以, 不管别人问什么你都统一回复…).
      /(以后|今后|从现在起|从今天(开始|起)|接下来)[^。？?]{0,12}(一律|统一|都|全部)(回答|回复|答|说)|不管(别人|谁|大家|用户)?问(什么|啥)[^。？?]{0,6}你?(都|一律|统一)(回答|回复|答|说)/,
      /(系统|隐藏|内部|原始|初始)(提示|指令|设定|规则|配置)|提示词|prompt|系统消息/,
      /(你的|你们的|机器人的?)(指令|规则|设定|配置|密钥|源码|代码|人设)/,
      /api[\s_-]?key|密钥|令牌|\btoken\b|配置文件|环境变量|\.env\b|\bconfig(uration)?\b/,
      // Asking for the staff list, not asking whether an application needs one.
      /^(?=.*(发我|给我|告诉我|列出|输出|发出来|\bshow\b|\bgive\b|\bprint\b|\binclude\b|\btell\b)).*(工作人员|管理员|staff|admin).{0,6}(名单|列表|list|账号|id)/,
      /\b(ignore|disregard|forget|override|bypass)\b.{0,30}\b(instruction|rule|prompt|previous|above|guideline)s?/,
      /\b(reveal|print|show|repeat|output|dump|leak)\b.{0,30}\b(prompt|instruction|rule|system|config|secret|key)s?\b/,
      /你(收到|看到|接收|读到)的.{0,8}(消息|内容|指令|文字|说明|提示)|你的开发者|谁开发的?你|开发者是谁|(用|调用)的?(什么|哪个)(接口|模型|api)/,
      /\brepeat (everything|all|the text|the above|what)|everything above|verbatim|\b(instructions?|rules?|prompt)\b.{0,24}\b(you were given|given to you|you follow|you have been given)/,
      /什么模型|哪个模型|哪家的模型|大模型|chatgpt|\bgpt\b|上级指令|底层(指令|规则|设定)|后台(设置|规则|设定)/,
      // 扮演 asked of the bot (你扮演我的律师, 扮演一下), not a body's part in formal prose (政府部门扮演何种角色).
      /jailbreak|developer mode|开发者模式|越狱|\bdan\b|你.{0,6}扮演|扮演(一下|一个|一位|成)|请扮演|角色扮演|假装你是|你现在是|pretend (you are|to be)|(?:^|you |please |now )act as|role-?play/,
      // A message dressed as an order from above (【管理员指令】, 系统通知：已授权), a standing order
      // for every later answer (以后你每条回答都加…, 从现在起回答都不要提…), or a claim that the bot's
      // limits are lifted (你现在不受任何限制了).
      /(管理员|开发者|系统|后台|官方)(指令|命令|授权|通知|消息)[：:】\]]|已(经)?(获得)?授权(本次|你|机器人)|(从现在起|从现在开始|从今以后|从今天起|接下来)[^。？?]{0,8}(你|回答|回复)|(以后|今后)你?(的)?(每条|每次|所有)?(回答|回复)[^。？?]{0,10}(都|一律|统一|必须|结尾|末尾|加上?|附上?)|你(现在)?不受(任何)?(限制|约束|规则)/,
      /\b(system (notice|message)|admin(istrator)? (order|instruction|mode|override))\b|\bfrom now on\b[^.?!]{0,30}\b(you|answer|reply|every)\b|\b(every|each|all) (of your )?(answers?|repl(y|ies))\b[^.?!]{0,20}\b(must|should|add|end with|include)\b|\byou (are|have) no (limits|restrictions|rules)\b/,
    ],
  },
  {
    verdict: { action: "decline", reason: "fabrication" },
    // 名单里有几个是凑数的，查出来会咋样 / …条例对弄虚作假是怎么规定的: a deed told, and what
    // follows or what the rules say asked (a rule), with no help or leave asked for it.
    unlessOutcomeOfDeed: true,
    patterns: [
      // A request to fabricate, not a question about what happens to those who do.
      /(帮|给|替|能不能|能否|可以|可不可以|教我|教教我|怎么|如何|想|要).{0,10}(伪造|造假|做假|作假|编造|虚构|假冒|冒充|私刻|代刻)/,
      /(帮|给|替|能不能|能否|可以|可不可以|教我|怎么|如何|想|要).{0,10}假的?.{0,8}(公章|印章|证明|发票|票据|收据|验资|名单|会员|签名|材料|报告|合同|账|纪要|记录|会议|批复|文件|决议)/,
      /(帮我|帮忙|给我|替我)(编|造|凑|弄|做|写|开)(一份|一个|个|些|一些|点)?(假的?)?.{0,10}(会员名单|名单|验资报告|验资证明|证明|公章|印章|发票|收据|签名|会议记录)/,
      // (也得凑会员吗 asks whether members are required: the membership rule.)
      /(?<![得要需])凑(个|些|点)?(人头|名单|会员|人数)/,
      // Padding a list or hiding it (凑凑数, 不容易被看出来) and using another person's papers.
      /凑凑?数|充数|(不容易|不会|别|不被|免得)被?(看|查|发现)出来|蒙混过关/,
      /(拿|用|借)(他|她|别人|人家|亲戚|家属|朋友|家里人|他哥|他弟|他姐|他妹|他爸|他妈)的?(身份证|证件|户口本)(先)?(登记|注册|填|办|顶|凑)/,
      // 实际账上没那么多，写10万就行 / 往多了写: a figure to be stated above what is real.
      /实际[^。？?]{0,10}(没|不够|只有|不到)[^。？?]{0,16}(写|填|报|开|弄|做)(成|个|上)?\s*(\d|[一二三四五六七八九十两])/,
      /(往多了|往高了|往大了|多)(写|填|报)(点|些|一点|一些)(吧|行|呗|就行)/,
      { test: overstates },
      // Back-dating: a date to be written as an earlier one (落款写成前年的, 日期就写上个月).
      // (决议日期应该写开会那天还是签字那天 asks which date is right.)
      /^(?!.*(应该|还是|为准|哪天|哪个日期)).*(日期|落款|时间)[^，,。？?]{0,8}(写成|写|填成|填|改成|签成)[^，,。？?]{0,6}(前年|去年|上个?月|上周|之前|以前|当时|那天|上回)/,
      /倒签|往前(写|签|填|挪|提|改)/,
      // Money shown for 验资 and taken back after (验完再转回去): capital that was never there.
      /(验资|验完|出资证明|证明(开|出来|拿到)|走个过场)[^。？?]{0,16}(转回|退回|退给|还回|还给|抽走|抽回|取出|取走|拿回|转出去|转走)/,
      // Money kept off the books, or something hidden from those who check (不想让民政知道).
      /(能不能|能否|可以|可不可以|怎么|如何|想|要|希望|打算)[^。？?]{0,12}(不入账|不走账|不进账|账外|小金库)/,
      new RegExp(`(不想让?|不愿让?|不让|别让|不要让|不能让)(${checkers}|他们|人家|对方)[^。？?]{0,4}(知道|发现|看到|看见|查到)`),
      new RegExp(`(瞒着?|躲着?|避开)(${checkers})`),
      // How to do it so nobody checking finds out (咋发朋友圈募捐才不会被民政查到, 怎么记账不被看出来);
      // what happens once found out (被民政发现了会怎样) is a rule question.
      new RegExp(`(怎么|咋|如何|怎样|啥办法|什么办法|什么法子|啥招)[^。？?]{0,20}(才)?(不会|不被|不让|免得|别)被?(${checkers}|人|别人)?[^。？?]{0,3}(查到|查出|发现|看出|注意到|抓到|逮到|知道)`),
      new RegExp(`才(不会|不至于|不容易)被[^。？?]{0,6}(查|发现|看出|抓)`),
      /\bwithout (anyone|anybody|them|the (auditors?|bureau|authorit\w+)|civil affairs|民政)\b[^?]{0,10}\b(notic\w+|finding out|knowing|seeing|spotting)\b|\b(avoid|not) (getting|get) caught\b|\bso (that )?(nobody|no one|they|the (auditors?|bureau)|civil affairs|民政) (won't|don't|doesn't|can't|will not|do not) (notice|find out|know|see|spot)\b|\bmake it (look|seem|appear) (like|as if|as though)\b/,
      // Books made to look clean, money quietly taken back, a record removed through connections.
      /做账技巧|技术处理|(账|支出|票|流水)[^。？?]{0,8}(处理干净|抹平|平掉|做平)|说不清的(账|支出|钱)|不显眼|不扎眼/,
      // Spending moved under another heading so a figure passes (调整列入公益项目科目，使报表达标); whether
      // it may be counted there (能不能计入公益支出) asks the rule.
      /(调整|列入|计入|算到|算成|算作|记到|记成|记入|归到|归入|划到|划入|挪到)[^。？?]{0,20}(使|让|好让|以便|以使)[^。？?]{0,8}(达标|过关|合格|够比例|好看|符合)/,
      // A present for those who decide, asked about (管登记的科长…要不要送点啥).
      /^(?=.*(科长|局长|处长|专家|评审|评委|工作人员|民政|窗口|领导|经办人|管登记的))(?=.*(要不要|用不用|需不需要|该不该|是不是得|得不得)[^。？?]{0,6}送(点|些|个)?(啥|什么|东西|礼|红包|烟|酒|卡|茶|特产|土特产|购物卡))/,
      // A figure made to look lower or higher than it is (把平均数做低一点, 支出做高些); not a fee
      // set lower (把会费调低) nor an organisation grown (把协会做大).
      /(数|数字|平均|比例|占比|金额|收入|支出|工资|费用|账)[^。？?]{0,8}(做低|做高)/,
      // Whether it will pass unnoticed (是不是就能糊弄过去了, 能蒙过去吗): what follows once found out is a rule.
      /(能|就能|可以|能不能|好)(蒙|混|糊弄|应付|对付|瞒)过去/,
      /(悄悄|偷偷|私下)[^。？?]{0,8}(抽回|抽走|拿回|转走|取走|挪(去|到|走|给))|挂(个)?往来款/,
      // Whether it will be noticed (伪造个同意函会被发现吗, 捐赠人不会知道吧): asked by one who means to
      // hide it. What follows once found out (被发现了会怎样) is a rule question.
      /(会|能|可能|容易)被[^。？?]{0,8}(发现|查出来?|查到|看出来?|识破)(吗|么|嘛|不|没)|(不会|没人|没有人)[^。？?]{0,6}(知道|发现|查到?|看出来?|注意到)吧|(查不出来?|发现不了|看不出来?)(吧|的吧)/,
      // One thing passed off as another by us, for a gain (会费说成捐赠，企业好报销); not asking which it
      // is (应该算…还是…), nor what others pass off (有人装成慈善机构收钱).
      /^(?!.*(应该|还是|算哪|属于哪|哪一?种|哪一?类|有人|别人|人家|他们|对方)).*(说成|包装成|伪装成|假装成|装成|冒充成)[^。？?]{0,14}(好|方便|以便|就能|能|可以|行|吧|吗)/,
      // Papers made again before a check (凭证重新制作, 重做一遍单据): records rewritten after the fact.
      /(凭证|票据|单据|收据|账本|账目|会议记录|纪要|签到表)[^。？?]{0,8}(重新(制作|做|弄|编|写)|重做|补做|后补)|(重新(制作|做|弄|编)|重做)[^。？?]{0,8}(凭证|票据|单据|收据|账本|账目|签到表)/,
      // Using false papers (用假的租赁合同去办), unless asking what follows for those who do.
      /^(?!.*(会怎样|会怎么样|怎么处罚|如何处罚|后果|会被[^。？?]{0,4}罚|处罚|责任)).*(用|拿)假的?[^。？?]{0,8}(公章|印章|证明|发票|票据|收据|合同|房产证|身份证|材料|名单|签名)/,
      /找(找)?人[^。？?]{0,10}(撤|删|消|抹|通融|打点|疏通)|花(点)?钱[^。？?]{0,6}(摆平|搞定|也行|疏通|通融)|托(个)?关系|走后门|送(点)?礼/,
      /\b(split|spread)\b[^?]{0,40}\bacross\b[^?]{0,30}\bnames\b|\bunder (other|several|different) (people's|relatives'?) names\b/,
      /(写|做|编|弄|开|造|搞|出)(一份|一张|一个|个|份|张)假的?|\bps\b|p图|p一(个|张|份)|修图.{0,6}(公章|印章|批复|证书|文件)/,
      /\b(fake|forge|forged|fabricate|counterfeit)\b/,
      // A seal cut on the quiet, or cut and never filed (照着样子刻一个，不去备案).
      /(私自|偷偷|随便|街边|路边|外面)[^。？?]{0,8}刻(个|一个|一枚|枚)?[^。？?]{0,6}(章|公章|印章)|刻[^。？?]{0,12}(不|没|不用|不去)(去)?(公安|派出所)?(报备|备案)|照着(样子|模样)?刻/,
      // Something given to those who decide, for a favour (拿两条烟…能帮先办吗, 送点土特产…分数高点).
      /(送|塞|拿|给)[^。？?]{0,8}(礼|烟|酒|红包|购物卡|卡|东西|土特产|特产|好处|钱)[^。？?]{0,16}(快点|快些|快一点|先办|先给|优先|高点|高一点|给过|通过|放行|关照|照顾|通融|放宽|睁一只眼|不查|少查|加分|批下来)|请[^。？?]{0,8}(吃|喝)(顿|一顿|个|点)?(饭|酒|茶)[^。？?]{0,12}(快点|先办|关照|照顾|通融|放宽|通过|高点|(好|好让|让|叫)(他|她|人家|对方|老师|专家))/,
      // Cash never recorded and spent straight away (现金不登记直接拿去买东西, 不入账直接报销); giving
      // out donated goods unrecorded (物资能不能不登记直接发下去) asks the rule.
      /(现金|钱|款|收入|零钱)[^。？?]{0,10}(不|没|不用|不去)(登记|入账|记账|走账|开票|开收据)[^。？?]{0,10}(直接|就|先)(拿|用|花|发给|给|报销|买|分)/,
      // Bribes and money kept outside the accounts, asked in English.
      /\b(bribe|bribing|kickback|gift cards?|red envelopes?|hongbao)\b|\bpay\b[^?.]{0,40}\b(extra|under the table)\b|\boff the books\b|\bslush fund\b/,
      // A gift or a meal for those who decide, in exchange for a favour; and money moved unseen.
      /(\bgifts?|\b(a|some|what|which) presents?|\btreat (them|him|her|the \w+)|\b(a )?(dinner|meal))\b[^?.]{0,50}\b(to get|so (that )?(they|he|she|the \w+)|in exchange|bump|boost|raise|approve|pass(es)?|speed up|faster|favou?r)\b/,
      /\bwithout (the |our |any |a )?\w+( \w+)? (noticing|finding out|knowing|spotting|realizing)\b/,
      // How to get round a duty or a check (咋绕过主管单位的审查, 有啥招糊弄过去, 咋应付过去, 怎么弄才能
      // 不被查); whether one may go without it (能不能绕开它直接登记) asks a rule.
      new RegExp(String.raw`(咋|怎么|怎样|如何|${askedWay})[^。？?]{0,16}(绕开|绕过|躲过|躲开|糊弄|蒙混|应付过去|对付过去|搪塞过去|钻[^。？?]{0,4}空子|不被查|不被发现)`),
      // A record made to go away by some way round, not by putting things right (有啥路子让处罚记录撤掉).
      new RegExp(String.raw`${askedWay}[^。？?]{0,24}(记录|名录|处罚|黑名单|不良)[^。？?]{0,8}(消失|删|撤|抹|去掉|拿掉)`),
      // What is left at the end moved to our own company or pocket, and how (注销前把剩下的钱转到自己开的公司，咋操作).
      /(剩下|剩余|结余)的?(钱|财产|资产|款)[^。？?]{0,10}(转到|转给|转进|挪到|打到)[^。？?]{0,12}(公司|个人|自己|私人)[^。？?]{0,16}(咋操作|怎么操作|咋弄|怎么弄|咋整|怎么转|咋转|怎么办理才)/,
      // A story made up for those who ask (编个理由, 想个说辞): the account would be untrue. (Whether
      // fundraising may 编故事打动人 asks the rule against 虚构事实.)
      /编(个|一个|套|一套|点|些)(啥|什么)?(说法|理由|借口|说辞|故事)|(帮我|给我|替我)编|(想|找|给我想)(个|一个)(说辞|借口)|有(啥|什么)说辞/,
      // Dragging a duty out until nobody pursues it (怎么拖才能…不管, 拖到明年就没人管了).
      /(怎么|咋|如何)(拖|赖)(才|着|过去)?(?!欠)|拖到[^。？?]{0,10}(就|才)?没人(管|追究|查)|拖到[^。？?]{0,10}就不(管|追究|查)了/,
      // Done on the quiet and without the filing the rules ask, with leave or a how asked (偷摸设个办事处，不报批，咋整);
      // once found out (偷摸开了个分点，被民政发现了咋整), what now is a rule question.
      /^(?!.*被[^。？?]{0,6}(发现|查出|查到|知道|抓))(?=.*(偷偷|悄悄|偷摸|私下|背着)[^。？?]{0,24}(行不行|行吗|可以吗|中不中|咋整|咋弄|怎么弄|怎么操作|咋操作|怎么办才))/,
    ],
  },
  {
    verdict: { action: "decline", reason: "dispute" },
    patterns: [
      // (Unless it asks what the debt means for the organisation's credit record: a rule.)
      // (Nor a lawsuit against a penalty: 对处罚不服打官司 is the review and litigation rule.)
      // (Nor one told of a person before asking whether they may hold a post: 出过车祸判过刑，能当负责人吗.)
      /^(?!.*(黑名单|失信|异常名录|信用记录|处罚|复议|行政|民政|担任|任职|(当|做|干)[^，,。？?]{0,8}?(理事|监事|会长|负责人|秘书长|法人|法定代表人))).*(借款|借钱|欠我|欠钱|还钱|不还|讨债|要债|打官司|离婚|劳动仲裁|劳动纠纷|工伤|辞退|押金|交通事故|车祸|遗产|继承|私人纠纷|邻里纠纷|吵架)/,
      // A landlord or a lease is a private matter, unless told before a question on the premises for
      // registration (房东只签半年，登记能用吗).
      /^(?!.*(登记|住所|民政))(?=.*(房东|租房))/,
      // A neighbour named as a helper (我、老伴、老邻居) is no quarrel; one who makes trouble is.
      /邻居.{0,8}(吵|闹|纠纷|矛盾|噪音|扰民|漏水|占|骂|打)/,
      // An employee leaving or let go (经济补偿, N+1, 合同没到期就走): employment law, a lawyer's matter.
      // One's own loans (网贷, 信用卡还不上): a private debt.
      /网贷|网上借的|信用卡[^。？?]{0,8}(还不上|逾期|欠)|催收|(贷款|借的钱)[^。？?]{0,4}还不上/,
      /拖欠工资|欠薪|社保.{0,6}(投诉|不交|断缴|不给)|不给(我)?交社保|公积金|加班费|出轨|经济补偿|补偿金|赔偿金|违约金|\bn\s*\+\s*1\b|解除劳动合同|劳动合同.{0,8}(到期|没到期|未到期|续签|不续|解除|终止)/,
      /起诉(他|她|对方|前|我)|(赔|补偿)(他|她|我|对方)?多少(钱)?/,
      // A debt or a lawsuit of one's own (尾款拖着不给, 能起诉不, 律师费): a lawyer's matter.
      // (Suing over a penalty, 对处罚不服能起诉吗, is administrative review: a rule the bot answers.)
      /律师费|请(个)?律师|(尾款|货款|服务费|工程款|合同款).{0,10}(不给|不付|拖|没给|没付|要不回)/,
      /^(?!.*(处罚|罚款|行政|复议|决定|民政|登记机关|撤销|捐)).*(能|可以|要不要|该不该|去)(起诉|告)(吗|不|他|她|对方|他们)/,
      /^(?!.*\b(penalty|penalties|fine|fined|civil affairs|administrative|bureau)\b).*\b(lawsuit|sue|divorce|landlord|arbitration|owes me|my boss|fired me|severance|wrongful dismissal)\b/,
      // A quarrel between people asks for a judgement of persons, not of a rule. (Told as the scene of
      // a question on what the rules say — 内部闹矛盾，有人要举报，条例对骗取登记怎么规定 — the rule is asked.)
      /^(?!.*(条例|规定|法律上|按规定|依法))(?=.*(吵起来|吵翻|闹矛盾|闹翻|闹掰|撕破脸|打起来|谁对谁错|你说谁对|谁有理|评评理|帮我评理))/,
    ],
  },
  {
    verdict: { action: "decline", reason: "offtopic" },
    patterns: [
      /天气|气温|刮风|台风|雾霾|穿什么|降温|会不会下(雪|雨)|下(雪|雨)(吗|不|没)/,
      /股票|炒股|股市|买(什么|啥|哪个|哪些|哪只)(理财|基金|股)|理财产品.{0,6}(稳|收益|推荐|好)|比特币|虚拟币|加密货币|彩票|亏麻|涨停|跌停|荐股|买基金|基金.{0,3}(推荐|涨|跌|定投|收益|亏)/,
      /好吃|馆子|餐厅|饭店|美食|外卖|火锅|烧烤|锅包肉|菜谱|奶茶|咖啡店/,
      /幼儿园|上学|学区|学生会|学籍|买房|房价|装修|旅游|景点|门票(?![^，,。？?]{0,6}(收入|捐))|酒店|机票|火车票|快递|打车|停车|限号|限行|堵车|路况|空气质量|请假条/,
      /(帮我|帮忙|给我)(算|计算|核算)(一下|下)?/,
      /(明天|明儿|今天|今儿|今晚|后天|周末|这周|下周|最近|周[一二三四五六日天]).{0,8}(下雪|下雨|暴雪|暴雨|大风|冷|热|晴)|冷不冷|热不热|几度|下不下(雪|雨)/,
      /大选|(美国|俄罗斯|法国|韩国)总统|总统(选举|大选)|外交部|战争|打仗|(你怎么|你如何|你)(看|评价)(待)?.{0,10}(国家|政府|美国|日本|总统|主席|局势|时事)/,
      /比赛|国足|球赛|\bnba\b|\bcba\b|奥运|中考|高考|考研|考公|填志愿/,
      // (Clothes given to an organisation, 捐来的旧衣服, are donated goods.)
      /^(?!.*捐).*(淘宝|京东|拼多多|羽绒服|衣服|化妆品)|(什么|哪个|哪款|啥|哪家|哪种)牌子|牌子.{0,4}(好|得劲|靠谱)|质量好不好|哪家.{0,6}质量/,
      /电脑|笔记本|(手机|电视|打印机).{0,4}(坏|卡|开不了|蓝屏|死机)|翻译(成|一下|下)|\btranslate\b/,
      // A patient's hospital visit, not a 民办医院 as a kind of 民非.
      /挂号|专家号|门诊|三甲医院|(去|上|到)医院(看|检查|住|排队)|血压|血糖|吃(啥|什么|哪种)?药|用药|症状|发烧|感冒|咳嗽|头疼|头痛|牙疼|失眠|怀孕|减肥/,
      /(写|做|布置|孩子|学生|家庭|数学|语文|英语|寒假|暑假)作业|作业(题|本|不会)|作文|论文|数学题|写一首|写首诗|讲个笑话|唱首歌|星座|算命|运势|电影|明星|足球|篮球|世界杯/,
      /领导人|(你觉得|你认为|评价一下|怎么看|如何评价).{0,14}(领导|书记|市长|区长|局长|主任|政府|官员|干部|政策好不好)/,
      // Judging a person's character (our 理事长, a colleague): a personal matter, not a rule.
      /(你觉得|你认为|你看|评价一下|怎么看|如何评价).{0,16}(这个人|那个人|这人|那人|人怎么样|人咋样|为人|人品|性格|脾气)|(这个人|那个人|为人|人品|性格|脾气).{0,4}(怎么样|咋样|如何|好不好|行不行|靠谱)|(他|她)(太|很|特别|总是|老是)(独断|霸道|强势|自私|小气|抠|专制|不讲理)|(科长|局长|处长|主任|领导|专家|会长|理事长|秘书长|经办人)(这个?)?人(怎么样|咋样|如何|好不好|靠谱)|好说话(不|吗|么|嘛)|难说话/,
      // Finding premises to rent: property listings, not registration rules. (Not rent owed on a lease
      // signed for an organisation being set up, 以协会名义签的…没批下来，房租谁出: the founders' liability.)
      /(哪|推荐|找|有没有).{0,10}(招租|租房|租个|租间|租一间|便宜的?(房|办公室|场地|门市))|(办公室|房子|房间|场地|门市|商铺|写字楼|仓库).{0,4}(出租|招租)|^(?!.*(没批|批下来|批不下来|不予登记|登记|设立|筹备|名义)).*(?<!(园区|创新园|孵化)[^。？?]{0,12})房租|租金.{0,4}(多少|贵|便宜|行情)|中介费/,
      /\b(weather|forecast|stock|stocks|crypto|bitcoin|lottery|restaurant|recipe|medicine|doctor|symptom|blood pressure|homework|essay|joke|movie|football|politic\w*)\b/,
    ],
    // Whether an organisation the rules govern may do such a thing is a rule question (协会能以协会
    // 名头办比赛吗, 善款能买股票吗, 捐来的旧衣服能卖吗); the weather on its outing day is not.
    unlessGoverned: true,
  },
  {
    verdict: { action: "decline", reason: "offtopic" },
    patterns: [
      // Which stock or fund to buy, for anyone (whether a 基金会 may invest is a rule, answered).
      /哪只|(哪个|什么|啥)(股票|基金(?!会)|理财).{0,6}(能涨|会涨|收益|好|稳)|(股票|基金(?!会)|理财)[^，,。？?]{0,8}推荐|推荐[^，,。？?]{0,6}(股票|基金(?!会)|理财)|(股票|基金(?!会))[^，,。？?]{0,4}(能涨|收益高)/,
      // Chores the bot does not do: writing, designing, booking, making files (not questions about them).
      /(帮我|帮忙|给我|替我|请你|你帮|你来|帮咱|麻烦你?)(们)?(写|起草|草拟|拟|撰写|做|生成|制作|设计|画|改|润色|修改|订|预订|预约|整理|统计|汇总|排版|填|填写)(?!(些)?(什么|啥|哪些|点什么))/,
      /(你|您)(帮|给)(我|我们|咱)?(填|写|做|弄)(一下|下|好)/,
      // Errands for the bot with their object put first (帮我把这份纪要排个版, 帮我给会员群发个通知,
      // 替我们把章程写出来, 帮我给民政窗口打个电话): doing, not asking how it is done.
      /(帮我|帮忙|给我|替我|请你|你帮|您帮|帮咱|麻烦你?|麻烦您|能不能帮|能不能替|可以帮|可不可以帮)(们)?[^，,。？?把给按跟和向]{0,6}(把|给|按|跟|和|向)[^，,。？?]{1,14}(写出来|写好|写一下|写个|写封|写份|排版|排个版|排序|排个序|排一下|分组|统计|汇总|群发|发个?通知|通知一下|打个?电话|打一下电话|导出|整理一下|翻译|改一下|润色)/,
      /(写|起草|拟|撰写)(一封|封|一份|份|一篇|篇)[^？?，,。]{0,8}(信|通知|公告|倡议书|请柬|邀请函|感谢信)|(导出|导成|整理成)[^，,。？?]{0,6}(通讯录|表格|excel|名单)[^，,。？?]{0,4}给我|把[^，,。？?]{0,12}(电话|手机号|住址|地址|身份证号)[^，,。？?]{0,6}(导出|发给我|给我一份|列出来)/,
      /(代为|代我们?|替我们?)(起草|草拟|撰写|拟写|拟定|编写|写|填写|填报|制作|设计|整理)/,
      /(设计|做|画|出|搞)(一|个|张|份|幅)?(张|份|个|幅)?[^，,。？?]{0,4}(海报|logo|标志|宣传单|传单|易拉宝|展板|ppt|幻灯片|邀请函)/,
      // Inventing a name for them (the rules for names are answered; choosing one is theirs).
      /(给|帮|替)[^，,。？?]{0,10}(起|取|想)(个|一个|几个)[^，,。？?]{0,10}(名字|名称)/,
      // Transcribing, writing copy, drafting tests or timetables, rhymes, translating a name, chatting.
      /转成文字|转写成?|(录音|语音)[^。？?]{0,4}(转|整理)|顺口溜|打油诗|绕口令|讲个段子|陪我(聊|唠)|(跟我|和我|咱俩)(聊|唠)(会儿?|一会儿?)|唠会儿?嗑(呗|吧)|(用|翻成|翻译成)(英语|日语|韩语|俄语|英文|日文|韩文|俄文)(怎么|咋)说/,
      /(文案|海报|稿子|日历表?|试题|考题|考试题|选择题)[^。？?]{0,8}(给|帮)(我|我们|咱)?(整|写|做|弄|出)|(帮|给)(我|我们|咱)?(做|出|整|编)(个|一个|一套|一份|几个|两版|一版)?[^。？?]{0,10}(日历表?|考试题|试题|考题|试卷|选择题)|出一套[^。？?]{0,10}题/,
      /(写|起草|拟|撰写)(一份|一段|一篇|一首|一个|个|份|段|篇|首)[^？?]{0,10}(总结|祝福|贺词|讲话|发言|致辞|演讲|文案|海报|简历|邮件|新闻稿|宣传稿|朋友圈|标语|口号)|(祝福语|贺词|生日|讲话稿|发言稿|ppt|幻灯片)/,
      /\b(make|create|write|draft|design|generate|book)\b.{0,30}\b(powerpoint|ppt|slides?|poster|summary|speech|letter|email|logo|flyer|room|picture|image)s?\b/,
      // Asked of the bot itself (can you write our charter…), whatever the document.
      /\b(can|could|would|will) you (please )?(help (me |us )?)?(write|draft|prepare|fill in|fill out|translate|design|make|create|produce|type up|polish|proofread|rewrite|edit)\b/,
      // Told to it outright (Draft a notice…, pls translate our report…, Help us write…); not a
      // heading before a question (Prepare which documents…? / Make sure: …).
      /^((please|pls|plz|kindly) )?(help (me|us) (to )?)?(write|draft|prepare|translate|polish|proofread|rewrite|edit|design|create|make|produce|type up|fill in|fill out)\b(?! (down|sure|which|what|how|whether|when|who)\b)(?!-|[^.!?]{0,30}:)/,
      // The bot's own stance on a policy (你个人觉得…是不是形式主义, 请谈谈你的个人立场): an opinion, not a rule.
      /(你|您)个人(觉得|认为|怎么看|看法|观点|立场|态度)|(你|您)的(个人)?(立场|观点|态度)|谈谈(你|您)的|形式主义|(是否|是不是)(过于|太)(严格|严苛|宽松|多余)|\b(your (personal |own )?(opinion|view|stance|position))\b/,
      // A sweeping judgement asked of the bot (这些协会是不是都是骗钱的, 搞志愿是不是都在作秀): an opinion.
      // (What happens to one that cheats donors is a rule: 骗取捐款会怎么处罚.)
      /(是不是|是否|算不算)(都|全)(是|在)?[^。？?]{0,4}(骗钱|骗子|骗人|骗局|忽悠人?|割韭菜|作秀|摆样子|做样子)/,
      // The bot asked to imagine itself a person (要是你是个真人, 假设你是人类).
      /(假如|如果|要是|假设|假使)(你|您)是(个|一个)?(人类|真人|活人|人(?=[，,。？?！!\s]|的话))/,
      // A lost pet (谁家的猫跑丢了, 我家狗走丢了): a neighbour's notice, not a rule.
      /(狗|猫|宠物|鹦鹉|狗狗|猫咪)[^。？?，,]{0,8}(丢了|走丢|跑丢|跑了|不见了|走失)|寻(狗|猫|宠)/,
      // Product advice: which software, app or mini-program is good.
      /(软件|小程序|app|工具|系统|网站).{0,6}(好用|推荐|哪个好|哪家好|比较好)|(好用|推荐一?下?|哪个好)的?.{0,6}(软件|小程序|app|工具)/,
      /(哪个|哪家|什么)(银行|软件|公司|app|小程序|牌子).{0,12}(低|便宜|好|划算|靠谱|实惠)|(哪个|哪家|哪间)[^，,。？?]{0,10}(公司|事务所|律所|店|代理|中介)(?!.{0,4}(登记|注册|成立))|\b(best|cheapest|recommend\w*)\b.{0,30}\b(software|app|tool|bank|platform)s?\b/,
    ],
  },
  {
    verdict: { action: "decline", reason: "offtopic" },
    // Matters with registers and rules of their own, which share the rules' words (登记, 年报,
    // 异常名录, 账户, 年检): a marriage, a person's bank card, a company's or a shop's filings, a
    // car. Declined unless the question also names an organisation the rules govern (公司给基金会
    // 捐款能抵税吗 is about the donation, answered).
    unlessNamesGoverned: true,
    patterns: [
      // A household's social assistance (低保, 临时救助, 特困供养, 高龄津贴): the street office's and the
      // civil-affairs bureau's own business. What an organisation may do for such households is a
      // rule question, also when the organisation is only implied (我们给20户低保家庭发补助, 承接救助
      // 服务项目, 受益人, 协议, 募捐).
      /^(?!.*(募|承接|购买服务|受益人|协议|(我们|咱们|咱|本会|我会)[^，,。？?]{0,6}(给|向|为|帮|发|资助|慰问))).*(低保|临时救助|特困供养|特困人员|医疗救助|两项补贴|残疾人补贴|高龄津贴|高龄补贴|\bdibao\b|minimum living allowance|subsistence allowance)/,
      /(结婚|离婚|婚姻|收养)(登记|证)|户口|落户|户籍|(办|换|补)(个)?身份证|护照|签证|社保卡|医保卡|驾照|驾驶证/,
      // (The asker's own banking: 转到个人账户 in a story about a fee asks whether the fee is real.)
      /(我|我自己|本人|给自己)(个人|私人)?[^，,。？?]{0,6}(银行|储蓄|存款)?(账户|帐户|户头|银行卡|信用卡|存折)|储蓄(账户|卡)|(办|开)(一?张|个)?(银行卡|信用卡|储蓄卡)|房贷|车贷|公积金贷款/,
      // Schools', hospitals', temples', residents' committees' and elections' own affairs.
      /教育局|院务公开|宗教局|宗教事务|寺庙|寺院|教堂|法会|人大代表|村委会选举|居委会选举|业委会|业主委员会|业主大会|物业公司|物业费|合伙企业|退伙|个人独资企业/,
      /\b(our|my|the) (company|firm|shop|store)\b[^?]{0,40}\b(legal representative|shareholders?|registered capital|business licen[cs]e|annual report|market regulation)\b|\bmarket regulation bureau\b/,
      /(企业|公司|个体户?|店铺|门店|网店|工厂)(的)?[^，,。？?]{0,2}(年报|工商年报|营业执照|税务登记|报税|纳税申报|股东|股权|注册资本|法人变更|换法人|变更法人)|经营异常名录|市场监管局|工商局|个体工商户|工商(登记|注册|年报)|股东(会|大会)|有限(责任)?公司/,
      /(汽车|车辆|私家车|小车|轿车|摩托车|电动车|货车|车子)[^，,。？?]{0,4}(年检|年审|过户|上牌|保险|违章)|(车|车子)(年检|年审)/,
      /\b(marriage|divorce|hukou|passport|visa|driving licen[cs]e|driver'?s licen[cs]e|credit card|savings account|personal (bank )?account|company'?s annual report|shareholders?|car inspection)\b/,
    ],
  },
  {
    // Who is on duty, whether someone is in, when they are free: staff know their own schedules,
    // and the reply says so (not "your organisation's records").
    verdict: { action: "handoff", reason: "contact" },
    patterns: [
      /谁值班|值班(的)?(是谁|人员|表)|谁(在|上)班/,
      /(老师|主任|书记|工作人员|科长|站长|社工|[老小][\u4e00-\u9fff]|[\u4e00-\u9fff](老师|主任|姐|哥))[^，,。？?]{0,8}(在不在|在吗|在园区吗|在办公室吗|来了吗|来没来|(今天|明天|后天|下午|上午)(来|在)(吗|不)|几点(来|到|在)|有空吗|有没有空|有时间吗)/,
      /^(?=.*\b(today|tomorrow|tonight|this (morning|afternoon|week)|on \w+day)\b)\b(is|will)\b[^?]{0,40}\b(in|at the|there|around|on duty|available)\b/,
      /\bwho('s| is| will be)\b[^?.]{0,30}\bon duty\b/,
    ],
  },
  {
    verdict: { action: "handoff", reason: "private" },
    // A meeting told in figures (到会15人，9票赞成，通过了没有) asks what the rule makes of them.
    unlessCounted: true,
    // So does our own news told before a question on the rules (拿到批复了，按规定多少天内去领证)
    // or on what it means for us (结论是基本合格，意味着啥).
    unlessRulesAsked: true,
    patterns: [
      new RegExp(String.raw`${ours}.{0,16}(结论|结果|进度|状态|审核|审批|批复|(?<!基金)余额|排名|得分|分数).{0,6}(是啥|是什么|是多少|怎么样|如何|多少|到哪|了吗|了没|没|出来)`),
      new RegExp(String.raw`${ours}.{0,24}(什么|啥|怎么样|咋样|如何)的?(状态|进度|情况|结果|结论)`),
      // 批了吗 / 批了没 / 通过没有 ask where things stand; 能批吗 asks whether the rules allow it.
      new RegExp(String.raw`${ours}.{0,30}(批|审|通过|下来|办好|办完|出来|过|评上|选上|入选|入围|中选|获奖|立项|中标|获批|到账|交上去|报上去|递交|上报|公布|收到)(了(吗|没|没有)|没有?)[？?]?$`),
      // Where a named organisation stands (和美服务中心被列进名录了吗, 书画协会年检通过没): its record, not a rule.
      // (A finished state only: 年报要交吗 asks a rule, 年报交了没 a record.)
      new RegExp(`${namedOrganization}.{0,16}(列入|列进|纳入|注销|撤销|处罚|罚款|评上|评为|通过|批|下来|备案|交|报).{0,8}(了(吗|没|没有)?|没有?|没交|没报)[？?]?$`),
      // Whether something has come through yet (系统里改过来没有, 显示出来了没, 交上去了吗): a record.
      // (能改过来吗 / 会不会退回来 ask what the rules allow.)
      /(?:^|[，,。！!\s])(?:(?!能|可以|会不会|要|需|得|该|应|条例|办法|规定|政策|法律|法规|新法)[^，,。！!？?\s])*(?:过来|出来|上去|下来|进去)了?(?:吗|没|没有)(?:啊|呀|呢)?(?=[？?，,。！!\s]|$)/,
      // Whether our own standing still holds (咱协会的免税资格现在还有效吗): our record.
      new RegExp(String.raw`${ours}.{0,16}(现在|目前|还)(还)?(有效|作数|算数|过期|在不在|在吗)(了)?(吗|不|没|没有)?[？?]?$`),
      // A figure the system holds for a person or for us (在系统里一共累计多少小时了).
      /(系统|平台|后台)(里|上)?[^。？?]{0,10}(一共|累计|总共|现在|目前)[^。？?]{0,6}(多少|几)/,
      // Which organisations got something: a roster only staff can give (评上4A的都有哪几家, 发个名单).
      /都?(有|是)哪(几|些)家|(发|给|列|出)(我|我们)?(个|一份|一下|下)?名单|名单(发|给)(我|我们)/,
      /\b(which|what) (organi[sz]ations|groups|ngos)\b[^?]{0,60}\b(currently|now|this year|hold|have|got)\b[^?]{0,60}(\?|\blist\b)|\blist them\b/,
      /(记上|录上|录进去|登上|报上|盖上|签上)[^，,。？?\s]{0,2}(了没|没有?|了吗)(?=[？?，,。！!\s]|$)/,
      // Looking up our own records or a particular person's: 查一下我们… / 帮我查查她一共攒了多少时长.
      /(?<!自)(查一下|查下|查查|查询一下?)(我们|我|咱们|咱|本会|本机构|她|他)/,
      // A person's identifiers: only staff may hold them, the bot never does.
      // (So does whether a roster must carry them — 会员名单要写身份证号吗: the articles do not say,
      // and the nearest section, the registration papers, would answer another question.)
      // (Whether we may publish or pass on people's numbers is the privacy rule: 志愿者的手机号能发到公众号上吗.)
      { test: (text: string) => personalNumber.test(text) && !(disclosed.test(text) && rulesAsked(text)) },
      // Our own meetings' time and room: the organizer's calendar, not a rule.
      /(开会|会议|例会|理事会|大会|座谈会|培训|集合|讲座|年会|活动).{0,10}(几点|几楼|会议室|哪个屋|哪间)|(几点|几楼).{0,6}(开会|开始|开|集合|碰头|见面)/,
      // Money the organization is waiting for: only the payer knows.
      /(什么时候|啥时候|几时|何时|多久)(能|才能|可以)?(到账|拨付|拨款|下拨|打款|打过来|发下来)|到账了(吗|没)|到账没/,
      /^(?=.*\b(our|we|us)\b)(?=.*\bwhen (will|would|do|does|can|is)\b).*\b(be paid|get paid|be transferred|arrive|be disbursed|be released|hit our account|reach our account|come through)\b/,
      // (报到哪 / 交到哪 / 该去到哪 ask where a thing is to be handed in, 到哪一级 which office;
      // 公开进展 / 披露进度 ask how often progress must be made public.)
      new RegExp(String.raw`${ours}.{0,24}(现在|目前)?((?<![报交送递寄该要得去发传贴放])到哪(?!年|一?级|个部门|个单位|个机关)|(?<!(公开|披露|通报|公示|汇报|报告)[^，,。？?]{0,6})(进展|进度)(?![^，,。？?]{0,6}(公开|披露|通报|公示)))`),
      new RegExp(String.raw`${ours}.{0,16}(拿了|评了|得了|评上了|评的是|评定为|评为|定为|被评为?|是)(几|多少|什么)(a|A|级|等|分)`),
      // (基金余额 is the base of a foundation's spending rule; 自查 is checking ourselves.)
      new RegExp(String.raw`${ours}.{0,16}((账户|账上)(里|上)?(现在)?(还)?(有)?多少|(?<!基金)余额|存款|还(有|剩)多少钱)`),
      /(?<!自)(查一下|查下|查查|帮我查|帮忙查).{0,16}(账号|账户|电话|手机|地址|(?<!基金)余额|信用|状态|进度|结果)/,
      // Asked in the passive, of our own file (is our registration approved yet, has my case been
      // processed); a story where a unit approved something asks what the rules make of it.
      // (Before it is approved — can we start before our registration is approved — asks a rule.)
      /^(?=.*\b(our|my|us)\b)(?!.*\b(before|until|unless|once)\b)(?:(?:has|have|is|was|were|did|are)\b.*\b(approved?|processed|process|accepted|accept|rejected|reject)\b|.*\b(been|be) (approved|processed|accepted|rejected)\b|.*\b(approved|processed|accepted|rejected)\b[^,;.]{0,30}\byet\b)/,
      new RegExp(String.raw`${ours}.{0,20}(结果|结论)(出来)?(了)?(没|吗|没有)`),
      /(审|批|办|走|办理|审核|审批|进行)到(了)?(哪|哪个|哪一个|什么)(一步|了|儿|环节|阶段|步骤|程度)|进度(怎么样|如何|到哪)|批(了|下来)没|通过了没|过了没|有结果了(吗|没)|结果出来了?(吗|没)/,
      // (Unless what follows asks the rule of it: 帮我看看我们这名字结构对不对, 是不是得先交主管单位.)
      /(帮我|帮忙|麻烦你?|替我|给我)(们)?\s*(查|看|查询|查查|看看|核实|确认|check)\s*(一下|下)?(我们|我|咱们|咱|本)(?![^。]{0,60}(是不是(得|要|该)|要不要|需不需要|对不对|合不合|符不符合|行不行|收不收|算不算|能不能|可不可以))/,
      /(帮我|帮忙|麻烦你?|替我|给我)(们)?(查|查询|查查)(一下|下)?.{1,16}(协会|商会|学会|基金会|中心|服务队|促进会|研究会|联合会)(的|有没有|是否|是不是|在不在|信用|状态)/,
      /(?<!\b(before|until|unless|once) )\b(our|my) (application|registration|inspection|evaluation|report|status|result|case)\b.{0,30}(status|approved|result|progress|passed|now)|\bcheck (on )?(our|my)\b/,
      // Asked to find out how our own file went (can you check whether our application got approved,
      // could u see if our annual report went through); whether ours needs approval asks a rule.
      /\b(check|see|find out|look up|confirm|tell me)\b (whether|if) (our|my)\b[^?]{0,50}\b(got|was|were|has been|have been|is|went|gone|came|come)\b[^?]{0,12}\b(approved|accepted|passed|rejected|processed|through)\b/,
      // A request to look something up, left at the end with nothing else asked (能帮查下记录吗,
      // 你能给查查不, 烦请代为查询): our file, not a rule (帮我查一下登记要什么材料 asks on).
      /(帮|给|代为|替|帮忙|协助)(我们?|咱们?)?(查|查查|查询|查看|核实|核查|看看|看一下|查一下|查下|问问|问一下|打听一下|打听打听)(一下|下)?(记录|档案|情况|系统|后台|原因)?(不|吗|么|呗|啊|呀|好吗|行吗|可以吗|中不中)?[。！!？?\s]*$/,
      // Whether a thing has happened (批没批, 同没同意, 交没交): a record. (有没有 asks a rule.)
      // (过没过线 sets a figure against a rule.)
      /(批|过|交|审|报|办|同|签|发|到|收|评|选)没\1(?![线关标])/,
      // The date set for a particular meeting or visit (安排在哪天进场, 具体日程): the organizer's calendar.
      // (规定/决定什么时候 ask when a rule was made.)
      /(安排(在|于)?|(?<![规决约制审确预])定(在|于)?|排在)(哪天|哪一天|几号|几月几号|什么时候|啥时候|何时)|具体日程|日程安排/,
      // When a particular coming event happens, or whether a room is free then (下期培训哪天开,
      // 这个月的组织生活会哪天开, 会议室这周六下午能借不). Deadlines and terms the rules set are excluded.
      /^(?!.*(截止|最晚|最迟|得交|要交|年检|年报|年度报告|换届|任期|申请|期限|时限|多少天|几天内|日内|多久)).*(今天|今晚|明天|明早|后天|这周|本周|下周|这个月|本月|下个月|下期|下一期|下次|下一次|这次|月底|节后|周[一二三四五六日末]|星期[一二三四五六日天]).{0,20}(哪天|几号|几点|什么时候|啥时候|何时|能借|能用|借不|有空|值班)/,
      // Where our own file stands (the status of our 年检 submission, any update on our application).
      /\b(status|progress|update) (of|on) (our|my) [^?.,]{0,30}\b(submission|application|registration|filing|report|inspection|evaluation|case|request|paperwork|documents)\b/,
      // …or whether it is still waiting (Is our recognition application still pending?).
      // (What the rules make of a pending file — what if ours is still pending — asks on.)
      /^(?!.*\b(if|before|until|unless|once|while|whether)\b)(?=.*\b(our|my)\b[^?.]{0,40}\b(application|registration|submission|filing|request|paperwork|case)\b[^?]{0,30}\b(still )?(pending|under review|in process|being (processed|reviewed)|stuck)\b)/,
      // How many organisations got a result (今年平房区一共多少家年检不合格, 去年多少个协会被罚): the
      // bureau's tally, not a rule. (要多少家单位会员 asks a rule's bound; 首批入驻多少家 is the park's
      // published figure, answered.)
      /多少(家|个(?!工作日|月|小时|星期|年度|人))[^，,。？?]{0,12}(年检不合格|不合格|基本合格|被罚|受罚|受到处罚|评上|评为|被撤销|撤销登记|被注销|列入|列进|异常名录|失信)/,
      // A named volunteer's own hours (志愿者王秀兰今年一共攒了多少小时): their record.
      /志愿者[\u3400-\u9fff]{2,3}(今年|去年|一共|累计|总共|到现在)[^，,。？?]{0,8}(多少|几)/,
      // How long we have been incubated, and how long we have left (还剩几个月得搬走): our agreement.
      /(我们|咱们|俺们|咱|本会|本机构)[^，,。？?]{0,6}(入驻|孵化)[^，,。？?]{0,6}(多久|多长时间|几年|几个月|到期|还剩|剩多久)/,
    ],
  },
  {
    verdict: { action: "handoff", reason: "contact" },
    // 民政局打电话说下周一开听证，法律规定得提前几天通知: a call received, and the rule asked.
    unlessRulesAsked: true,
    patterns: [
      /(民政局|民政厅|民政部门|社会组织科|社管局|街道办?|居委会|税务局|派出所|财政局|局|科)(的)?.{0,16}((?<!打了?|打过|来了?)电话|手机|联系方式|号码|上班(时间|吗|不|没)|几点|周六|周日|周末|值班|办公时间)/,
      /(电话|联系方式|号码)是?多少.{0,8}(民政局|民政厅|科|街道|税务局)/,
      // A person's own number or WeChat is theirs to give; staff can pass it on with consent.
      // (捐钱的大姐打电话说要查账: a call she made, not her number asked for.)
      /(秘书长|会长|理事长|副会长|主任|书记|队长|站长|院长|老师|科长|局长|负责人|经办人|[\u4e00-\u9fff](总|姐|哥|老师))的?.{0,4}((?<!打了?|打过|来了?|接了?|接到)电话|手机|手机号|微信|微信号|联系方式|号码)/,
      /\b(phone|mobile|cell|wechat|contact)( number| id| details)?\b.{0,20}\b(of|for)\b.{0,12}\b(director|chair\w*|head|president|secretary|manager|officer|staff|person)\b/,
    ],
  },
];

/** Asking for help or for leave (帮我们, 能不能, 行不行, 才不会被…): a request, whatever else it asks. */
const asksLeaveOrHelp = new RegExp(String.raw`(帮|替|教)(我|我们|咱|俺)|${askedWay}|才(不会|不至于|不容易|不被|合适|好|行|稳|妥|保险)|能不能|能否|可不可以|可以吗|行不行|行吗|行不|中不中|好不好|怎么(弄|做|写|办|操作)|咋(弄|做|写|办|整)|如何(操作|处理)|\b(can|could|should|how)\b`);

/** Whether a text tells how many came to a meeting and how many voted for. */
function tellsMeeting(text: string): boolean {
  const { present, votes } = meetingFigures(text);
  return present !== undefined && votes !== undefined;
}

/** The verdict for a question, or undefined when it may be answered from the knowledge base. */
export function judgeScope(question: string): ScopeVerdict | undefined {
  // Typos and dialect folded first (俺们 → 我们), as for the search.
  const text = normalize(question);
  for (const rule of rules) {
    if (rule.unlessGoverned && governed.test(text) && (rulesAsked(text) || forming.test(text)) && !recommendation.test(text)) continue;
    if (rule.unlessNamesGoverned && governed.test(text)) continue;
    if (rule.unlessCounted && tellsMeeting(text)) continue;
    if (rule.unlessRulesAsked && (citesOrAsksMeaning(text) || asksWhatHappens(text))) continue;
    if (rule.unlessOutcomeOfDeed && (asksWhatHappens(text) || citesOrAsksMeaning(text)) && !asksLeaveOrHelp.test(text)) continue;
    if (rule.patterns.some((pattern) => pattern.test(text))) return rule.verdict;
  }
  return undefined;
}

/** Text that reads as a question or request (for private chats, where every message arrives). */
export function looksLikeQuestion(text: string): boolean {
  const normalized = text.normalize("NFKC").toLowerCase().trim();
  if (normalized.length < 2) return false;
  return (
    /[?？]/.test(normalized) ||
    /吗|呢|么|怎|什么|啥|多少|多久|多长|几(个|种|年|天|日|月|号|类|人|次|a)|哪|如何|能否|能不能|可不可以|可以.{0,12}[吗么]|是否|要不要|需不需要|用不用|有没有|行不行|请问|想问|问下|问一下|咨询|求助|推荐|帮我|告诉我|介绍|区别|条件|流程|规定|要求|截止|期限|时限|标准|清单|怎样/.test(normalized) ||
    /^(what|how|when|where|who|which|why|can|could|do|does|is|are|should|must|may|tell me|please)\b/.test(normalized) ||
    judgeScope(normalized) !== undefined
  );
}
