/**
 * Questions about the report itself asked in the middle of a draft (我自己算不算人数？时长怎么算？):
 * short answers from the report conventions (eval/REPORTS.md), with the draft's own figures.
 * Anything else goes to the other features (the knowledge base) and the draft waits.
 */
import type { Translate } from "../../core/i18n.js";
import type { ReportFields } from "./extract/index.js";

type Topic = "self" | "others" | "hours" | "photos" | "beneficiaries" | "category" | "review" | "edit";

/** Topic words; the first topic whose words all appear wins, so narrower topics come first. */
const TOPICS: Array<[Topic, RegExp[]]> = [
  ["self", [/我自己|本人|我也算|算我|含我|包括我|我算|myself|count me|include me/i, /算|计|包括|含|count|include/i]],
  ["others", [/工作人员|社工|家属|孩子|学生|居民|老师|路人|staff|family/i, /算不算|算吗|算志愿者|算人数|计入|count/i]],
  ["beneficiaries", [/受益|服务对象|服务了多少|服务多少人|beneficiar/i]],
  ["hours", [/时长|小时|工时|钟头|hours?/i, /怎么|如何|算|计|是不是|还是|how/i]],
  ["photos", [/照片|图片|相片|拍的|photo|picture/i]],
  ["category", [/类别|分类|哪一类|哪类|什么类|类型|categor/i]],
  ["review", [/审核|通过|批|review|approv/i]],
  ["edit", [/修改|改吗|能改|怎么改|改不了|edit|change/i]],
];

export function sideTopic(text: string): Topic | undefined {
  return TOPICS.find(([, patterns]) => patterns.every((pattern) => pattern.test(text)))?.[0];
}

function perPerson(report: ReportFields): number | null {
  if (report.volunteer_hours !== null && report.volunteers) return Math.round((report.volunteer_hours / report.volunteers) * 100) / 100;
  return null;
}

/** The answer to a side question about `report`, or undefined when it is not about reports. */
export function answerSide(t: Translate, text: string, report: ReportFields | undefined): string | undefined {
  const topic = sideTopic(text);
  if (!topic) return undefined;
  const known = report ?? undefined;
  switch (topic) {
    case "self":
      return known?.volunteers ? t("reports.side.selfNow", { volunteers: known.volunteers }) : t("reports.side.self");
    case "hours": {
      const each = known ? perPerson(known) : null;
      return known && each !== null ? t("reports.side.hoursNow", { each, volunteers: known.volunteers!, total: known.volunteer_hours! }) : t("reports.side.hours");
    }
    case "photos":
      return t("reports.side.photos", { count: known?.photos ?? 0 });
    case "category":
      return known?.category ? t("reports.side.categoryNow", { category: known.category }) : t("reports.side.category");
    default:
      return t(`reports.side.${topic}`);
  }
}
