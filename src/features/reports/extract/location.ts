/**
 * Where the activity took place: 地点:X, 在X + verb, 去X + verb, 从X回来, a stand-alone place
 * token (图片说明式 reports), or a place at the head of a clause (何家沟河道捡垃圾).
 */
import { escapeRegExp } from "./organization.js";

const PLACE_SUFFIX =
  "社区|街道|广场|公园|敬老院|福利院|养老院|老年公寓|小学|中学|学校|幼儿园|图书室|图书馆|活动室|活动中心|服务中心|党群服务中心|实践站|实践所|大厅|现场|公墓|陵园|河道边|河道|河边|江边|路口|医院|卫生院|村|镇|小区|家园|课堂|会议室|体育馆|家中|站|馆|院|园|中心|室|厅|场|段|路|街|楼|旁|边|门口|家";
/** Words that end a place phrase: what was done there. */
const VERBS =
  "开展|搞了?|做了?|举办|举行|组织|进行|开了?|给|为|陪|帮|教|表演|演出|演|参加|参与|慰问|看望|服务|义诊|清理|清|打扫|捡|植|种|宣传|站岗|巡逻|劝导|集合|游园|送|包|理发|开会|活动|志愿|协助|和|与|跟|举|上课|讲|辅导";
const VAGUE = /^(?:老地方|老地儿|那边|那里|这边|这里|附近|原来的地方|上次那里|那儿|这儿|外面|现场)$/;

const LABELLED = /(?:地点|地址|位置|location|venue)\s*[:：]?\s*([^,;。!?\n ]{2,30})/i;
const AFTER_AT = new RegExp(`(?:在|于|at\\s+)([^,;。!?\\n]{2,30}?)(?=${VERBS}|[,;。!?\\n]|\\s|$)`, "gi");
const AFTER_GO = new RegExp(`(?:去了?|到了?|赴|前往|来到)([\\u4e00-\\u9fa5]{2,20}?(?:${PLACE_SUFFIX}))(?=${VERBS}|[,;。!?\\n\\s]|$)`, "g");
const BACK_FROM = new RegExp(`从([\\u4e00-\\u9fa5]{2,20}?(?:${PLACE_SUFFIX}|))回来`);
const PLACE_TOKEN = new RegExp(`^[\\u4e00-\\u9fa5]{2,24}(?:${PLACE_SUFFIX})$`);
const CLAUSE_HEAD = new RegExp(`([\\u4e00-\\u9fa5]{2,20}?(?:${PLACE_SUFFIX}))(?=${VERBS}|[\\u4e00-\\u9fa5]{0,2}(?:清雪|捡垃圾|垃圾|辅导|作业))`);

function clean(place: string): string {
  return place
    .replace(/^(?:了|的)/, "")
    .replace(/(?:的|里|内|里面|那边)$/, "")
    .trim();
}

function acceptable(place: string, organization: string | null): string | null {
  const cleaned = clean(place);
  if (cleaned.length < 2 || VAGUE.test(cleaned)) return null;
  if (organization && cleaned === organization) return null;
  if (/\d|小时|志愿者|^[零一二两三四五六七八九十]+点/.test(cleaned)) return null;
  return cleaned;
}

/** true when the message names the place only vaguely (老地方): the location must be asked. */
export function mentionsVaguePlace(text: string): boolean {
  return /(?:在|去|到)(?:老地方|老地儿|那边|那里|原来的地方|上次那里|那儿)/.test(text);
}

export function findLocation(text: string, organization: string | null): string | null {
  const body = organization ? text.split(organization).join("\n") : text;
  const labelled = LABELLED.exec(body);
  if (labelled) {
    const place = acceptable(labelled[1]!, organization);
    if (place) return place;
  }
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
  for (const token of body.split(/[\s,;。!?\n]+/)) {
    const place = token.replace(/^[^\u4e00-\u9fa5]+/, "");
    if (PLACE_TOKEN.test(place) && !/志愿|服务队|协会|团$/.test(place)) {
      const accepted = acceptable(place, organization);
      if (accepted) return accepted;
    }
  }
  for (const clause of body.split(/[,;。!?\n]+/)) {
    const head = CLAUSE_HEAD.exec(clause.replace(/^[^\u4e00-\u9fa5]+/, ""));
    if (head) {
      const place = acceptable(stripTimeWords(head[1]!), organization);
      if (place) return withCommunity(place, organization);
    }
  }
  return inCommunity(body, organization);
}

function stripTimeWords(place: string): string {
  return place.replace(/^(?:今天|昨天|前天|上午|下午|晚上|早上|当天|那天|我们|俺们)+/, "");
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

export { escapeRegExp };
