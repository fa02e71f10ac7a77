/**
 * Whole-message control words of the report dialog (确认, 取消, 重来 …) and the report intent
 * (我来报个活动). They are exact lexicons, checked before the turn classifier: a message that is
 * nothing but one of them needs no guessing.
 */
const CONFIRM_WORD = "(?:确认无误|确认|確認|确定|无误|对的|对啊|对呀|对头|对|對|没错的?|都对|没问题|没有问题|没啥问题|没毛病|okay|ok|好的|好滴|好嘞|好啊|好|行的|行|可以的|可以|是的|是啊|是|嗯+|恩|提交|登记|yes|y)(?:了|啊|呀|哈|的)?";
/** 确认, 对，没问题, 好的谢谢, 确认提交吧: one or more words of assent, thanks allowed at the end. */
export const CONFIRM = new RegExp(`^(?:${CONFIRM_WORD})+(?:吧|了)?(?:谢谢|感谢|辛苦了?|麻烦了?|thanks|thx)*(?:啦|哈|了|哦)?$`, "i");
export const CANCEL = /^(?:取消|取消吧|算了|算了吧|不报了|先不报了|不用报了|不要报了|不上报了|不填了|不弄了|不用了|不要了|不登记了?|取消上报|撤销|作废|cancel)$/i;
/** Words without which no message cancels a report: a no, or taking something back. */
export const CANCEL_CUE = /不|别|没|取消|算了|算啦|撤|删|作废|放弃|cancel|never ?mind|forget|don'?t|drop/i;
export const RESTART = /^(?:重新来|重来|重新填|重新开始|重新报|从头来|从头开始|重新上报|restart)$/i;
export const REJECT = /^(?:不对|不是|错了|有错|有误|不正确|不准确|不行|有问题|有点问题|改一下|要改|要改一下|我要改|修改|修改一下|需要修改|改改|不太对|no)$/i;
/** The person cannot give a field: it stays empty and is not asked again. */
export const SKIP = /^(?:不知道|不清楚|不太清楚|不记得了?|记不清了?|忘了|忘记了|跳过|略过?|没有|无|不确定|说不清|pass|skip)(?:了|啊|呢|吧|哦)*$/i;
/** 一下午, 七八个, 好几个小时: an answer, but not a figure that can be recorded. */
export const VAGUE = /[一二三四五六七八九十两几]{2}个|好几|好多|很多|不少|一阵|一会儿|一下午|一上午|一晚上|一整天|大半天|个把/;
export const FORCE = /^(?:仍然登记|仍要登记|还是登记|继续登记|照样登记|要登记|确认登记|登记|是|是的|确认|对)$/;
export const KEEP_OUT = /^(?:不登记|不用登记|不要登记|否|不是|不用|不要|取消|算了)$/;
export { splitIntent } from "./extract/intent.js";

export const QUESTION = /[?？]|请问|吗$|怎么|如何|什么时候|哪里能|能不能|可不可以/;
export const WHICH = /第\s*([1-9一二三四五六七八九])\s*(?:条|个|项)/;
export const CONFIRM_ONE = /^(?:确认|确定|登记|提交)第?([1-9一二三四五六七八九])(?:条|个|项)?$/;
export const DROP_ONE = /^(?:(?:删除|去掉|不要|取消)第?([1-9一二三四五六七八九])(?:条|个|项)?|第([1-9一二三四五六七八九])(?:条|个|项)(?:不要了?|删除|删掉|去掉|取消|不报了?))$/;

/** The text with punctuation, spaces and emoji removed, for matching control words. */
export function bare(text: string): string {
  return text.replace(/[\s,，.。!！~～、…?？👌👍🙏]+/gu, "").toLowerCase();
}

const NUMERALS = "一二三四五六七八九";

export function numberIn(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const token = match[1]!;
  const value = /\d/.test(token) ? Number(token) : NUMERALS.indexOf(token) + 1;
  return value >= 1 ? value - 1 : undefined;
}
