/**
 * Counts said in a roundabout way, restated as the plain count the people rules read
 * (REPORTS.md "People"): groups × people (两个小组每组5人 → 10人), a spoken guess corrected by an
 * exact count (来了十二三个吧 我数数 12个 → 12个), a rough count taken back (十来个人不对是11个).
 */
import { parseNumeral } from "./numbers.js";

const CN = "(?:\\d{1,3}|[一二两三四五六七八九十]{1,3}|俩|仨)";
const UNIT = "(?:个人|个|名|人|位)";

const GROUPS = new RegExp(`(${CN})个?(?:小)?(?:组|队|班|分队)[,\\s]*(?:每(?:组|队|班)|各)(?:各)?(${CN})${UNIT}`, "g");
/** A guess or a range, then words that correct it, then the exact count. */
const RECOUNT = new RegExp(
  `(?:来了|去了|有|一共|总共|共)?[\\d一二两三四五六七八九十几来多左右]{1,5}${UNIT}?(?:吧|左右|的样子)?[,\\s]*` +
    `(?:我数数|我数了数|数了一下|我想想|想了想|不对|准确地?说|确切地?说|应该是)[,\\s]*(?:是|有|一共|总共)?\\s*(${CN})(${UNIT})`,
  "g",
);

/** 志愿者：张桂兰、李秀英、王建国: a list of names is a head count. */
const NAME_LIST = /(?:志愿者|参加人员|参与人员|参加志愿者|参与志愿者|人员|名单)[:：]\s*((?:[\u4e00-\u9fa5]{2,3}[、,，]\s*){1,40}[\u4e00-\u9fa5]{2,3})(?=\s*(?:\n|$|。))/g;
/** 我和另外两个同学: the reporter plus the others. */
const ME_AND = new RegExp(`我(?:和|跟|带着?)(?:另外|其他)?(${CN})(?:个|名|位)(?:同学|朋友|队友|同事|志愿者|人|小伙伴)`, "g");
/** 志愿者就三个, 志愿者一共5个: the count after the word, with a filler between. */
const VOLUNTEERS_WERE = new RegExp(`志愿者(?:就|只有|一共|共|总共|有|是)+\s*(${CN})\s*(?:个|名|位)(?!人)`, "g");

/** 张阿姨、李叔、王姐和我: people named by a surname and a kin word, the writer included. */
const KIN_LIST = /((?:[\u4e00-\u9fa5](?:阿姨|叔叔|叔|姐|哥|大爷|大妈|奶奶|爷爷|老师)[、,，和跟]\s*){1,12}(?:[\u4e00-\u9fa5](?:阿姨|叔叔|叔|姐|哥|大爷|大妈|奶奶|爷爷|老师)|我))(?=一起|都|[,，\s])/g;

function value(token: string): number | null {
  return /^\d+$/.test(token) ? Number(token) : parseNumeral(token === "俩" ? "两" : token === "仨" ? "三" : token);
}

export function restateCounts(text: string): string {
  return text
    .replace(GROUPS, (whole, groups: string, each: string) => {
      const count = value(groups);
      const size = value(each);
      return count !== null && size !== null && count <= 20 ? `志愿者${count * size}人` : whole;
    })
    .replace(NAME_LIST, (_whole, names: string) => `志愿者${names.split(/[、,，]/).filter((name) => name.trim()).length}人`)
    .replace(ME_AND, (whole, others: string) => {
      const count = value(others);
      return count === null ? whole : `志愿者${count + 1}人,`;
    })
    .replace(KIN_LIST, (list: string) => `志愿者${list.split(/[、,，和跟]/).filter((name) => name.trim()).length}人,`)
    .replace(VOLUNTEERS_WERE, (_whole, count: string) => `志愿者${count}人`)
    .replace(RECOUNT, (_whole, exact: string) => `，来了${exact}个人`);
}
