/**
 * Messages written for these tests in the style of the groups, with wording that differs from
 * the development set: they guard the rules against fitting one set of sentences.
 */
import { describe, expect, it } from "vitest";
import { extractReports, type ReportFields } from "../../../../src/features/reports/extract/index.js";

interface Case {
  sent: string;
  messages: string[];
  expected: Partial<ReportFields>;
  missing?: string[];
}

const cases: Array<[string, Case]> = [
  ["year end: 12月28号 seen on 3 January, ends at midnight", {
    sent: "2027-01-03T10:00:00+08:00",
    messages: ["12月28号晚上，道里红十字救护队在中央大街冰灯游园会做医疗保障，队员11名，晚7点到12点"],
    expected: { organization: "道里红十字救护队", date: "2026-12-28", start_time: "19:00", end_time: "00:00", volunteers: 11, volunteer_hours: 55, category: "健康卫生" },
  }],
  ["photo caption with a festival theme and 昨天", {
    sent: "2026-10-02T09:00:00+08:00",
    messages: ["[图片][图片] 国庆献礼 道外区巾帼志愿服务队 昨天上午 在靖宇街道养老院 为老人表演节目 志愿者9人 9:30-11:00"],
    expected: { organization: "道外区巾帼志愿服务队", date: "2026-10-01", location: "靖宇街道养老院", volunteers: 9, volunteer_hours: 13.5, category: "助老", photos: 2 },
  }],
  ["a start time only: hours must be asked", {
    sent: "2026-08-10T19:00:00+08:00",
    messages: ["今天上午8点开始，南岗区青年志愿者服务队在红博广场做防诈骗宣传，志愿者15人"],
    expected: { start_time: "08:00", end_time: null, volunteers: 15, volunteer_hours: null, category: "社区治理" },
    missing: ["volunteer_hours"],
  }],
  ["a services fair with late arrivals", {
    sent: "2026-09-21T10:00:00+08:00",
    messages: ["昨天和兴社区志愿服务队在社区广场办了便民服务集市，理发、磨刀、修家电、量血压都有。我们一共12个人，其中8个人从8点干到12点，另外4个人10点才来"],
    expected: { date: "2026-09-20", start_time: "08:00", end_time: "12:00", volunteers: 12, volunteer_hours: 40, category: "其他" },
  }],
  ["date and weekday agree; 100多个初三学生", {
    sent: "2026-04-20T19:30:00+08:00",
    messages: ["报个活动：4月18号周六，爱心助学志愿者协会在第十七中学开展考前心理疏导讲座，志愿者5人，下午2点到4点，来了100多个初三学生"],
    expected: { date: "2026-04-18", location: "第十七中学", volunteers: 5, volunteer_hours: 10, beneficiaries: 100 },
  }],
  ["two numbered activities", {
    sent: "2026-07-27T21:00:00+08:00",
    messages: ["今天两项活动：\n1. 上午9点到11点 马家沟河岸清理垃圾，8人；\n2. 下午2点半到4点半 和兴社区图书室给孩子们讲故事，3人，孩子20个。\n都是和兴社区青年志愿服务队"],
    expected: { organization: "和兴社区青年志愿服务队", date: "2026-07-27", volunteers: 8, volunteer_hours: 16, category: "环保" },
  }],
  ["reporter with 3 team members, households are not beneficiaries", {
    sent: "2026-09-07T12:00:00+08:00",
    messages: ["周六我带着3个队员去哈西街道给12户困难家庭送慰问金和米油，上午9点到11点半"],
    expected: { organization: null, date: "2026-09-05", location: "哈西街道", volunteers: 4, volunteer_hours: 10, beneficiaries: null, category: "扶贫济困" },
    missing: ["organization"],
  }],
  ["a report typed in six pieces on the lantern festival of 2027", {
    sent: "2027-02-21T08:00:00+08:00",
    messages: ["元宵节那天", "我们松北区义工协会", "在松北区文化中心", "帮着维持灯会秩序", "15个人 晚上6点-9点", "[图片]"],
    expected: { organization: "松北区义工协会", date: "2027-02-20", start_time: "18:00", end_time: "21:00", volunteers: 15, volunteer_hours: 45, photos: 1 },
  }],
  ["5.4 written as a date, photo first", {
    sent: "2026-05-05T09:00:00+08:00",
    messages: ["[图片]", "5.4青年节 香坊区大学生志愿者服务队 为辖区30名留守儿童开展手工课 志愿者6名 14:00-16:30 地点：香坊区青少年活动中心"],
    expected: { date: "2026-05-04", location: "香坊区青少年活动中心", volunteers: 6, volunteer_hours: 15, beneficiaries: 30, category: "儿童青少年", photos: 1 },
  }],
  ["每人 hours without clock times", {
    sent: "2026-07-20T20:00:00+08:00",
    messages: ["道外区平安志愿巡逻队昨天晚上在太古街一带夜间巡逻，12名队员分两班，每人巡逻2个小时"],
    expected: { date: "2026-07-19", start_time: null, end_time: null, volunteers: 12, volunteer_hours: 24, category: "社区治理" },
  }],
  ["一整天 is too vague for hours", {
    sent: "2026-04-08T19:00:00+08:00",
    messages: ["前天我们道里区义工联合会15个人在皇山公墓劝导文明祭扫，干了一整天"],
    expected: { volunteers: 15, volunteer_hours: null, location: "皇山公墓" },
    missing: ["volunteer_hours"],
  }],
  ["minutes per person", {
    sent: "2026-11-02T17:00:00+08:00",
    messages: ["今天阳光儿童服务中心6名志愿者在群力小学给孩子们办了化妆舞会，每人干了90分钟"],
    expected: { organization: "阳光儿童服务中心", volunteers: 6, volunteer_hours: 9, category: "儿童青少年" },
  }],
  ["三十来个 recorded as 30", {
    sent: "2026-05-25T10:00:00+08:00",
    messages: ["上周日我们群力街道夕阳红志愿队三十来个老姐妹去群力福利院陪老人包粽子，从早上8点忙到11点半"],
    expected: { organization: "群力街道夕阳红志愿队", date: "2026-05-24", volunteers: 30, volunteer_hours: 105, category: "助老" },
  }],
  ["two and a half hours each, snow clearing", {
    sent: "2026-12-14T16:00:00+08:00",
    messages: ["今天下大雪，我们红旗社区党员先锋队出了10个人，每人扫了两个半小时，把小区主路都清出来了"],
    expected: { organization: "红旗社区党员先锋队", volunteers: 10, volunteer_hours: 25, category: "社区治理" },
  }],
  ["typos and full stops of a hurried phone", {
    sent: "2026-10-28T14:00:00+08:00",
    messages: ["香坊区红星宕员志愿服务队今天上五9点道11点在社区活动事给老年人讲防诈骗，来了6个自愿者，听讲的老人40多位"],
    expected: { organization: "香坊区红星党员志愿服务队", start_time: "09:00", end_time: "11:00", volunteers: 6, volunteer_hours: 12, beneficiaries: 40, category: "助老" },
  }],
  ["full-width layout, households give no beneficiaries", {
    sent: "2026-06-03T20:10:00+08:00",
    messages: ["群力街道青年志愿者协会　６月２日　下午２：３０－４：３０　群力街道新时代文明实践所　亲子阅读会　志愿者８人　服务家庭约３０户"],
    expected: { date: "2026-06-02", start_time: "14:30", end_time: "16:30", location: "群力街道新时代文明实践所", volunteers: 8, volunteer_hours: 16, beneficiaries: null },
  }],
  ["correction of the people count in a second message", {
    sent: "2026-04-13T10:00:00+08:00",
    messages: ["上周四道里区红十字志愿服务队在安静小学给学生们讲急救知识，9个人，上午8点半到10点半", "不好意思说错了，是11个人"],
    expected: { date: "2026-04-09", volunteers: 11, volunteer_hours: 22 },
  }],
  ["上个礼拜五 and 俩律师", {
    sent: "2026-11-16T15:00:00+08:00",
    messages: ["上个礼拜五松北区法律志愿服务团在利民镇司法所开展普法宣传，来了俩律师，上午9点到11点半，解答咨询30余人次"],
    expected: { date: "2026-11-13", volunteers: 2, volunteer_hours: 5, beneficiaries: 30, category: "法律援助" },
  }],
  ["上周末 must be asked; 三个来小时 is 3", {
    sent: "2026-03-18T20:00:00+08:00",
    messages: ["上周末我们绿源环保队6个人去松花江边捡垃圾，三个来小时吧"],
    expected: { organization: "绿源环保队", date: null, volunteers: 6, volunteer_hours: 18 },
    missing: ["date"],
  }],
  ["emoji list on an observance day", {
    sent: "2026-06-05T18:30:00+08:00",
    messages: ["🌍世界环境日🌍\n松北区环保志愿者协会\n📍太阳岛江畔\n⏰早上8点～11点\n👥志愿者25人\n🗑️捡拾垃圾30多袋"],
    expected: { date: "2026-06-05", location: "太阳岛江畔", volunteers: 25, volunteer_hours: 75, beneficiaries: null, category: "环保" },
  }],
  ["just back after midnight from tonight's search", {
    sent: "2026-08-08T00:20:00+08:00",
    messages: ["刚从江边回来，松北蓝天救援队今晚出动6名队员搜寻落水人员，晚上8点到11点半，人已找到"],
    expected: { date: "2026-08-07", start_time: "20:00", end_time: "23:30", volunteers: 6, volunteer_hours: 21, category: "应急救援" },
  }],
  ["a form-style report with labels", {
    sent: "2026-05-18T20:00:00+08:00",
    messages: ["活动名称：关爱空巢老人\n组织：幸福志愿队\n时间：2026年5月16日 8:30-11:00\n地点：和平社区日间照料中心\n人数：志愿者10人\n服务对象：老人25人"],
    expected: { organization: "幸福志愿队", title: "关爱空巢老人", date: "2026-05-16", location: "和平社区日间照料中心", volunteers: 10, volunteer_hours: 25, beneficiaries: 25, category: "助老" },
  }],
  ["dots as clock separators; 在社区 of a community team", {
    sent: "2026-05-18T20:00:00+08:00",
    messages: ["今天红星社区志愿服务队在社区开展垃圾分类宣传，8.30-11.30，5名居民志愿者和3名党员"],
    expected: { organization: "红星社区志愿服务队", location: "红星社区", start_time: "08:30", end_time: "11:30", volunteers: 8, volunteer_hours: 24, category: "环保" },
  }],
  ["a weekday written before its date must agree with it", {
    sent: "2026-05-18T20:00:00+08:00",
    messages: ["星期五(5月16日)上午，幸福志愿队在和平社区开展义诊，10人，9点到11点"],
    expected: { date: null, volunteer_hours: 20 },
    missing: ["date"],
  }],
  ["在社区 alone is asked", {
    sent: "2026-05-18T20:00:00+08:00",
    messages: ["今天在社区做了健康义诊，6名志愿者，每人2小时"],
    expected: { location: null, organization: null, volunteer_hours: 12, category: "健康卫生" },
    missing: ["organization", "location"],
  }],
  ["五一 as a day; a verb the place list does not know", {
    sent: "2026-05-04T21:00:00+08:00",
    messages: ["五一那天，守望相助志愿队在民主社区调解了一起邻里纠纷，3个人，下午2点到5点"],
    // A neighbours' quarrel mediated by a community team is community work; lawyers make it 法律援助.
    expected: { date: "2026-05-01", location: "民主社区", volunteers: 3, volunteer_hours: 9, category: "社区治理" },
  }],
  ["a place ending in 下 and a range of people", {
    sent: "2026-07-21T10:00:00+08:00",
    messages: ["昨天暴雨，我们应急志愿服务队出动了十五六个人在立交桥下帮忙排水疏导交通，晚上6点到10点"],
    expected: { organization: "应急志愿服务队", location: "立交桥下", volunteers: null, volunteer_hours: null, category: "应急救援", start_time: "18:00", end_time: "22:00" },
    missing: ["volunteers", "volunteer_hours"],
  }],
  ["start and end written apart; a street number is not a day; signature at the end", {
    sent: "2026-05-20T20:00:00+08:00",
    messages: ["今天下午一点半开始，三点半结束，10名志愿者在中山路12号社区服务站帮居民修家电。——阳光志愿队"],
    expected: { organization: "阳光志愿队", date: "2026-05-20", start_time: "13:30", end_time: "15:30", location: "中山路12号社区服务站", volunteers: 10, volunteer_hours: 20 },
  }],
  ["集合 and 解散 times; team named in brackets", {
    sent: "2026-05-20T20:00:00+08:00",
    messages: ["今天上午9点集合，11点解散，8个人在人民公园捡垃圾（绿源环保队）"],
    expected: { organization: "绿源环保队", start_time: "09:00", end_time: "11:00", volunteers: 8, volunteer_hours: 16 },
  }],
  ["people counted with a classifier and an unlisted noun", {
    sent: "2026-05-20T20:00:00+08:00",
    messages: ["从上午九点干到中午十二点，我们爱心车队6名司机在火车站接送旅客"],
    expected: { organization: "爱心车队", start_time: "09:00", end_time: "12:00", location: "火车站", volunteers: 6, volunteer_hours: 18 },
  }],
  ["English quick report", {
    sent: "2026-05-31T21:00:00+08:00",
    messages: ["Report: 群力街道青年志愿者协会 held a reading club for children at 群力社区图书室 this morning, 4 volunteers, 9:00-11:00am, 20 kids joined."],
    expected: { date: "2026-05-31", location: "群力社区图书室", volunteers: 4, volunteer_hours: 8, beneficiaries: 20, category: "儿童青少年" },
  }],
];

describe("realistic reports", () => {
  it.each(cases)("%s", (_name, { sent, messages, expected, missing }) => {
    const result = extractReports(messages, new Date(sent));
    expect(result.is_report).toBe(true);
    expect(result.reports[0]).toMatchObject(expected);
    expect(result.reports[0]!.title).toBeTruthy();
    expect(result.reports[0]!.description).toBeTruthy();
    expect(result.missing).toEqual(missing ?? []);
  });
});

const notReports: Array<[string, string]> = [
  ["forwarded call", "转：关于开展春风行动志愿服务的通知，请各志愿服务队认真组织，活动结束后及时报送"],
  ["sign-up list", "【报名接龙】本周日上午在社区开展写春联送福字活动，需要书法志愿者6名\n1. 李明"],
  ["a question", "请问志愿服务时长证明在哪开？"],
  ["greeting", "群里的志愿者们，最近降温，注意身体哈"],
  ["hearsay", "听说隔壁社区前天搞了个义诊，来了好多人"],
  ["postponed", "今天下午的防火演练因为场地问题延期了，具体时间另行通知"],
  ["status of a stored report", "我上周报的那个活动，审核通过了吗？"],
  ["thanks from a resident", "感谢红马甲志愿队的小伙子们帮我家老人修好了水管，太谢谢了！"],
  ["retraction", "发错了，不好意思，这条是给另一个群的"],
  ["edit of a stored report", "麻烦把我昨天报的活动地点改一下，应该是和兴社区活动室"],
  ["announcement", "各位队长注意：本月活动请在30号前上报，逾期不候"],
  ["plan with a question", "我们队下个月想搞个义诊，有没有医生志愿者愿意参加？"],
  ["thanks from a family naming the team", "感谢蓝天救援队昨天帮我们家找到走失的老人，太感谢了！"],
  ["recruitment for a day later this week", "阳光志愿队本周六上午9点到11点在敬老院开展活动，需要10名志愿者"],
  ["a day later this week with no sign it is done", "阳光志愿队本周六上午9点到11点在敬老院开展慰问活动，10名志愿者参加"],
  ["did not take place", "昨天的活动因为下雨没搞成，改天再说"],
  ["correction of a stored report", "刚才那条报错了，人数应该是12"],
  ["plan with a team size", "下周三上午9点，阳光志愿队将在敬老院开展慰问活动，预计参加志愿者15人"],
];

describe("realistic non-reports", () => {
  it.each(notReports)("%s", (_name, text) => {
    // Sent on Wednesday 2026-05-20, so 本周六 is still ahead.
    expect(extractReports([text], new Date("2026-05-20T12:00:00+08:00")).is_report).toBe(false);
  });
});
