/**
 * Where the activity took place: 地点:X, 在X + verb, 去X + verb, 从X回来, a stand-alone place
 * token (图片说明式 reports), or a place at the head of a clause (何家沟河道捡垃圾).
 */

import { QUANTITY } from "./numbers.js";

const PLACE_SUFFIX =
  "社区|街道|景区|场地|乐园|世界|冰面|江面|冰场|雪场|湿地|基地|农场|码头|车站|商场|超市|市场|大街|大道|岛|山|湖|河岸|岸边|江畔|河畔|湖畔|岸|畔|沿线|一带|广场|公园|敬老院|福利院|养老院|老年公寓|小学|中学|学校|幼儿园|图书室|图书馆|活动室|活动中心|服务中心|党群服务中心|实践站|楼栋|单元|出口|入口|东门|西门|南门|北门|大门|正门|侧门|[A-Za-z\\d]口|桥下|桥洞下|实践所|大厅|现场|公墓|陵园|河道边|河道|河边|江边|路口|医院|卫生院|村|镇|小区|家园|课堂|会议室|体育馆|家中|食堂|餐厅|两侧|两旁|周边|四周|主干道|干道|人行道|步道|站|馆|院|园|中心|室|厅|场|段|路|街|楼|旁|边|门口|家";
/** Words that end a place phrase: what was done there. */
const VERBS =
  "开展|走访|探望|搜救|搜寻|救援|打捞|值守|执勤|演练|维持|疏散|拜访|调解|排查|维修|检查|帮忙|排水|疏导|抢收|收割|搞了?|做了?|办了?|举办|举行|组织|进行|开了|给|为|陪|帮|教(?!育|堂|室|学)|表演|演出|参加|参与|慰问|看望|" +
  "服务(?!中心|站|大厅|社)|义诊|清理|清扫|清雪|打扫|捡|植(?!物)|种|宣传(?!栏)|站岗|巡逻|劝导|集合|游园(?!会)|游玩|玩|看(?!台)|送|包(?!头)|理发|" +
  "开会|护学|护送|挂(?:国旗|灯笼|横幅)|发放|发小|跳(?=舞|广场舞|绳|操)|活动(?!室|中心|站|场|馆)|演(?!艺)|协助|和|与|跟|上课|讲(?!堂)|辅导";
const VAGUE = /^(?:老地方|老地儿|那边|那里|这边|这里|附近|原来的地方|上次那里|那儿|这儿|外面|现场)$/;

const LABELLED = /(?:地点|地址|位置|location|venue)\s*(?:[:：]|是|在|为|改成|改为|换成)\s*(?:在)?([^,;。!?\n ]{2,30})/i;
// 正在, 现在, 还在 are not "at".
const AFTER_AT = new RegExp(`(?:(?<![正现还存实好所自])在|(?<![由对关属等])于(?![\\d今昨前上本这])|at\\s+)([^,;。!?\\n]{2,30}?)(?=${VERBS}|[,;。!?\\n]|\\s|$)`, "gi");
const AFTER_GO = new RegExp(`(?:去了?|到了?|赴|前往|来到)(?:一?趟)?([\\u4e00-\\u9fa5]{2,20}?(?:${PLACE_SUFFIX}))(?=${VERBS}|[,;。!?\\n\\s]|$)`, "g");
const BACK_FROM = new RegExp(`从([\\u4e00-\\u9fa5]{2,20}?(?:${PLACE_SUFFIX}|))回来`);
const PLACE_TOKEN = new RegExp(`^[\\u4e00-\\u9fa5]{2,24}(?:${PLACE_SUFFIX})$`);
const CLAUSE_HEAD = new RegExp(`([\\u4e00-\\u9fa5]{2,20}?(?:${PLACE_SUFFIX}))(?=(?:那边|这边|那儿|这儿)?(?:${VERBS}|安保|值守|执勤|巡护)|[\\u4e00-\\u9fa5]{0,2}(?:清雪|捡垃圾|垃圾|辅导|作业|积雪|冰雪|落叶|杂物))`);

const ENDS_LIKE_PLACE = new RegExp(`(?:${PLACE_SUFFIX})$`);
const PLACE_PREFIX = new RegExp(`^.*?(?:${PLACE_SUFFIX})`, "s");

/**
 * 民主社区调解了一起邻里纠纷: a verb the list does not know ran into the place. Keep the part up
 * to the last word that ends like a place.
 */
function trimToPlace(place: string): string {
  if (ENDS_LIKE_PLACE.test(place)) return place;
  let best = "";
  for (let end = place.length - 1; end >= 2; end -= 1) {
    const prefix = place.slice(0, end);
    if (ENDS_LIKE_PLACE.test(prefix)) {
      best = prefix;
      break;
    }
  }
  return best.length >= 2 && PLACE_PREFIX.test(best) ? best : place;
}

function clean(place: string): string {
  return trimToPlace(place.trim())
    .replace(/^(?:了|的|就|那个)+/, "")
    .replace(/(?:的|里|内|里面|那边)$/, "")
    .replace(/(?:夜间|白天|上午|下午|晚上|早上)$/, "")
    .trim();
}

function acceptable(place: string, organization: string | null): string | null {
  const cleaned = clean(place);
  // 在社区 / 在辖区 said by a team named after its community means that community.
  const community = organization?.match(/^([\u4e00-\u9fa5]{2,8}?(?:社区|村))/)?.[1];
  if (community && /^(?:社区|本社区|辖区|辖区内|社区里|村里)$/.test(cleaned)) return community;
  if (cleaned.length < 2 || VAGUE.test(cleaned)) return null;
  // 社区门口 said by 和平社区志愿服务队 is that community's gate (withCommunity names it).
  if (community && /^社区(?:门口|大门|广场|院里|院内|东门|西门|南门|北门)$/.test(cleaned)) return cleaned;
  if (organization && cleaned === organization) return null;
  if (/^\d|\d\s*(?:点|:|小时|人|名|个|位)|小时|志愿者|^[零一二两三四五六七八九十]+点/.test(cleaned)) return null;
  // 在书记的带领下 is guidance, not a place.
  if (/(?:带领|指导|帮助|支持|号召|组织)下$|进行中|期间/.test(cleaned)) return null;
  // 在社区 alone names no place the park could find; the dialog asks.
  if (/^(?:社区|本社区|辖区|辖区内|社区里|小区|村里|单位|家里|外面|街上|公园|广场)$/.test(cleaned)) return null;
  // 在地铁站口, 在超市门口: a kind of place with no name says not which one.
  if (/^(?:地铁站?|地铁站口|公交站|公交车站|车站|站台|超市|商场|商店|医院|学校|小学|中学|幼儿园|菜市场|市场|路口|十字路口|楼下|楼道|小区|社区|单元)(?:门口|出口|入口|口|旁边?|边上|附近|前面?|外面?|里)?$/.test(cleaned)) return null;
  // 在她家 names a home only through the person named before it (pronounHome).
  if (/^(?:他|她|它)们?家$/.test(cleaned)) return null;
  return cleaned;
}

/** true when the message names the place only vaguely (老地方): the location must be asked. */
export function mentionsVaguePlace(text: string): boolean {
  return /(?:在|去|到)(?:老地方|老地儿|那边|那里|原来的地方|上次那里|那儿)/.test(text);
}

/** 8个人, 志愿者7人: head counts are fields of their own and end any place phrase. */
const HEAD_COUNT = new RegExp(`(?<![第\\d零〇一二两三四五六七八九十百千])${QUANTITY}\\s*(?:个人|个|名|位|人)(?![民体性])`, "g");

/**
 * 个人清理了何家沟河道: the clause-head pattern may start inside the sentence; a place never
 * holds a verb, so keep what follows the last verb (and its 了).
 */
function afterLastVerb(place: string): string {
  const verbs = new RegExp(`(?:${VERBS})了?`, "g");
  let cut = 0;
  for (const match of place.matchAll(verbs)) {
    const end = match.index! + match[0].length;
    if (end < place.length - 1) cut = end;
  }
  return cut > 0 ? place.slice(cut) : place;
}

export function findLocation(text: string, organization: string | null): string | null {
  const body = (organization ? text.split(organization).join("\n") : text).replace(HEAD_COUNT, "\n");
  const labelled = LABELLED.exec(body);
  if (labelled) {
    const place = acceptable(labelled[1]!, organization);
    if (place) return place;
  }
  const described = onlinePlace(body) ?? homesPlace(body, organization) ?? visitedPlace(body);
  if (described) return described;
  // 地点红旗社区各楼栋: the label without a colon, when what follows is a place.
  const bare = /(?:地点|地址)\s*([\u4e00-\u9fa5]{2,30})/.exec(body);
  if (bare && ENDS_LIKE_PLACE.test(clean(bare[1]!))) {
    const place = acceptable(bare[1]!, organization);
    if (place) return place;
  }
  const home = pronounHome(body);
  if (home) return home;
  for (const match of body.matchAll(AFTER_AT)) {
    const place = acceptable(match[1]!, organization);
    if (place && !/^(?:[\u4e00-\u9fa5]{0,2}(?:点|时))$/.test(place)) return withCommunity(place, organization);
  }
  for (const match of body.matchAll(AFTER_GO)) {
    const place = acceptable(match[1]!, organization);
    if (place) return withCommunity(place, organization);
  }
  const back = BACK_FROM.exec(body);
  if (back) {
    const place = acceptable(back[1]!, organization);
    if (place) return place;
  }
  if (mentionsVaguePlace(body)) return null;
  // Caption and table styles separate fields by spaces, | or /.
  for (const token of body.split(/[\s,;。!?\n|/]+/)) {
    const place = token.replace(/^[^\u4e00-\u9fa5]+/, "");
    if (PLACE_TOKEN.test(place) && !/志愿|服务队|协会|团$/.test(place)) {
      const accepted = acceptable(place, organization);
      if (accepted) return accepted;
    }
  }
  // 给育才小学的留守儿童送饺子: the place whose people were served.
  const whose = PLACE_OF_SERVED.exec(body);
  if (whose) {
    const place = acceptable(whose[1]!, organization);
    if (place) return withCommunity(place, organization);
  }
  const households = HOUSEHOLDS.exec(body);
  if (households) {
    const place = acceptable(stripTimeWords(afterLastVerb(households[1]!)), organization);
    if (place) return place;
  }
  for (const clause of body.split(/[,;。!?\n]+/)) {
    const head = CLAUSE_HEAD.exec(clause.replace(/^[^\u4e00-\u9fa5]+/, ""));
    if (head) {
      const place = acceptable(stripTimeWords(afterLastVerb(head[1]!)), organization);
      if (place) return withCommunity(place, organization);
    }
  }
  return inCommunity(body, organization);
}

/** 给幸福社区12户困难家庭送米: the community whose households were served is the place. */
const HOUSEHOLDS = new RegExp(`([\\u4e00-\\u9fa5]{2,16}?(?:社区|街道|村|小区|镇|乡))的?\\s*${QUANTITY}\\s*户`);

const PLACE_OF_SERVED = new RegExp(`(?:给|为|帮|看望|探望|慰问|走访)了?([\\u4e00-\\u9fa5]{2,16}?(?:社区|街道|村|小区|镇|小学|中学|学校|幼儿园|敬老院|福利院|养老院|医院|家园|中心))的`);

/** 帮独居的王奶奶修水管，在她家: the home of the last person named before the pronoun. */
const PERSON = /老[\u4e00-\u9fa5]头|(?![老小各这那])[\u4e00-\u9fa5](?:大爷|大妈|奶奶|爷爷|大娘|婆婆|阿姨|老太太|叔叔)(?![们等])/g;
function pronounHome(text: string): string | null {
  const pronoun = /(?:在|去|到|于)(?:了)?(?:他|她)家/.exec(text);
  if (!pronoun) return null;
  const people = [...text.slice(0, pronoun.index).matchAll(PERSON)];
  const person = people.at(-1)?.[0];
  return person ? `${person}家` : null;
}

function stripTimeWords(place: string): string {
  return place.replace(/^(?:今天|昨天|前天|今晚|昨晚|今早|上午|下午|晚上|早上|当天|那天|我们|俺们|在|去|到|于)+/, "");
}

/** 社区活动室 said by a team named after its community is that community's room. */
function withCommunity(place: string, organization: string | null): string {
  const community = organization?.match(/^([\u4e00-\u9fa5]{2,8}?(?:社区|村|街道))/)?.[1];
  if (community && /^(?:社区|小区|村)/.test(place) && !place.startsWith(community)) {
    return `${community}${place.replace(/^社区/, "")}`;
  }
  return place;
}

/**
 * No place named, but the text points inside the team's own community (小区里的树, 辖区楼道):
 * the community named in the organization is the place.
 */
function inCommunity(text: string, organization: string | null): string | null {
  const community = organization?.match(/^([\u4e00-\u9fa5]{2,8}?(?:社区|村))/)?.[1];
  if (!community) return null;
  const spot = /(小区|楼道|单元|院里|院内)/.exec(text);
  return spot ? `${community}${spot[1]}` : null;
}


/** 通过腾讯会议线上讲座: online activities are recorded as 线上（平台）. */
const PLATFORM = /腾讯会议|钉钉|飞书|微信群|微信视频号|视频号|抖音直播|抖音|快手|QQ群|B站|zoom|teams/i;
function onlinePlace(text: string): string | null {
  const platform = PLATFORM.exec(text)?.[0];
  const online = /线上|网上|在线|云端|直播|online/i.test(text);
  if (platform && (online || /通过|用|借助|在/.test(text.slice(Math.max(0, text.indexOf(platform) - 3), text.indexOf(platform))))) return `线上（${platform}）`;
  return online && /线上(?:开展|进行|讲|办|举办|授课|分享|直播|培训|会议|沙龙|课堂)/.test(text) ? "线上" : null;
}

const SERVED_GROUP = "(?:独居|孤寡|空巢|高龄|失能|残疾|困难|低保|留守|特困|行动不便的?)?(?:老人|老年人|长者|困难户|困难家庭|低保户|家庭|居民|住户|残疾人|儿童|群众)";
const COMMUNITY = "[\\u4e00-\\u9fa5]{2,8}?(?:社区|街道|村|小区)";
/** 去社区孤寡老人家里, 上门给辖区高龄老人测血压: the homes of the people served are the place. */
const HOMES = new RegExp(`(${COMMUNITY}|社区|辖区|小区|村里)?的?(?:几[个户位家]|各|部分|\\d+户)?(${SERVED_GROUP})(?:家中|家里|家)(?![属长务政人庭])`);
const CALLING = new RegExp(`上门(?:给|为|帮|看望|走访|探访|慰问|服务)?了?(${COMMUNITY}|社区|辖区)?的?(${SERVED_GROUP})`);
/** 为辖区困难老人上门送菜: the people named before 上门. */
const CALLED_ON = new RegExp(`(?:给|为|帮)(${COMMUNITY}|社区|辖区)?的?(?:\\d+[位名户个])?(${SERVED_GROUP})上门`);
function homesPlace(text: string, organization: string | null): string | null {
  const match = HOMES.exec(text) ?? CALLING.exec(text) ?? CALLED_ON.exec(text);
  if (!match) return null;
  // Of a run such as 服务队然后去了那个社区, only the words after the last filler or verb name the place.
  const named = match[1] ? /[^了个去到在给为的啊嗯然后队会]{2,6}(?:社区|街道|村|小区)$/.exec(match[1])?.[0] ?? null : null;
  const community = named ?? organization?.match(/^([\u4e00-\u9fa5]{2,8}?(?:社区|村|街道))/)?.[1] ?? "";
  return `${community}${match[2]}家中`;
}

/** 挨家走访保国街道沿街商铺: the shops or homes visited one by one are the place. */
const VISITED = /(?:挨家挨户|挨家|逐户|入户)?(?:走访|排查|检查|登记|发放)了?([\u4e00-\u9fa5]{2,16}?(?:沿街商铺|商铺|商户|门店|沿街店铺|店铺))/;
function visitedPlace(text: string): string | null {
  return VISITED.exec(text)?.[1] ?? null;
}
