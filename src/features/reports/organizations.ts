/**
 * One team, one name: a report's organization is matched to the organizations the park already
 * knows (bound groups, earlier reports, names staff merged), so 夕阳红志愿队 and
 * 新牧社区夕阳红志愿服务队 count as one. Staff merge two names by hand with /merge A => B.
 */
import { UserError } from "../../core/errors.js";
import { answer, type Outcome, type Turn } from "../../core/feature.js";
import type { ChatDirectory } from "../../core/chats.js";
import type { KeyValue, Storage } from "../../ports/storage/index.js";

/** Words that say what kind of team it is, not which one; longest first so 志愿服务队 wins over 服务队. */
const GENERIC_SUFFIXES = [
  "志愿者服务队", "志愿服务总队", "志愿服务大队", "志愿服务队", "志愿服务团", "志愿者协会", "志愿服务协会", "志愿者联合会", "志愿服务联合会",
  "志愿服务中心", "志愿者之家", "志愿者队", "志愿小分队", "志愿小组", "志愿者团队", "志愿团队", "志愿队", "志愿团", "志愿者",
  "服务队", "服务团", "服务社", "小分队", "联合会", "促进会", "协会", "分队", "团队", "小组", "队", "团", "会", "社",
];
/** A place in front of the name: 哈尔滨市平房区新牧社区…, 保国街道…, 红旗村…. */
const PLACE_PREFIX = /^(?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|区|县|旗|街道|镇|乡|社区|村|屯|小区))+/;
/** What a team does, often said or left out before its kind (绿丝带环保志愿队 = 绿丝带志愿队). */
const DOMAIN_WORDS = /(?:环保|助学|助残|助老|敬老|扶贫|济困|救援|应急|文明|宣讲|巡逻|关爱|帮扶|科普|普法|心理|健康|医疗|文艺|体育)$/;
/** Cores that say nothing about which team it is: two teams may share them in different places. */
const VAGUE_CORES = new Set(["青年", "义工", "爱心", "巾帼", "党员", "社区", "公益", "红色", "阳光", "雷锋", "学雷锋", "文明", "平安", "环保", "助老", "助残"]);

export interface NameParts {
  /** What is left of the name without place and kind: 夕阳红 */
  core: string;
  /** The place it starts with, if any: 新牧社区 */
  place: string;
}

/** Splits an organization name into its place, its identifying core and its generic kind. */
export function nameParts(name: string): NameParts {
  let text = name.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
  const place = PLACE_PREFIX.exec(text)?.[0] ?? "";
  if (place.length < text.length) text = text.slice(place.length);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const suffix of GENERIC_SUFFIXES) {
      if (text.length > suffix.length && text.endsWith(suffix)) {
        text = text.slice(0, -suffix.length);
        stripped = true;
        break;
      }
    }
  }
  // 绿丝带环保志愿队 and 绿丝带 are one team: a trailing word for what it does is not its name.
  const domain = DOMAIN_WORDS.exec(text);
  if (domain && text.length - domain[0].length >= 2) text = text.slice(0, -domain[0].length);
  return { core: text, place: place === name ? "" : place };
}

/**
 * A place written without its 社区/区/街道 runs into the core (新牧夕阳红): when one core ends
 * with the other and what is left over begins the other's place, they are the same name.
 */
function samePlaceWritten(a: NameParts, b: NameParts): boolean {
  const [longer, shorter] = a.core.length >= b.core.length ? [a, b] : [b, a];
  if (longer.core === shorter.core || !longer.core.endsWith(shorter.core)) return false;
  const extra = longer.core.slice(0, -shorter.core.length);
  return extra.length >= 2 && shorter.place.startsWith(extra) && (longer.place === "" || longer.place === shorter.place);
}

/**
 * Whether two names are the same team: the same core, and places that do not disagree (one of
 * them says no place, or one place contains the other). A vague core (青年, 义工) needs the same place.
 */
export function sameOrganization(left: string, right: string): boolean {
  const a = nameParts(left);
  const b = nameParts(right);
  // The place is the same by construction, which is all a vague core needs too.
  if (samePlaceWritten(a, b)) return true;
  if (a.core.length < 2 || a.core !== b.core) return false;
  if (VAGUE_CORES.has(a.core)) return a.place !== "" && a.place === b.place;
  return a.place === "" || b.place === "" || a.place.includes(b.place) || b.place.includes(a.place);
}

/** The park's organization names and the merges staff made. */
export class Organizations {
  private readonly aliases: KeyValue<string>;

  constructor(
    storage: Storage,
    private readonly chats: Pick<ChatDirectory, "list">,
  ) {
    this.aliases = storage.namespace<string>("organization-aliases");
  }

  /**
   * The name to store for `name`: a merge staff made wins; then a bound group's organization;
   * then an earlier report's name. Several different candidates: the name is kept as written.
   */
  async resolve(name: string | null, earlier: Iterable<string>): Promise<string | null> {
    if (!name) return name;
    const merged = await this.aliases.get(aliasKey(name));
    if (merged) return merged;
    const bound = (await this.chats.list()).map((chat) => chat.organization).filter((value): value is string => Boolean(value));
    for (const candidates of [bound, [...earlier]]) {
      if (candidates.includes(name)) return name;
      const matches = [...new Set(candidates.filter((candidate) => sameOrganization(name, candidate)))];
      if (matches.length === 1) return matches[0]!;
      if (matches.length > 1) return name;
    }
    return name;
  }

  /** Remembers that `from` is `to` from now on (and `to` stays itself). */
  async alias(from: string, to: string): Promise<void> {
    await this.aliases.set(aliasKey(from), to);
    await this.aliases.delete(aliasKey(to));
  }
}

function aliasKey(name: string): string {
  return name.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
}

/** "A => B", "A -> B", "A → B", "A 并入 B": the name to retire and the name to keep. */
export function parseMerge(args: string): { from: string; to: string } | undefined {
  const parts = args.split(/\s*(?:=>|->|→|＝＞|－＞|⇒|并入|合并到|改为|改成)\s*/).map((part) => part.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0] === parts[1]) return undefined;
  return { from: parts[0], to: parts[1] };
}

export interface MergeDeps {
  organizations: Organizations;
  chats: Pick<ChatDirectory, "list" | "update">;
  /** Renames the organization on every stored report; returns how many changed. */
  renameReports(from: string, to: string, now: Date): Promise<number>;
}

/** /merge A => B (合并): reports and bound groups named A are renamed B, and later reports of A too. */
export async function mergeCommand(turn: Turn, deps: MergeDeps): Promise<Outcome> {
  const names = parseMerge(turn.command!.args);
  if (!names) throw new UserError("reports.merge.usage");
  const reports = await deps.renameReports(names.from, names.to, turn.now);
  let groups = 0;
  for (const chat of await deps.chats.list()) {
    if (chat.organization && aliasKey(chat.organization) === aliasKey(names.from)) {
      await deps.chats.update(chat.key, { organization: names.to });
      groups += 1;
    }
  }
  await deps.organizations.alias(names.from, names.to);
  return answer(turn, turn.t("reports.merge.done", { from: names.from, to: names.to, reports, groups }));
}
