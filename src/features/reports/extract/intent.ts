/**
 * The lead in which a volunteer says they want to report (你好 我来报个活动：…, 報個活動), so that
 * neither the dialog nor the extractor takes those words for the activity or its title.
 */
const INTENT = /^(?:(?:你好|您好|哈喽|hello|hi|嗨|在吗|小助手|助手)[,，!！\s]*)*(?:我|我们)?(?:来|想|要|再|还要|还想)?(?:(?:报|上报|登记|填报|汇报)(?:一?个|一下|下|一条)?(?:今天的|昨天的|前天的)?(?:志愿)?(?:活动|服务)|再报一?(?:个|条)|(?:报|上报)(?:一下|下)?(?:今天|昨天|前天)的?|(?:报|上报|登记)(?:一下|下)(?=\s*[:：]))(?:吧|哈|哦)?(?:[:：,，。!！\s]+|$)/i;
const INTENT_EN = /^(?:hi|hello|hey)?[,!\s]*(?:i'?d like to|i want to|let me|i'?ll)\s+report\s+(?:an?\s+|our\s+|the\s+)?activit(?:y|ies)[.!,:\s]*/i;

/** The message without its report-intent lead; `intent` says whether there was one. */
export function splitIntent(text: string): { intent: boolean; rest: string } {
  const trimmed = text.trim();
  const match = INTENT.exec(trimmed) ?? INTENT_EN.exec(trimmed);
  // A lead must actually name reporting (报/登记/report), not only greet.
  if (!match || !/报|登记|report/i.test(match[0])) return { intent: false, rest: trimmed };
  return { intent: true, rest: trimmed.slice(match[0].length).trim() };
}

