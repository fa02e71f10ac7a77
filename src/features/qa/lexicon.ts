/**
 * The words people type versus the words the knowledge base uses. Data only: the retrieval code
 * in search.ts reads these tables, so adding a synonym never needs a code change.
 */

/**
 * Synonym groups. When a question contains a `from` word, the `to` words are searched too (at a
 * lower weight). One-directional where the general word would drag in unrelated articles
 * (协会 → 社团 is safe; 社团 → 商会 is not).
 */
/** What a 民非 runs, named instead of it: private schools, training centres, care homes, hospitals. */
const minfeiRuns = ["民办学校", "培训学校", "培训机构", "养老院", "敬老院", "养老机构", "民办医院", "我们学校", "本校", "我校", "咱学校", "分校"];

export const synonyms: Array<{ from: string[]; to: string[] }> = [
  { from: ["民非", "民办非企业单位", "民办非企业", "社会服务机构", "民办非"], to: ["民非", "民办非企业单位", "社会服务机构"] },
  { from: ["社团", "社会团体"], to: ["社团", "社会团体"] },
  // What a 民非 runs, named instead of it (我们学校的分校, 养老院开分院).
  { from: [...minfeiRuns, "分院"], to: ["民非"] },
  { from: ["协会", "学会", "商会", "联合会", "研究会", "促进会", "联谊会"], to: ["社团", "社会团体", "协会"] },
  { from: ["年检", "年度检查", "年审"], to: ["年检", "年度检查", "年度工作报告"] },
  { from: ["年报", "年度报告", "年度工作报告"], to: ["年度工作报告", "年报", "年检"] },
  { from: ["法人", "法定代表人", "法代", "法人代表"], to: ["法定代表人"] },
  // 能兼不 / 兼着当: holding two posts at once.
  { from: ["兼", "兼着", "同时当", "一起当", "两头当"], to: ["兼任", "同时担任"] },
  // 根本的规矩本子: the charter, described.
  { from: ["规矩本子", "根本的规矩", "根本规矩", "规章本子", "会规"], to: ["章程"] },
  { from: ["分会", "分点", "分部", "分所", "分站", "分中心", "分支", "设个点", "设点", "挂个牌子", "挂牌子", "办事处", "分片"], to: ["分支机构", "代表机构"] },
  // Harbin's districts and "each district": a unit set up by place is a 地域性 one.
  { from: ["道里", "南岗", "香坊", "道外", "松北", "呼兰", "阿城", "双城", "各区", "各个区", "每个区", "各街道", "各个街道", "每个街道", "各县", "各个县"], to: ["地域性", "街道、区县"] },
  // Made known to the public: 对外说一声, 社会上能知道.
  { from: ["对外说", "对外公布", "对外宣布", "社会上能知道", "让社会知道", "社会上知道", "登报"], to: ["公告"] },
  // 头头 / 一把手 / 领头的: whoever leads the organisation.
  { from: ["头头", "头儿", "一把手", "领头的", "带头的", "掌门人", "当家的"], to: ["负责人", "会长", "理事长"] },
  // A schoolchild or someone under 18 (初二的闺女, 高中生, 没满18): a minor, who acts through a guardian.
  { from: ["小学生", "初中生", "中学生", "高中生", "初一", "初二", "初三", "高一", "高二", "高三", "未成年", "未满18", "不满18", "没满18", "不到18"], to: ["未成年人", "法定代理人", "年龄"] },
  // 犯过事 / 判过刑 / 有案底: a criminal record.
  { from: ["犯过事", "犯过罪", "判过刑", "坐过牢", "蹲过监狱", "有案底", "有前科", "被判过"], to: ["犯罪", "刑罚", "判处"] },
  // 跟身边认识的人要捐款: asking people one knows, not the public.
  { from: ["身边的人", "身边认识的人", "认识的人", "熟人", "亲戚朋友", "内部的人"], to: ["特定对象", "定向募捐"] },
  { from: ["要捐款", "拉捐款", "找人捐", "募点钱", "筹点钱", "拉赞助"], to: ["募捐"] },
  // 剩下的钱挪去修屋顶 / 改作别的: a donation put to another use than agreed.
  { from: ["挪去", "挪到", "挪作", "改作", "改用", "挪点", "挪一下", "用途改了", "改用途", "调整用途", "换个用处", "干别的"], to: ["改变用途", "用途"] },
  // 怎么挑选资助对象: choosing among applicants is what a review (评审) does.
  { from: ["挑选", "筛选", "选拔", "遴选", "挑人", "选谁"], to: ["评审", "评选"] },
  // 国字号的名字: a name under 中国, 全国 or 中华.
  { from: ["国字号", "国字头", "国家级的名"], to: ["中国", "全国", "中华"] },
  { from: ["注册", "成立", "申请成立", "办个", "开个", "搞个", "建个"], to: ["登记", "设立", "成立"] },
  { from: ["注销", "注消"], to: ["注销", "清算"] },
  // 名单里有几个是凑数的: members who are not real, so the registration was got by a false account.
  { from: ["凑数", "充数", "凑人头", "凑人数", "假会员", "挂名的会员", "虚报"], to: ["弄虚作假", "骗取登记"] },
  // 登记机关的层级 / 找的民政部门级别一样吗: which level of civil affairs registers it.
  { from: ["层级", "级别", "哪级", "哪一级", "哪一层"], to: ["哪一级", "登记机关"] },
  // 证书借给别人用 / 章租出去: lending or letting out a certificate or seal.
  { from: ["借给", "借出去", "借别人", "外借", "借人"], to: ["出借"] },
  { from: ["租给", "租出去", "出租给", "外租"], to: ["出租"] },
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
  { from: ["不想干了", "解散", "关掉", "关门", "停办", "撤销自己", "散伙", "不干了", "黄了"], to: ["注销", "清算"] },
  { from: ["公募", "公开募钱", "向社会募", "跟社会募", "向社会要钱", "跟社会要钱"], to: ["公开募捐", "公开募捐资格"] },
  { from: ["非公募"], to: ["非公开募捐"] },
  // 一律捐两万 / 下指标捐款 / 强制捐: a donation required of people, whatever it is called.
  { from: ["强制捐", "硬性捐", "必须捐", "都得捐", "一律捐", "按人头捐", "下指标", "派捐", "摊钱", "摊捐"], to: ["摊派"] },
  // 原始基金拿现金 / 用实物顶: money paid in, as against things.
  { from: ["现金", "现钱", "实物", "折价", "打到账上", "到位"], to: ["货币资金", "到账"] },
  // 公家的钱 / 财政的钱 / 街道给的钱: state assets in what an organisation is founded with.
  { from: ["公家的钱", "财政的钱", "财政资金", "财政拨", "政府拨", "国有的", "国企出", "国资", "公家出"], to: ["国有资产", "非国有资产"] },
  // 证会被吊销 / 收回证书: the registration withdrawn.
  { from: ["吊销", "收回证", "收回去", "收走", "取消登记", "被撤"], to: ["撤销登记"] },
  { from: ["筹款", "众筹", "募款", "化缘", "拉赞助", "搞募捐"], to: ["募捐"] },
  // (打条子, 写个条, 收条, 白条: a slip written by hand for what was given.)
  { from: ["收据", "发票", "开票", "开什么票", "票据", "打条子", "打个条", "写个条", "开个条", "条子", "收条", "白条"], to: ["捐赠票据", "收据"] },
  { from: ["抵税", "减税", "少交税", "税前", "扣税", "抵扣", "能抵", "抵多少"], to: ["税前扣除", "扣除"] },
  { from: ["免税"], to: ["免税资格"] },
  { from: ["中国", "中华", "全国"], to: ["冠以", "字样"] },
  { from: ["起名", "名字", "取名", "叫什么"], to: ["名称"] },
  // 换个名字 / 改名: a change of the registered name.
  { from: ["换个名字", "换名字", "改名", "改个名", "更名", "换名"], to: ["名称", "变更登记"] },
  // 把账查一遍 before a handover: an audit (查账的 alone is the supervisor, below).
  { from: ["把账查", "账查一遍", "查一遍账", "账目查一遍", "查查账"], to: ["审计", "财务审计"] },
  // 公章的样子报上去: the seal's impression, filed.
  { from: ["样子", "印模", "式样", "印样", "新刻的章", "章刻好"], to: ["印章式样", "备案", "刻章"] },
  { from: ["社服机构", "社服"], to: ["社会服务机构", "民非"] },
  { from: ["会长", "理事长", "秘书长", "负责人"], to: ["负责人", "法定代表人"] },
  { from: ["主管单位", "挂靠单位", "挂靠"], to: ["业务主管单位"] },
  { from: ["黑名单", "失信"], to: ["严重违法失信名单"] },
  // A list of organisations that broke the rules, named only as one (那个不太好的名单, 被拉进名单).
  { from: ["不好的名单", "不太好的名单", "不良名单", "坏名单", "进了名单", "上了名单", "拉进名单", "进名单", "上名单"], to: ["活动异常名录", "严重违法失信名单"] },
  { from: ["异常名录", "经营异常", "异常"], to: ["活动异常名录"] },
  { from: ["几a", "3a", "4a", "5a", "等级"], to: ["评估等级", "评估"] },
  { from: ["罚款", "罚钱", "被罚"], to: ["行政处罚", "罚款"] },
  { from: ["不服", "申诉"], to: ["行政复议", "行政诉讼"] },
  { from: ["义工", "志愿队", "志愿服务队", "志愿者"], to: ["志愿者", "志愿服务"] },
  { from: ["结余", "盈余", "分红", "分钱", "分点钱", "分给"], to: ["分配", "不得分配"] },
  { from: ["拿证", "拿的证", "领证", "发证", "证书"], to: ["登记证书", "登记成立"] },
  { from: ["理事长换", "会长换", "负责人换", "换人", "换了"], to: ["变更", "变更登记"] },
  { from: ["公众号", "朋友圈", "网上", "线上", "小程序", "直播间", "直播"], to: ["互联网", "公开募捐"] },
  // 私下瓜分 / 揣自己兜里: money of the organisation taken by people in it. (Not 分了 alone:
  // 剩下的钱能不能几个出钱的人分了 asks about distributing, a rule of its own.)
  { from: ["瓜分", "私下分", "私分了", "分给自己", "揣兜里", "揣自己兜里", "装自己腰包", "据为己有", "拿回家"], to: ["私分", "侵占", "挪用"] },
  // 改去买桌椅 / 挪到别的项目: money given for one purpose spent on another.
  { from: ["改去", "改用", "挪去", "挪到", "改作", "换个用途", "改成别的", "另作他用", "挪作他用", "挪着用", "挪用"], to: ["改变用途", "用途"] },
  { from: ["换了", "搬了", "改了", "换人", "搬家", "地址变", "搬到", "搬去", "迁到", "迁址", "搬迁", "住所变", "换地方", "换了地方"], to: ["变更登记", "变更"] },
  // 在园区办公要不要交房租: what office space costs, which the park gives free.
  { from: ["房租", "租金", "场地费", "交租", "租子"], to: ["免费", "办公场地"] },
  { from: ["启动资金", "注册资金", "注册资本", "资金"], to: ["活动资金", "开办资金", "原始基金"] },
  { from: ["广场舞", "兴趣小组", "文体队", "合唱队", "小组", "兴趣队", "秧歌", "舞蹈队", "太极", "读书会", "书法", "老年", "小团队", "队伍", "草根"], to: ["社区社会组织", "备案"] },
  { from: ["年纪", "多大", "岁数", "超龄", "年龄"], to: ["年龄", "岁"] },
  { from: ["正规", "正式", "合法"], to: ["登记", "备案"] },
  { from: ["理财", "买理财", "投资"], to: ["投资"] },
  { from: ["捐钱", "捐款", "捐东西"], to: ["捐赠"] },
  { from: ["工本费", "收费", "收钱", "交钱", "审核费"], to: ["收取费用", "费用"] },
  // 办公室要钱不 / 用掏钱吗: whether something costs the asker anything.
  { from: ["要钱", "花钱", "掏钱", "付钱", "给钱"], to: ["免费", "收费", "费用"] },
  // 交晚了会加收多少 / 滞纳金: the late-payment surcharge on a fine.
  { from: ["加收", "多收", "滞纳金", "罚息"], to: ["加处罚款", "加处"] },
  { from: ["党员"], to: ["党支部", "党组织"] },
  { from: ["一个党员", "1个党员", "1名党员", "一名党员", "两个党员", "2个党员", "2名党员", "两名党员", "党员不足", "党员少", "就一个党员"], to: ["联合党支部", "不足3人", "一个党员"] },
  { from: ["要改", "改一下", "更改", "修订", "改动", "改章程"], to: ["修改"] },
  { from: ["不给", "不批", "不让", "不准", "拒绝", "驳回"], to: ["不予登记", "不予"] },
  { from: ["批复", "批下来", "审批", "出结果", "答复", "批准", "拿到批"], to: ["作出决定", "出结果", "准予登记"] },
  { from: ["创新园", "园区", "孵化园"], to: ["创新园"] },
  { from: ["多久", "多长时间", "几天", "多少天", "时间限制", "时限", "期限", "日子限制", "有日子", "多少日子", "时间要求", "几天之内", "几天以内"], to: ["日内", "期限"] },
  { from: ["有效期", "几年有效", "有效多久", "管几年", "管多久", "管多长时间", "能用几年", "有效几年", "能管几年"], to: ["有效期"] },
  // 最大的那个会: the body that decides (not any 说了算: 谁说了算 asks who decides one thing).
  { from: ["最大的会", "最大的那个会", "最高的会", "哪个会说了算", "哪个会最大"], to: ["权力机构", "最高权力机构"] },
  // 每年那检查: the annual inspection, described.
  { from: ["每年那检查", "每年那个检查", "每年的检查", "每年检查", "年年检查"], to: ["年检"] },
  // 不用交所得税的那种身份: the tax-exempt qualification.
  { from: ["不用交所得税", "不交所得税", "免所得税", "免税身份"], to: ["免税资格", "非营利组织免税资格"] },
  { from: ["去哪里", "去哪儿", "去哪", "在哪里", "在哪儿", "在哪", "找谁", "哪个部门", "向谁", "找哪"], to: ["找谁", "窗口", "登记机关"] },
  { from: ["不够", "不满", "少于", "不到", "没到", "达不到", "凑不够", "只有"], to: ["不足", "未达到"] },
  { from: ["联合支部", "联合建", "联建", "和别的单位", "和别的机构", "跟别的单位"], to: ["联合党支部"] },
  { from: ["创始人的名字", "自己的名字", "人名", "姓名", "名人", "某某人的名字", "个人名字"], to: ["个人姓名", "人名"] },
  { from: ["强制捐", "必须捐", "硬性捐", "每人捐", "每个会员捐", "按人头捐", "派捐"], to: ["摊派", "捐款"] },
  { from: ["搞活动", "没搞", "办活动", "没活动", "不搞活动"], to: ["开展活动", "从事"] },
  { from: ["连着", "接连", "一连", "连年"], to: ["连续"] },
  // Durations said loosely: the rules state them in months.
  { from: ["半年", "大半年", "半年多"], to: ["6个月", "六个月"] },
  // Everyday names for the governing bodies and roles.
  { from: ["管事的班子", "领导班子", "班子", "决策层", "管事的", "当家的"], to: ["理事会", "理事"] },
  { from: ["查账的", "查账", "监督的", "盯着", "监督"], to: ["监事"] },
  // Family named as people name them (老伴, 儿媳, 小舅子): the law's 近亲属.
  { from: ["媳妇", "老婆", "丈夫", "老公", "爱人", "配偶", "老伴", "对象", "两口子", "儿子", "女儿", "闺女", "儿媳", "女婿", "子女", "孩子他", "父母", "爸妈", "父亲", "母亲", "我爸", "我妈", "公公", "婆婆", "岳父", "岳母", "丈母娘", "老丈人", "亲家", "小舅子", "大舅哥", "姐夫", "妹夫", "嫂子", "弟媳", "弟妹", "我哥", "我姐", "我弟", "我妹", "兄弟姐妹", "侄子", "侄女", "外甥", "孙子", "孙女", "外孙", "亲戚", "亲人", "家人", "家属", "家里人", "自家人", "一家人", "父子", "母子", "夫妻", "兄弟"], to: ["近亲属", "亲属"] },
  // 怕磕着碰着 / 摔伤了: someone hurt at an activity; 来帮忙的人: those who help, the volunteers.
  // (Not 碰着 alone: 碰着这种情况咋整 is "when we meet this".)
  { from: ["磕着碰着", "磕了碰了", "磕着", "摔着", "摔伤", "伤着", "出意外"], to: ["受伤", "人身意外伤害", "损害"] },
  { from: ["来帮忙的人", "帮忙的人", "来帮忙的"], to: ["志愿者"] },
  // 一直没登记，对外却叫协会 / 打着协会的旗号: acting in an organisation's name without registration.
  { from: ["没登记", "未登记", "没有登记", "没去登记", "没注册", "未注册", "没有注册"], to: ["未经登记"] },
  { from: ["旗号", "名号", "招牌", "对外宣传", "对外自称", "自称", "打着"], to: ["名义"] },
  // Before the certificate: the preparation stage.
  { from: ["张罗", "筹备阶段", "还没拿证", "证还没", "没批下来", "还没批", "还没登记", "没拿到证"], to: ["筹备", "筹备期间"] },
  // Public places and platforms: public fundraising.
  { from: ["摆摊", "摆个摊", "街上", "路边", "小区门口", "广场上", "商场门口", "抖音", "快手", "视频号", "微博"], to: ["公共场所", "公开募捐", "互联网"] },
  // Missed deadlines: the consequence rules.
  { from: ["晚交", "迟交", "忘了交", "没交", "不交", "没报", "漏报", "逾期", "过了截止", "超期", "拖着没"], to: ["未按规定", "活动异常名录", "逾期"] },
  { from: ["分摊", "摊到", "下指标", "分配任务", "硬性任务", "必须完成"], to: ["摊派"] },
  // A building paid for by a donor (出钱建一所小学, 捐建一座桥): the donation law's 工程项目 and their names.
  { from: ["捐建", "捐资兴建", "出钱建", "出钱盖", "出资建", "出资兴建", "建一所", "盖一所", "修一座", "建一座", "盖一座"], to: ["工程项目", "兴建", "留名纪念"] },
  // A donor who does not want their name known: the disclosure rule's 不同意公开的姓名.
  { from: ["不想留名", "不愿留名", "不留名", "匿名", "不想露名", "不愿露名", "不想公开名字", "不想让人知道"], to: ["不同意公开", "姓名"] },
  // Those who put money in (出钱的人, 当初掏钱的): the rules' 出资人.
  { from: ["出钱的人", "出钱的", "掏钱的", "出资的人", "投钱的"], to: ["出资人"] },
  { from: ["剩下的钱", "剩的钱", "剩余的钱", "剩下的财产", "剩余财产", "剩下的东西"], to: ["剩余财产"] },
  { from: ["学费", "培训费", "服务收入", "经营收入", "卖东西"], to: ["收入", "经营"] },
  // Making money by trading: the rule on profit-making business.
  { from: ["挣钱", "挣点钱", "挣点", "挣俩钱", "不能挣钱", "不能赚", "赚了", "挣了", "倒腾", "捣腾", "倒卖", "赚钱", "赚点钱", "赚点", "创收", "做买卖", "做生意", "开店", "开个店", "开超市", "开个超市", "搞经营", "make money", "for profit"], to: ["营利", "营利性经营活动", "赚钱"] },
  { from: ["几档", "几级", "几个等级", "哪几级", "评级", "打星", "评星", "星级"], to: ["评估等级", "等级"] },
  // Another organisation of the same kind where one exists (已经有个文体协会了，再成立个秧歌协会).
  { from: ["差不多的", "同类的", "一样的", "类似的", "重复的", "已经有个", "已经有一个", "再申请个", "再申请一个", "再成立个", "再成立一个", "再办个", "再搞个", "再弄个", "重复成立"], to: ["相同或者相似", "没有必要成立"] },
  { from: ["老板", "企业家", "公司"], to: ["企业", "捐赠人"] },
  { from: ["多少钱", "花多少", "要多少钱", "得多少钱"], to: ["活动资金", "开办资金", "原始基金"] },
  // 一年得把多少钱花出去: money the organisation spends, not money it needs to start.
  { from: ["花出去", "花掉", "花在", "用出去", "用掉"], to: ["支出", "公益支出"] },
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
  { from: ["别的区", "其他区", "另一个区", "别的街道", "其他街道", "每个区", "各个区", "各区", "每个街道", "各街道", "每个社区", "各个社区", "每个县", "各县", "每个市"], to: ["地域", "各个街道"] },
  { from: ["外地", "外市", "外省", "外区", "别的城市", "别的市", "其他城市", "异地"], to: ["区域外", "外地", "所在地"] },
  { from: ["挂牌", "挂个牌", "牌子"], to: ["设立", "设分会"] },
  // Pay asked of the people served (not the 工本费 of a certificate).
  // (A 红包 or 辛苦钱 pressed on a volunteer by the family served is pay all the same.)
  { from: ["辛苦费", "辛苦钱", "服务费", "劳务费", "好处费", "跑腿费", "茶水费", "上门费", "报酬", "收点钱", "红包", "塞钱", "感谢费", "心意钱", "收下"], to: ["报酬", "收取", "服务对象"] },
  // 给监事发点补贴: pay to an officer, by any everyday name.
  { from: ["补贴", "津贴", "车马费", "误工费", "薪水", "薪酬", "奖金", "发工资", "开工资", "领工资", "拿钱", "领钱", "拿工资", "拿补贴", "拿报酬", "领报酬"], to: ["报酬", "工资", "发钱"] },
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
  // 收了服务对象的钱 / 收了受助老人家属的钱: pay taken from those served.
  { pattern: /收(?:了|过|下)?(?:服务对象|被服务|受助|老人|居民|家属|人家|孩子|家长|残疾人)[^，,。？?]{0,6}?的?(?:钱|红包|好处)/g, to: ["收取报酬", "服务对象"] },
  // 理事长名下公司 / 监事自己的装修公司 / 理事亲戚的厂: an officer's own business, dealing with the organisation.
  { pattern: /(?:理事长|理事|监事|秘书长|会长)(?:名下|自己|自家|家里|亲戚|家属)?(?:开)?的?[\u3400-\u9fff]{0,4}?(?:公司|厂|企业|工厂)/g, to: ["交易", "关联"] },
  // 15岁 / 十六岁的学生: a child's age, so the rules for minors.
  { pattern: /(?<![\d一二三四五六七八九十])(?:[6-9]|1[0-7]|[六七八九]|十[一二三四五六七]?)(?:周)?岁/g, to: ["未成年人", "年龄"] },
  // 72了 / 七十多岁 / 68岁: an age, so the age-limit rules.
  { pattern: /(?:[5-9]\d|[五六七八九]十[一二三四五六七八九]?)(?:多)?(?:周岁|岁|了)/g, to: ["年龄", "岁", "超龄"] },
  // Somebody's own name used for the organization (我爸的名字, 创始人名字).
  // 只跟自己的理事、会员筹钱: fundraising among the organisation's own people.
  { pattern: /(?:只|就)?(?:跟|向|找|在|从)(?:(?:自己|我们|咱们|内部)的?){0,2}(?:理事|会员|发起人)(?:(?:和|、|跟|及)(?:理事|会员|发起人))?(?:中间|当中|之间|里面?|中)?[^，,。？?]{0,8}(?:筹|募|要|凑)(?:钱|款|资金|点钱)?/g, to: ["定向募捐"] },
  // 每户必须捐50 / 每家给我们捐一千 / 每个楼栋都得凑500…捐: everyone made to give.
  { pattern: /(?:每(?:户|家|人|位|名|个)|挨家挨户|按人头)[^，,。？?]{0,12}(?:必须|都得|都要|得|硬性|强制|一律|要求)?[^，,。？?]{0,8}(?:捐|凑|出钱)/g, to: ["摊派"] },
  // 再开一个点 / 另开个分店: a branch.
  { pattern: /(?:再|另|多|又)开(?:一|个|一个)?(?:点|分店|门店|网点|服务点)/g, to: ["分支机构"] },
  // 证上写的那个头儿 / 登记证上的人: the one the certificate names, the legal representative.
  { pattern: /(?:登记)?证(?:书)?上(?:写|登记|印)?的?(?:那个)?(?:头儿?|人|负责人|名字)/g, to: ["法定代表人"] },
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
  // Dialect pronouns (东北, 山东): 俺们协会 is 我们协会.
  ["俺们", "我们"], ["俺家", "我家"], ["俺", "我"],
  // A work email's self-reference (我单位、本单位): the same "us" as 我们.
  ["我们单位", "我们"], ["我单位", "我们"], ["本单位", "我们"], ["我司", "我们"],
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
export const organizationTypes: Array<{ mentions: string[]; marks: string[]; legalForm?: boolean }> = [
  { mentions: ["基金会"], marks: ["基金会"], legalForm: true },
  // Private schools, care homes and social-work centres are registered as 民非.
  { mentions: ["民非", ...minfeiRuns, "社工服务中心", "社会工作服务中心"], marks: ["民非"], legalForm: true },
  // Members (会员) are what a 社团 is made of: 民非 and 基金会 have none. (本会 and 我会 are no mark:
  // a foundation's letters call it 本会 as well.)
  { mentions: ["社团", "协会", "学会", "商会", "联合会", "研究会", "促进会", "会员"], marks: ["社团", "协会"], legalForm: true },
  { mentions: ["慈善组织", "慈善"], marks: ["慈善"] },
  { mentions: ["志愿"], marks: ["志愿"] },
  // 社区 alone is as often a place (创新园在哪个社区) as this kind of organization.
  { mentions: ["社区社会组织"], marks: ["社区"] },
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

export { englishTerms } from "./english-terms.js";

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
 * Things leaders set side by side (社团和民非的年报截止时间一样不; 那基金会呢), each with its
 * spellings after normalize (| between them). A question naming two of one list and asking how
 * they compare gets a part per side.
 */
export const comparables: string[][] = [
  ["社团|协会|商会|学会", "民非", "基金会", "慈善组织"],
  ["非公募基金会|非公募", "公募基金会"],
  ["公开募捐|公募", "定向募捐"],
  ["活动异常名录|异常名录", "严重违法失信名单|失信名单|黑名单"],
  ["年检", "年报|年度报告|年度工作报告"],
  ["分支机构|分会", "代表机构"],
  ["免税资格", "税前扣除资格|扣除资格", "评估等级"],
  ["行政复议|复议", "行政诉讼|起诉", "听证"],
];

/**
 * Words that name one of two (or more) exclusive cases a rule distinguishes. A limit stated for
 * one case (地方性社团 3万元) does not judge a question about another (全国性).
 */
export const contrasts: string[][] = [
  // (Said without 性 too: 地方公募基金会, 全国的协会; not bare 地方, which is also "a place".)
  ["全国性|全国的|全国公募|全国非公募", "地方性|地方的|地方公募|地方非公募|地方基金会|地方社团|省级|市级|区级|县级"],
  ["非公募", "公募"],
  ["个人会员", "单位会员"],
  // A company that joins is a 单位会员: a section on members speaks of companies too.
  ["企业|公司|单位会员", "个人"],
  ["社团", "民非", "基金会"],
  ["理事会|常务理事会", "会员大会|会员代表大会|会员(代表)大会", "监事会|监事"],
];

// The contrasts other than organisation types and 公募 (spelled more widely above) are compared too.
comparables.push(...contrasts.filter((sides) => !sides.includes("社团") && !sides.includes("公募")));
