/**
 * One message, several activities: a numbered list (①…②…, 1. 2.) whose items each carry their
 * own time or people. Lines before the first item and after the last one (都是X队的) are context
 * shared by every item.
 */
import { findLocation } from "./location.js";
import { findOrganization } from "./organization.js";
import { readMentions } from "./people.js";
import { readTimes } from "./times.js";

export interface Segment {
  /** the activity's own text */
  text: string;
  /** header and trailer lines that apply to every activity */
  shared: string;
}

const ITEM_MARK = /^\s*(?:[·•●▪◦*]|-(?!\d)|\(\d{1,2}\)|\d{1,2}[.、)]|[一二三四五六七八九][、.]|第[一二三四五六七八九](?:个|场|项|件)?[:,、]?|活动[一二三四五六七八九1-9][:,、]?)\s*/;

/** An item that opens with its own day (4月5日 …, 周四 …) is an activity of its own. */
const OWN_DAY = /^\s*(?:\d{1,2}月\d{1,2}[日号]|(?:上上|上|这|本)?(?:周|星期|礼拜)[一二三四五六日天1-7]|\d{1,2}[日号]|前天|昨天|今天)/;

function hasOwnFacts(text: string): boolean {
  if (OWN_DAY.test(text)) return true;
  const times = readTimes(text);
  const people = readMentions(text).filter((mention) => mention.role === "volunteer");
  return times.sessions.length > 0 || times.loneStart !== null || people.length > 0;
}

export function splitActivities(text: string): Segment[] {
  const lines = text.split("\n");
  const items: string[][] = [];
  const header: string[] = [];
  const trailer: string[] = [];
  for (const line of lines) {
    if (ITEM_MARK.test(line)) {
      items.push([line.replace(ITEM_MARK, "")]);
    } else if (items.length === 0) {
      header.push(line);
    } else if (hasOwnFacts(line)) {
      items[items.length - 1]!.push(line);
    } else {
      trailer.push(line);
    }
  }
  const activities = items.map((item) => item.join("\n"));
  if (activities.length < 2 || activities.filter(hasOwnFacts).length < 2) {
    return splitSentences(text);
  }
  const shared = [...header, ...trailer].join("\n");
  return activities.map((activity) => ({ text: activity, shared }));
}

/**
 * Without a numbered list, sentences (split at 。; and line breaks) are separate activities only
 * when each has its own people, its own clock time and its own, different place: shifts of one
 * activity at one place stay one report with summed sessions.
 */
function splitSentences(text: string): Segment[] {
  const sentences = text.split(/(?<=[;。\n])/).map((sentence) => sentence.trim()).filter(Boolean);
  const organization = findOrganization(text);
  const own = sentences.map((sentence) => {
    const people = readMentions(sentence).some((mention) => mention.role === "volunteer");
    const times = readTimes(sentence).sessions.length > 0;
    const place = people && times ? findLocation(sentence, organization) : null;
    return { sentence, place };
  });
  const activities = own.filter((entry) => entry.place !== null);
  const places = new Set(activities.map((entry) => entry.place));
  if (activities.length < 2 || places.size < activities.length) return [{ text, shared: "" }];
  // The whole message is the context: the team and the day are usually said once, up front.
  return activities.map((entry) => ({ text: entry.sentence, shared: text }));
}
