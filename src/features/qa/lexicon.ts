/**
 * The words people type versus the words the knowledge base uses. Data only: the retrieval code
 * in search.ts reads these tables, so adding a synonym never needs a code change.
 */

/**
 * Synonym groups. When a question contains a `from` word, the `to` words are searched too (at a
 * lower weight). One-directional where the general word would drag in unrelated articles
 * (协会 → 社团 is safe; 社团 → 商会 is not).
 */
export const synonyms: Array<{ from: string[]; to: string[] }> = [
  { from: ["民非", "民办非企业单位", "民办非企业", "社会服务机构", "民办非"], to: ["民非", "民办非企业单位", "社会服务机构"] },
  { from: ["社团", "社会团体"], to: ["社团", "社会团体"] },
  { from: ["协会", "学会", "商会", "联合会", "研究会", "促进会", "联谊会"], to: ["社团", "社会团体", "协会"] },
  { from: ["年检", "年度检查", "年审"], to: ["年检", "年度检查", "年度工作报告"] },
  { from: ["年报", "年度报告", "年度工作报告"], to: ["年度工作报告", "年报", "年检"] },
  { from: ["法人", "法定代表人", "法代", "法人代表"], to: ["法定代表人"] },
  { from: ["分会", "分点", "分部", "分所", "分站", "分中心", "分支"], to: ["分支机构", "代表机构"] },
  { from: ["注册", "成立", "申请成立", "办个", "开个", "搞个", "建个"], to: ["登记", "设立", "成立"] },
  { from: ["注销", "注消"], to: ["注销", "清算"] },
  { from: ["提交什么文件", "交什么文件", "要什么文件", "哪些文件", "提交文件", "准备什么", "交啥", "带什么"], to: ["材料"] },
  { from: ["组成", "构成", "结构", "格式", "怎么写", "规范"], to: ["格式", "依次"] },
  { from: ["怎么写", "写什么", "写啥", "咋写"], to: ["内容", "要写"] },
  { from: ["人数", "多少人", "几个人", "多少个人"], to: ["会员", "人以上"] },
  { from: ["硬性要求", "门槛", "要求"], to: ["条件", "最少"] },
  { from: ["最低", "最少", "至少", "下限", "起码"], to: ["最少", "不低于", "以上"] },
  { from: ["最多", "上限", "最高", "封顶", "不超过"], to: ["上限", "不超过", "不得超过"] },
  { from: ["前面加", "前面带", "加上", "冠名", "带上", "加个"], to: ["冠以"] },
  { from: ["谁通过", "谁批准", "谁决定", "谁来定", "谁定", "谁说了算", "拍板", "通过"], to: ["决定", "表决", "通过"] },
  { from: ["截止", "最晚", "deadline", "几月几号", "几号"], to: ["前", "截止"] },
  { from: ["不想干了", "解散", "关掉", "关门", "停办", "撤销自己"], to: ["注销", "清算"] },
  { from: ["公募"], to: ["公开募捐", "公开募捐资格"] },
  { from: ["非公募"], to: ["非公开募捐"] },
  { from: ["筹款", "众筹", "募款", "化缘", "拉赞助", "搞募捐"], to: ["募捐"] },
  { from: ["收据", "发票", "开票", "开什么票", "票据"], to: ["捐赠票据"] },
  { from: ["抵税", "减税", "少交税", "税前", "扣税", "抵扣", "能抵", "抵多少"], to: ["税前扣除", "扣除"] },
  { from: ["免税"], to: ["免税资格"] },
  { from: ["中国", "中华", "全国"], to: ["冠以", "字样"] },
  { from: ["起名", "名字", "取名", "叫什么"], to: ["名称"] },
  { from: ["会长", "理事长", "秘书长", "负责人"], to: ["负责人", "法定代表人"] },
  { from: ["主管单位", "挂靠单位", "挂靠"], to: ["业务主管单位"] },
  { from: ["黑名单", "失信"], to: ["严重违法失信名单"] },
  { from: ["异常名录", "经营异常", "异常"], to: ["活动异常名录"] },
  { from: ["几a", "3a", "4a", "5a", "等级"], to: ["评估等级", "评估"] },
  { from: ["罚款", "罚钱", "被罚"], to: ["行政处罚", "罚款"] },
  { from: ["不服", "申诉"], to: ["行政复议", "行政诉讼"] },
  { from: ["义工", "志愿队", "志愿服务队", "志愿者"], to: ["志愿者", "志愿服务"] },
  { from: ["结余", "盈余", "分红", "分钱", "分点钱", "分给"], to: ["分配", "不得分配"] },
  { from: ["拿证", "拿的证", "领证", "发证", "证书"], to: ["登记证书", "登记成立"] },
  { from: ["理事长换", "会长换", "负责人换", "换人", "换了"], to: ["变更", "变更登记"] },
  { from: ["公众号", "朋友圈", "网上", "线上", "小程序", "直播间"], to: ["互联网", "公开募捐"] },
  { from: ["换了", "搬了", "改了", "换人", "搬家", "地址变"], to: ["变更登记", "变更"] },
  { from: ["启动资金", "注册资金", "注册资本", "资金"], to: ["活动资金", "开办资金", "原始基金"] },
  { from: ["广场舞", "兴趣小组", "文体队", "合唱队", "小组", "兴趣队", "秧歌", "舞蹈队", "太极", "读书会", "书法", "老年", "小团队", "队伍", "草根"], to: ["社区社会组织", "备案"] },
  { from: ["年纪", "多大", "岁数", "超龄", "年龄"], to: ["年龄", "岁"] },
  { from: ["正规", "正式", "合法"], to: ["登记", "备案"] },
  { from: ["理财", "买理财", "投资"], to: ["投资"] },
  { from: ["捐钱", "捐款", "捐东西"], to: ["捐赠"] },
  { from: ["工本费", "收费", "收钱", "交钱", "审核费"], to: ["收取费用", "费用"] },
  { from: ["党员"], to: ["党支部", "党组织"] },
  { from: ["一个党员", "1个党员", "1名党员", "一名党员", "两个党员", "2个党员", "2名党员", "两名党员", "党员不足", "党员少", "就一个党员"], to: ["联合党支部", "不足3人", "一个党员"] },
  { from: ["要改", "改一下", "更改", "修订", "改动", "改章程"], to: ["修改"] },
  { from: ["不给", "不批", "不让", "不准", "拒绝", "驳回"], to: ["不予登记", "不予"] },
  { from: ["批复", "批下来", "审批", "出结果", "答复", "批准", "拿到批"], to: ["作出决定", "出结果", "准予登记"] },
  { from: ["创新园", "园区", "孵化园"], to: ["创新园"] },
  { from: ["多久", "多长时间", "几天", "多少天", "时间限制", "时限", "期限"], to: ["日内", "期限"] },
  { from: ["有效期", "几年有效", "有效多久"], to: ["有效期"] },
  { from: ["去哪里", "去哪儿", "去哪", "在哪里", "在哪儿", "在哪", "找谁", "哪个部门", "向谁", "找哪"], to: ["找谁", "窗口", "登记机关"] },
  { from: ["不够", "不满", "少于", "不到", "没到", "达不到", "凑不够", "只有"], to: ["不足", "未达到"] },
  { from: ["联合支部", "联合建", "联建", "和别的单位", "和别的机构", "跟别的单位"], to: ["联合党支部"] },
  { from: ["创始人的名字", "自己的名字", "人名", "姓名", "名人", "某某人的名字", "个人名字"], to: ["个人姓名", "人名"] },
  { from: ["强制捐", "必须捐", "硬性捐", "每人捐", "每个会员捐", "按人头捐", "派捐"], to: ["摊派", "捐款"] },
  { from: ["搞活动", "没搞", "办活动", "没活动", "不搞活动"], to: ["开展活动", "从事"] },
  { from: ["连着", "接连", "一连", "连年"], to: ["连续"] },
  // Everyday names for the governing bodies and roles.
  { from: ["管事的班子", "领导班子", "班子", "决策层", "管事的", "当家的"], to: ["理事会", "理事"] },
  { from: ["查账的", "查账", "监督的", "盯着", "监督"], to: ["监事"] },
  { from: ["媳妇", "老婆", "丈夫", "老公", "爱人", "配偶", "儿子", "女儿", "亲戚", "家属", "家里人", "一家人", "父子", "夫妻", "兄弟"], to: ["近亲属", "亲属"] },
  // Before the certificate: the preparation stage.
  { from: ["张罗", "筹备阶段", "还没拿证", "证还没", "没批下来", "还没批", "还没登记", "没拿到证"], to: ["筹备", "筹备期间"] },
  // Public places and platforms: public fundraising.
  { from: ["摆摊", "摆个摊", "街上", "路边", "小区门口", "广场上", "商场门口", "抖音", "快手", "视频号", "微博"], to: ["公共场所", "公开募捐", "互联网"] },
  // Missed deadlines: the consequence rules.
  { from: ["晚交", "迟交", "忘了交", "没交", "没报", "漏报", "逾期", "过了截止", "超期", "拖着没"], to: ["未按规定", "活动异常名录", "逾期"] },
  { from: ["分摊", "摊到", "下指标", "分配任务", "硬性任务", "必须完成"], to: ["摊派"] },
  { from: ["剩下的钱", "剩的钱", "剩余的钱", "剩下的财产", "剩余财产", "剩下的东西"], to: ["剩余财产"] },
  { from: ["学费", "培训费", "服务收入", "经营收入", "卖东西"], to: ["收入", "经营"] },
  { from: ["几档", "几级", "几个等级", "哪几级", "评级"], to: ["评估等级", "等级"] },
  { from: ["差不多的", "同类的", "一样的", "类似的", "重复的", "已经有个", "已经有一个"], to: ["相同或者相似", "没有必要成立"] },
  { from: ["老板", "企业家", "公司"], to: ["企业", "捐赠人"] },
  { from: ["多少钱", "花多少", "要多少钱", "得多少钱"], to: ["活动资金", "开办资金", "原始基金"] },
  { from: ["哪几样东西", "哪些东西", "什么东西", "啥东西", "备齐", "带齐", "准备齐", "递申请", "交申请"], to: ["材料", "申请"] },
  { from: ["事前", "事先", "提前报", "先报", "报备", "报啥", "报什么"], to: ["备案", "前"] },
  { from: ["没按时", "不按时", "没按期", "未按时", "没及时", "晚了"], to: ["未按规定", "活动异常名录", "逾期"] },
  { from: ["分一分", "分分", "分掉", "平分", "发给会员", "分给会员"], to: ["分配", "不得分配"] },
  { from: ["收不收钱", "收不收费", "要不要钱", "要钱吗", "收钱吗", "收费吗", "花钱吗", "免费吗", "免费"], to: ["收取费用", "不得收取", "交钱"] },
  // Penalty questions typed with the bare verb (会怎么罚 / 罚多少) ask for the 处罚 rule.
  { from: ["怎么罚", "咋罚", "罚多少", "会罚", "要罚", "罚吗", "罚不罚", "怎么处理", "怎么处罚"], to: ["处罚", "罚款", "行政处罚"] },
  // Several districts or cities: the cross-area rule (跨行政区域 → 上一级).
  { from: ["跨区", "跨市", "跨县", "跨省", "跨地区", "好几个区", "几个区", "多个区", "好几个市", "几个市", "多个市", "好几个县"], to: ["跨行政区域", "上一级"] },
  // "One in every district": branches by area.
  { from: ["每个区", "各个区", "各区", "每个街道", "各街道", "每个社区", "各个社区", "每个县", "各县", "每个市"], to: ["地域", "各个街道"] },
  { from: ["外地", "外市", "外省", "外区", "别的城市", "别的市", "其他城市", "异地"], to: ["区域外", "外地", "所在地"] },
  { from: ["挂牌", "挂个牌", "牌子"], to: ["设立", "设分会"] },
  // Pay asked of the people served (not the 工本费 of a certificate).
  { from: ["辛苦费", "服务费", "劳务费", "好处费", "跑腿费", "茶水费", "上门费", "报酬", "收点钱"], to: ["报酬", "收取", "服务对象"] },
  // Staying on past a limit: age or term.
  { from: ["继续干", "接着干", "还能干", "再干", "干下去", "连任", "留任", "再当", "继续当", "接着当"], to: ["任职", "连任", "任期"] },
  // What the bot itself is for.
  { from: ["干点啥", "干啥", "能干什么", "能做啥", "会干啥", "会什么", "有啥用", "有什么用", "有什么功能", "帮啥", "帮点啥", "帮什么"], to: ["能帮", "做什么", "帮我们"] },
  // Putting off or starting: the statutes' own words (延期, 施行).
  { from: ["推迟", "推后", "往后推", "延后", "拖后"], to: ["延期"] },
  { from: ["开始执行", "执行", "实施", "生效"], to: ["施行", "生效"] },
  // When is something due.
  { from: ["啥时候交", "什么时候交", "何时交", "哪天交", "几号交", "啥时候要交", "什么时候要交", "啥时候报", "什么时候报", "何时报", "哪天报", "几号报", "啥时候提交", "什么时候提交", "几号提交", "几号报送", "什么时候报送", "啥时候报送", "啥时候上报", "什么时候上报", "几号上报"], to: ["什么时候交", "截止", "之前", "日前"] },
];

/**
 * Synonyms a fixed word list cannot express: a pattern in the normalized question stands for
 * the `to` words (searched at the synonym weight and counted as covered, like `synonyms`).
 */
export const patternSynonyms: Array<{ pattern: RegExp; to: string[] }> = [
  // 72了 / 七十多岁 / 68岁: an age, so the age-limit rules.
  { pattern: /(?:[5-9]\d|[五六七八九]十[一二三四五六七八九]?)(?:多)?(?:周岁|岁|了)/g, to: ["年龄", "岁", "超龄"] },
  // Somebody's own name used for the organization (我爸的名字, 创始人名字).
  { pattern: /(?:我爸|我妈|父亲|母亲|爸爸|妈妈|爷爷|奶奶|姥姥|姥爷|外公|外婆|老公|老婆|孩子|自己|本人|创始人|发起人|会长|理事长|院长|老师|他|她)的?(?:名字|姓名)/g, to: ["人名", "个人姓名"] },
];

/**
 * Places of the park's own city and province. Naming them says where, not what is asked, so they
 * are left out of how much of a question a section accounts for.
 */
export const localPlaces = ["黑龙江省", "黑龙江", "哈尔滨市", "哈尔滨", "平房区", "平房", "松北区", "南岗区", "道里区", "道外区", "香坊区", "呼兰区", "阿城区", "双城区", "松北", "南岗", "道里", "道外", "香坊", "呼兰", "阿城", "双城"];

/**
 * One spelling per concept before matching, so a long name (民办非企业单位: six bigrams) does not
 * outweigh its everyday short form. Longer forms first.
 */
export const canonicalForms: Array<[string, string]> = [
  ["民办非企业单位", "民非"], ["民办非企业", "民非"], ["社会服务机构", "民非"], ["社会团体", "社团"],
  ["年度检查", "年检"],
];

/**
 * Characters of question phrasing (particles, pronouns, question words). A query bigram with
 * one of them (的方, 要写, 写哪) is mostly noise and counts little.
 */
export const functionCharacters = new Set([..."的了吗呢啊吧呀么嘛是在和与或及我你他她们这那些要能想把被让给对就都也还很太又再才没哪什怎谁几里下来着多咋啥呗啦"]);

/**
 * Organization types. A question about one (基金会) prefers sections about it, which is the
 * commonest way two otherwise similar answers differ.
 */
export const organizationTypes: Array<{ mentions: string[]; marks: string[] }> = [
  { mentions: ["基金会"], marks: ["基金会"] },
  { mentions: ["民非"], marks: ["民非"] },
  { mentions: ["社团", "协会", "学会", "商会", "联合会", "研究会", "促进会"], marks: ["社团", "协会"] },
  { mentions: ["慈善组织", "慈善"], marks: ["慈善"] },
  { mentions: ["志愿"], marks: ["志愿"] },
  { mentions: ["社区社会组织", "社区"], marks: ["社区"] },
];

/** Frequent misspellings (mostly same-sound characters typed by pinyin input). */
export const confusions: Array<[string, string]> = [
  ["登计", "登记"], ["申清", "申请"], ["申亲", "申请"], ["登纪", "登记"], ["等记", "登记"], ["登己", "登记"],
  ["明录", "名录"], ["名禄", "名录"], ["年减", "年检"], ["年捡", "年检"], ["年简", "年检"],
  ["注消", "注销"], ["注侧", "注册"], ["注测", "注册"], ["民飞", "民非"], ["明非", "民非"],
  ["协汇", "协会"], ["基金汇", "基金会"], ["基金惠", "基金会"], ["异长", "异常"],
  ["公幕", "公募"], ["公慕", "公募"], ["募损", "募捐"], ["慕捐", "募捐"], ["幕捐", "募捐"],
  ["捐增", "捐赠"], ["章成", "章程"], ["章呈", "章程"], ["审记", "审计"], ["备按", "备案"],
  ["理士", "理事"], ["监士", "监事"], ["分只", "分支"], ["分枝机构", "分支机构"],
  ["免锐", "免税"], ["免说", "免税"], ["党之部", "党支部"], ["支布", "支部"], ["志原", "志愿"],
  ["评佑", "评估"], ["评古", "评估"], ["复意", "复议"], ["清箅", "清算"], ["会废", "会费"],
  ["扣出", "扣除"], ["认订", "认定"], ["票居", "票据"], ["收居", "收据"], ["换界", "换届"],
  ["带表人", "代表人"], ["法定代表任", "法定代表人"], ["民政句", "民政局"], ["主管单未", "主管单位"],
  ["信用信患", "信用信息"], ["活动资今", "活动资金"], ["原始基今", "原始基金"], ["社圑", "社团"],
];

/**
 * English words and phrases → the Chinese terms the articles use. English questions are also
 * matched against each section's `en:` line; this table finds the Chinese side as well.
 */
export const englishTerms: Array<[string, string[]]> = [
  ["association", ["社团", "社会团体", "协会"]],
  ["social organization", ["社会组织"]],
  ["social service", ["社会服务机构", "民非"]],
  ["private non-enterprise", ["民非", "民办非企业单位"]],
  ["deadline", ["截止", "前"]],
  ["by when", ["前"]],
  ["date", ["前", "日"]],
  ["minimum", ["最少", "以上", "不低于"]],
  ["maximum", ["上限", "不超过"]],
  ["operate", ["运营"]],
  ["operates", ["运营"]],
  ["valid", ["有效期"]],
  ["official account", ["公众号"]],
  ["wechat", ["微信", "公众号"]],
  ["online", ["网上", "互联网"]],
  ["collect", ["募捐", "收款"]],
  ["raise", ["募捐"]],
  ["donors", ["捐赠人"]],
  ["donor", ["捐赠人"]],
  ["council", ["理事会"]],
  ["board", ["理事会"]],
  ["directors", ["理事"]],
  ["salary", ["报酬", "工资"]],
  ["nothing", ["未开展活动", "没搞活动"]],
  ["inactive", ["未开展活动", "没搞活动"]],
  ["no activities", ["未开展活动"]],
  ["activities", ["活动"]],
  ["revoke", ["撤销登记"]],
  ["revoked", ["撤销登记"]],
  ["dance", ["广场舞", "舞蹈队"]],
  ["community", ["社区"]],
  ["group", ["团队", "小团队"]],
  ["team", ["队", "团队"]],
  ["certificate", ["登记证书"]],
  ["seal", ["印章", "刻章"]],
  ["bank account", ["银行账户"]],
  ["spending", ["支出", "花"]],
  ["spend", ["支出", "花"]],
  ["charitable", ["公益", "慈善"]],
  ["each year", ["每年"]],
  ["annual", ["每年", "年度"]],
  ["material", ["材料"]],
  ["materials", ["材料"]],
  ["documents", ["材料"]],
  ["submit", ["报送", "提交"]],
  ["foundation", ["基金会"]],
  ["charity", ["慈善组织"]],
  ["charities", ["慈善组织"]],
  ["register", ["登记"]],
  ["registration", ["登记"]],
  ["registered", ["登记"]],
  ["application", ["申请"]],
  ["decide", ["作出决定", "决定"]],
  ["decision", ["作出决定", "决定"]],
  ["days", ["日内"]],
  ["public fundraising", ["公开募捐", "公开募捐资格"]],
  ["fundraising", ["募捐"]],
  ["qualification", ["资格"]],
  ["donation", ["捐赠"]],
  ["donations", ["捐赠"]],
  ["donate", ["捐赠"]],
  ["deduct", ["扣除", "税前扣除"]],
  ["deduction", ["扣除", "税前扣除"]],
  ["income tax", ["所得税"]],
  ["individual", ["个人"]],
  ["individuals", ["个人"]],
  ["company", ["企业"]],
  ["companies", ["企业"]],
  ["cap", ["限额", "扣除"]],
  ["tax exempt", ["免税资格"]],
  ["tax-exempt", ["免税资格"]],
  ["annual report", ["年度工作报告", "年报"]],
  ["work report", ["年度工作报告"]],
  ["annual inspection", ["年检", "年度检查"]],
  ["volunteer", ["志愿者", "志愿服务"]],
  ["volunteers", ["志愿者", "志愿服务"]],
  ["insurance", ["保险"]],
  ["risk", ["风险"]],
  ["members", ["会员"]],
  ["member", ["会员"]],
  ["funds", ["活动资金"]],
  ["name", ["名称"]],
  ["branch", ["分支机构"]],
  ["branches", ["分支机构"]],
  ["audit", ["审计"]],
  ["deregister", ["注销"]],
  ["dissolve", ["注销", "清算"]],
  ["change", ["变更"]],
  ["legal representative", ["法定代表人"]],
  ["party", ["党组织", "党支部"]],
  ["fee", ["费用", "会费"]],
  ["fees", ["费用", "会费"]],
  ["membership fee", ["会费"]],
  ["receipt", ["捐赠票据"]],
  ["penalty", ["处罚"]],
  ["fine", ["罚款"]],
  ["evaluation", ["评估"]],
  ["grade", ["评估等级"]],
  ["credit", ["信用"]],
  ["supervisory unit", ["业务主管单位"]],
  ["disclosure", ["信息公开"]],
  ["disclose", ["信息公开"]],
  ["park", ["创新园"]],
  ["balance", ["余额"]],
  ["income", ["收入"]],
  ["revenue", ["收入"]],
  ["profit", ["利润"]],
  ["profits", ["利润"]],
  ["expenditure", ["支出"]],
  ["expenses", ["支出"]],
  ["non-public", ["非公募"]],
  ["taxable income", ["应纳税所得额"]],
  ["ngo", ["社会组织"]],
  ["every district", ["地域性", "各个街道"]],
  ["each district", ["地域性", "各个街道"]],
  ["pay for", ["收取费用", "交钱"]],
  ["charge", ["收取费用", "收费"]],
  ["cost", ["收取费用", "费用"]],
  ["free", ["收取费用", "不得收取"]],
  ["pay", ["报酬", "费用"]],
  ["on time", ["逾期", "未按规定", "活动异常名录"]],
  ["directly", ["直接登记"]],
  ["direct registration", ["直接登记"]],
  ["party members", ["党员", "正式党员"]],
  ["party member", ["党员", "正式党员"]],
  ["quorum", ["出席", "到场"]],
  ["attend", ["出席"]],
  ["general assembly", ["会员大会"]],
  ["members' meeting", ["会员大会"]],
  ["supervisors", ["监事"]],
  ["abnormal", ["活动异常名录"]],
  ["blacklist", ["严重违法失信名单"]],
  ["name", ["名称"]],
  ["chairman", ["会长", "理事长"]],
  ["chair", ["会长", "理事长"]],
  ["age limit", ["年龄", "周岁"]],
  ["term", ["任期", "届"]],
  ["terms", ["任期", "届"]],
  ["apply", ["申请"]],
  ["relatives", ["近亲属"]],
  ["wife", ["近亲属"]],
  ["husband", ["近亲属"]],
  ["son", ["近亲属"]],
  ["daughter", ["近亲属"]],
  ["family", ["近亲属"]],
  ["late", ["逾期"]],
  ["surcharge", ["加处罚款"]],
  ["supervisor", ["监事"]],
  ["secretary-general", ["秘书长"]],
  ["resident", ["居民"]],
  ["paid", ["报酬"]],
  ["sale", ["义卖"]],
  ["charity sale", ["义卖"]],
];

/** Bigrams of question phrasing that say nothing about the topic. */
export const stopBigrams = new Set([
  "什么", "怎么", "多少", "哪些", "可以", "能不", "不能", "需要", "我们", "是不", "不是", "要不", "有没",
  "没有", "一下", "请问", "问下", "想问", "大家", "的话", "这个", "那个", "一个", "现在", "如果", "还是",
  "还能", "能否", "是否", "怎样", "如何", "知道", "谢谢", "大佬", "你们", "他们", "是什", "么时", "么样",
  "时候", "有个", "哪几", "几种", "几类", "有几", "是哪", "哪个", "哪家", "可不", "不可", "行不", "不行", "怎样", "样的", "们的", "我的", "你的", "请教", "咨询", "小园", "园助", "助手", "吗？", "啊？",
]);

/** English words that carry no topic. */
export const englishStopWords = new Set(
  "a an the of to in on for and or but is are was were be been being do does did done have has had we our us you your i my me it its this that these those what which who whom how when where why can could should would will shall may might must any some all by with from as at about into than then there their they them hi hello all quick q please now just also if so not no yes".split(" "),
);

/**
 * Words that name one of two (or more) exclusive cases a rule distinguishes. A limit stated for
 * one case (地方性社团 3万元) does not judge a question about another (全国性).
 */
export const contrasts: string[][] = [
  ["全国性", "地方性"],
  ["非公募", "公募"],
  ["个人会员", "单位会员"],
  ["企业", "个人"],
  ["社团", "民非", "基金会"],
  ["理事会|常务理事会", "会员大会|会员代表大会|会员(代表)大会", "监事会|监事"],
];
