/**
 * Category by REPORTS.md "Category": care aimed at one group takes that group's category;
 * otherwise the content decides, and services from several fields at once are 其他.
 * The organization's own name is removed first: a 夕阳红 team clearing snow is not 助老.
 */
import type { Category } from "./types.js";

/** Groups of people served, in the order that breaks ties (残疾儿童 → 助残). */
const TARGET_GROUPS: ReadonlyArray<readonly [Category, RegExp]> = [
  ["助残", /残疾|残障|助残|盲人|视障|听障|聋哑|智障|自闭症|孤独症|阳光家园|轮椅|disabled|disabilit/],
  ["扶贫济困", /低保|五保|困难(?:群众|家庭|户|职工|老人|学生)?|贫困|特困|困境|扶贫|济困|帮困|米面油|poor famil|low-income|rice and oil/],
  ["助老", /老人|老年|敬老|养老|长者|独居|空巢|高龄|孤寡|日间照料|适老|老李头|大爷|大妈|奶奶|爷爷|老太|elderly|seniors?\b|nursing home/],
  ["儿童青少年", /儿童|孩子|小朋友|少儿|青少年|学生|小学|中学|幼儿园|四点半课堂|作业|六一|留守|未成年|中考|高考|kids|children|students|tutor/],
];

/** Content fields; 宣传 and 文明 are weak hints used only when nothing else speaks. */
const CONTENT: ReadonlyArray<readonly [Category, RegExp]> = [
  ["健康卫生", /义诊|导诊|陪诊|看诊|问诊|接诊|诊疗|看病|体检|血糖|血压|血糖|献血|健康|心理|医疗|防疫|疫苗|中医|按摩|理疗|卫生知识|讲座|clinic|health|blood pressure|check-?ups?/],
  ["应急救援", /急救|搜寻|落水|救生|打捞|演练|救援|应急|内涝|暴雨|排水|防汛|抗洪|抢险|搜救|消防|安全保障|安保|被困|转移群众|地震|火灾|first[- ]aid|cpr|rescue|drill/],
  ["法律援助", /法律|律师|普法|法治|维权|法援|legal|lawyers?/],
  // Mediating a neighbours' quarrel is community work; with lawyers or legal advice it is 法律援助 (listed first).
  ["社区治理", /调解|纠纷|反诈|防诈|清雪|扫雪|除雪|积雪|铲雪|清理冰雪|清扫冰雪|冰雪清理|清冰|除冰|铲冰|下大雪|巡逻|巡查|劝导|文明交通|交通劝导|小广告|治安|楼道|网格|议事|人口普查|秩序|张贴|告知书|倡议书|宣传单|防火|燃气安全|灭火器|文明养犬|文明停车|patrol|anti-fraud|outreach/],
  ["环保", /垃圾|河道|植树|种树|树苗|树木|新栽|浇水|花草|绿地|护绿|环保|环境|绿化|白色污染|净滩|减塑|刷白|涂白|烟头|种花|补绿|花坛|垃圾分类|clean-?up|litter|trash|garbage|riverbank|tree planting/],
  ["文化体育", /书法|演出|表演|秧歌|演奏|戏曲|文艺|节目|唱歌|合唱|舞蹈|广场舞|体育(?!馆|场)|运动会|比赛|读书|阅读|文化(?!广场|站|中心|馆|宫)|电影|游园|非遗|剪纸|二人转|太极|灯谜|猜谜|国画|绘画|摄影|象棋|围棋|棋类|健身|篮球|足球|乒乓|徒步|登山|图书|书架|春联|福字|library|books|reading|dance|singing/],
];

/**
 * Guard duty (巡逻, 值守, 站岗) is a way of serving, not a field: it takes the field of what is
 * guarded (防汛值守 → 应急救援, 河道巡护 → 环保) and is 社区治理 (REPORTS.md: 巡逻) only alone.
 */
const GUARD_DUTY = /巡逻|巡查|巡护|巡防|巡更|值守|值班|站岗|执勤|守护|patrol/;

const WEAK: ReadonlyArray<readonly [Category, RegExp]> = [
  ["社区治理", /宣传|文明|志愿服务集市|便民/],
];

/** Distinct kinds of service listed (义剪、测血压、法律咨询): several fields make 其他. */
function contentHits(text: string): Category[] {
  const lower = text.toLowerCase();
  return CONTENT.filter(([, pattern]) => pattern.test(lower)).map(([category]) => category);
}

export function categorize(text: string, organization: string | null, location: string | null = null): Category | null {
  // Volunteers' own descriptions (大学生志愿者, the team's name) say nothing about who was served.
  let content = organization ? text.split(organization).join(" ") : text;
  content = content.replace(/大学生|青年志愿者|老年志愿者|老党员/g, " ");
  // 儿童公园, 老年广场: a park open to everyone says nothing about who was served.
  content = content.replace(/(?:儿童|少年|青少年|老年|老人)(?=公园|广场|乐园)/g, " ");
  // The place tells who is served (敬老院) but not what was done (文化广场, 冰灯游园会).
  const groups = TARGET_GROUPS.filter(([, pattern]) => pattern.test(content)).map(([category]) => category);
  const withPlace = content;
  if (location) content = content.split(location).join(" ");
  let hits = contentHits(content);
  // A place read too long (江桥下搜救落水者) may hold the only activity word: read it back.
  if (hits.length === 0 && location && !/(?:广场|中心|站|馆|宫)$/.test(location)) hits = contentHits(withPlace);
  // A fair of everyday services (便民服务集市) is mixed services by definition.
  // 便民服务日 / 便民服务活动 (not a 便民服务大厅, which is a place) is a day of such services too.
  if (groups.length === 0 && /集市|综合服务|多项服务|便民服务(?!大厅|中心|站|点|窗口)/.test(content)) return "其他";
  // A fair or a list of services from several fields (义剪、测血压、法律咨询) is 其他.
  if (hits.length >= 2 && (enumeratesFields(content) || /集市|综合服务|多项服务/.test(content))) return "其他";
  if (groups.length > 0) return groups[0]!;
  if (hits.length >= 3) return "其他";
  // Two fields named: one is usually the theme of the other (献血宣传, 文明祭扫劝导); the first
  // named field is the subject.
  if (hits.length >= 1) return [...hits].sort((left, right) => firstIndex(content, left) - firstIndex(content, right))[0]!;
  if (GUARD_DUTY.test(content.toLowerCase())) return "社区治理";
  const weak = WEAK.find(([, pattern]) => pattern.test(content));
  if (weak) return weak[0];
  return hasActivity(content) ? "其他" : null;
}

function firstIndex(text: string, category: Category): number {
  const pattern = CONTENT.find(([name]) => name === category)![1];
  return pattern.exec(text.toLowerCase())?.index ?? Number.MAX_SAFE_INTEGER;
}

/** Items of a 、-list that fall in different fields. */
function enumeratesFields(text: string): boolean {
  for (const match of text.matchAll(/、/g)) {
    const left = contentHits(text.slice(Math.max(0, match.index! - 6), match.index!));
    const right = contentHits(text.slice(match.index! + 1, match.index! + 7));
    if (left.length && right.length && !left.some((category) => right.includes(category))) return true;
  }
  return false;
}

function hasActivity(text: string): boolean {
  return /开展|活动|服务|志愿|帮|送|清理|打扫|慰问|看望/.test(text);
}
