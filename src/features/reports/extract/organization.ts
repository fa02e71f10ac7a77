/**
 * The organization that ran the activity: a run of Chinese characters ending in a team or
 * organization suffix, with leading date, time and pronoun words stripped.
 */

const SUFFIXES = [
  "志愿者服务队", "志愿服务队", "志愿服务团", "志愿者协会", "志愿者联合会", "义工联合会", "志愿服务联合会",
  "志愿服务中心", "服务中心", "服务社", "服务站", "志愿队", "服务队", "服务团", "救援队", "互助队", "义工队",
  "突击队", "巡逻队", "宣讲团", "宣讲队", "文艺队", "艺术团", "合唱团", "舞蹈队", "联合会", "促进会", "研究会",
  "协会", "志愿团", "居委会", "村委会", "党支部", "团支部", "团委", "妇联", "红十字会", "发展中心", "公益中心", "总队", "支队", "大队", "中队", "分队", "车队", "学会", "慈善会", "读书会", "联谊会", "志愿者之家", "基金会", "社工站", "工作室", "俱乐部", "爱心社", "公益社", "志愿者之家", "小分队", "先锋队", "救护队", "医疗队", "宣传队", "护卫队", "志愿小组", "小组", "服务组", "爱心团", "公益团", "团队", "志愿者联盟", "志愿联盟", "爱心联盟", "公益联盟", "驿站", "事务所", "义工社",
];
// Any other team ending in 队 (绿源环保队), but not 排队, 带队, 跟队, 全队 and the like; any club
// ending in 社 (墨香书画社), but not 社区, 社工, 社会 or a newspaper (报社).
const GENERIC_TEAM = "(?<![排入归带领组站插军球跟随全本该整各])队|(?<![集社旅剧乐军])团(?![体购建])|(?<![报旅公结杂诗])社(?![区工会保团员长])";
// 服务队员 is a member, not a team; 春晖志愿服务队队长 and 协会会员 repeat the suffix's last
// character before the title, so the name before them is whole.
const SUFFIX_PATTERN = new RegExp(`[\\u4e00-\\u9fa5A-Za-z]{1,24}?(?:${SUFFIXES.join("|")}|${GENERIC_TEAM})(?!(?:员|长|的成员)|[\\u4e00-\\u9fa5](?<![队会社团])(?:员|长))`, "g");

const PLACE_LIKE = /(?:党群|便民|政务|社区|综合|邻里|文化|卫生|健康)服务(?:中心|站)$|服务大厅$/;

/**
 * Words that run into a name without being part of it (昨天上午哈南爱心助残协会). 和 before 平,
 * 谐, 睦… begins a name (我们和平社区志愿服务队), not a companion.
 */
const LEADING_NOISE = new RegExp(
  [
    "^(?:",
    "这个月|这月|前几天|前些天|这几天|近日|日前|最近|月初|月底|上周末|周末|大前天|前天|昨天|今天|昨儿个|昨儿|今儿个|今儿|昨日|今日|今早|今晚|昨晚|本月|上个?月|",
    "上午|下午|中午|早上|晚上|傍晚|当天|那天|",
    "[\\u4e00-\\u9fa5]{1,6}(?:节|日)(?:当天|那天|这天|当晚|那晚)|",
    "(?:上上|上|这|本)?个?(?:周|礼拜|星期)[一二三四五六日天末]?|",
    "\\d{1,2}月\\d{1,2}[日号]|\\d{1,2}[日号]|",
    "(?:我们|俺们|咱们|我)和(?![平谐睦美兴顺乐])|我们跟|我们与|我跟|我与|我同|我们的|我们|俺们|咱们|我|都是|就是|由|联合|组织|带领|报一下|上报|活动上报|",
    "参加了|参与了|加入了|参加|参与|各|感谢|谢谢|多谢|",
    ")",
  ].join(""),
);

/**
 * A clause that runs into a name (我们去, 今天我们到, 小李带着, 3个队员去, 我们去了): a subject, an
 * optional adverb, then a verb or preposition. Only such a clause is cut off; the same characters
 * inside a name (绿丝带, 爱在身边, 到家帮帮团, 了凡读书会) are left alone.
 */
const SUBJECT = "(?:我们|俺们|咱们|他们|大家|我|咱|队员们?|志愿者们?|孩子们|\\d*[个名位]?(?:队员|志愿者|人)|[小老][\\u4e00-\\u9fa5]|[\\u4e00-\\u9fa5]{1,3}(?:姐|哥|叔|姨|老师|书记|主任|队长|会长|社长))";
const ADVERB = "(?:今天|昨天|前天|上午|下午|晚上|一起|一块儿?|又|也|都|还|就|先|再|刚|专门|特意|再次)*";
const VERB = "(?:带着|带领|带上|领着|跟着|陪着|联合了?|邀请了?|组织了?|叫上了?|约了|请了|去了|到了|来到|去|到|在|给|为|替|跟|和|与|同|是|都是|就是)";
const CLAUSE = new RegExp(`^[\\u4e00-\\u9fa5A-Za-z]*?${SUBJECT}${ADVERB}${VERB}`);

/**
 * What follows a name used as the subject (我们到家帮帮团今天…, 我们给力青年志愿队10人在…): a
 * time, a count or a second preposition. After 我们去X / 我们给X the place or person is followed
 * by what was done there instead, so a one-character verb before such a subject is part of it.
 */
const SUBJECT_FOLLOWS = /^(?:今天|昨天|前天|今早|昨晚|今晚|上午|下午|早上|晚上|中午|这周|本周|上周|周[一二三四五六日末]|\d|[一二两三四五六七八九十几]+[个名位人]|全体|一行|在|去|到|给|为|又|也|都|刚|已经|共|一共)/;

function stripClause(name: string, after: string): string {
  const clause = new RegExp(`${CLAUSE.source}$`);
  for (let end = 1; end <= name.length - 4; end++) {
    let head = name.slice(0, end);
    if (!clause.test(head)) continue;
    // 我们和平社区: 和 before 平/谐/睦… begins a name, not a companion.
    if (/[和与同跟]$/.test(head) && /^[平谐睦美兴顺乐]/.test(name.slice(end))) continue;
    // 跟着, 带领, 去了: the verb takes its particle.
    while (name.length - head.length > 4 && clause.test(name.slice(0, head.length + 1)) && /[着了上领]/.test(name[head.length]!)) {
      head = name.slice(0, head.length + 1);
    }
    let rest = name.slice(head.length);
    if (/[去到在给为替]$/.test(head) && SUBJECT_FOLLOWS.test(after)) rest = name.slice(head.length - 1);
    // 我们和大家去阳光志愿队: clauses in a row.
    return stripClause(rest, after);
  }
  return name;
}

function stripLeadingNoise(name: string, after = ""): string {
  let current = stripClause(name, after);
  for (;;) {
    const next = current.replace(LEADING_NOISE, "");
    if (next === current || next.length < 3) return current;
    current = next;
  }
}

/** Suffix alone (志愿服务队) names no one: a team name has some words before its suffix. */
function isSpecific(name: string): boolean {
  if (name.length < 4) return false;
  if (/[团队]$/.test(name) && /^(?:一个|这个|那个|整个|我们|大家)/.test(name)) return false;
  // 分成两个小组, 每个小组: a count of groups, not a name.
  if (/组$/.test(name) && /[\d一二两三四五六七八九十几]个|分成|分为|^每|^各/.test(name)) return false;
  return !SUFFIXES.includes(name) && !/^(?:各|该|本|此|这个|那个|我们|你们|他们)/.test(name);
}

/** Candidates in order of appearance. */
export function findOrganizations(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(SUFFIX_PATTERN)) {
    // 10号我们阳光志愿队: the 号 of a date written in digits starts the run of characters.
    const run = /\d$/.test(text.slice(0, match.index!)) ? match[0].replace(/^(?:点半|点钟|点|号|日|时)/, "") : match[0];
    const name = stripLeadingNoise(run, text.slice(match.index! + match[0].length));
    const start = match.index! + match[0].length - name.length;
    // 在新牧社区党群服务中心: a place that happens to end like an organization.
    if (/(?:在|去|到|于|地点:?|至|赴)\s*$/.test(text.slice(Math.max(0, start - 3), start))) continue;
    if (PLACE_LIKE.test(name)) continue;
    // 在新牧社区居委会 opening a clause: a place, not a team.
    if (/^[在到去于赴]/.test(name) && /社区|街道|小区|村|广场|公园|学校|医院|[馆院站]/.test(name)) continue;
    if (isSpecific(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The reporting organization: the one introduced by 我们/是 wins, else the first named. */
export function findOrganization(text: string): string | null {
  // A form-style report names it outright: 组织：幸福志愿队 / 单位：和平社区.
  const labelled = /(?:组织|单位|团队|队伍|组织单位|主办单位|主办方|服务队|志愿队|organization|team)\s*[:：]\s*([^\n,;。:：]{2,30})/i.exec(text);
  if (labelled) return stripLeadingNoise(labelled[1]!.trim());
  const names = findOrganizations(text);
  const own = names.find((name) => new RegExp(`(?:我们|俺们|咱们|我们是|都是|是)\\s*${escapeRegExp(name)}`).test(text));
  return own ?? volunteersNamed(text) ?? names[0] ?? signature(text);
}

/**
 * 我们是团区委青年志愿者, 来自哈尔滨工业大学志愿者: a body's volunteers named as such. 社区志愿者,
 * 一群志愿者, 党员志愿者 say what the writers are, not whose.
 */
const VOLUNTEERS_NAMED = /(?:我们是|俺们是|咱们是|我是|我们都是|来自)\s*([\u4e00-\u9fa5A-Za-z]{2,20}?志愿者)(?![协联之服团队会])/;
const GENERIC_VOLUNTEERS = /^(?:[一几两\d]?[群些名个位]|普通|个人|社区|小区|爱心|热心|党员|青年|大学生|学生|退休|老年|巾帼|在职|义务|应急|环保|文明|网格|楼栋|的)*(?:青年|党员|大学生|学生)?志愿者$/;

function volunteersNamed(text: string): string | null {
  const match = VOLUNTEERS_NAMED.exec(text);
  if (!match) return null;
  const name = match[1]!;
  return GENERIC_VOLUNTEERS.test(name) ? null : name;
}

/**
 * A name signed on a line of its own (——暖心小屋 李姐, -- 夕阳红 by 王姐, 落款：暖心小屋): the
 * sender's team even without a team suffix. The person's name after a space is dropped.
 */
const SIGNATURE = /(?:^|\n)[ \t]*(?:——|—|--|落款\s*[:：]|发送人\s*[:：]|by\s+)[ \t]*([\u4e00-\u9fa5A-Za-z]{2,20})(?:[ \t]+[\u4e00-\u9fa5]{1,4})?[ \t]*$/im;

function signature(text: string): string | null {
  const match = SIGNATURE.exec(text.trim());
  if (!match || match[1]!.length < 3 || !isSpecific(match[1]!)) return null;
  // ——谢谢大家, --以上: a closing phrase, not a name.
  return /谢|辛苦|完毕|以上|上报|报告|大家|各位|收到/.test(match[1]!) ? null : match[1]!;
}

/** A bare answer to "which organization?": accept a short name even without a suffix. */
export function organizationFromAnswer(text: string): string | null {
  // 是阳光志愿队: the answer's 是 is not part of the name.
  const found = findOrganization(/^\s*是/.test(text) ? `我们${text.trim()}` : text);
  if (found) return found;
  const bare = text.replace(/^(?:我们是|我们|是|组织是|组织叫|叫|单位是)/, "").replace(/[,。!.\s]+$/, "").trim();
  return bare.length >= 2 && bare.length <= 30 && !/[?？]/.test(bare) ? bare : null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
