/**
 * Causes found by untuned probes: team names holding 去/到/在/给/带/了/是, 我们是…志愿者, question
 * openings, and cancelled or postponed activities.
 */
import { describe, expect, it } from "vitest";
import { extractReports } from "../../../../src/features/reports/extract/index.js";
import { findOrganization } from "../../../../src/features/reports/extract/organization.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";

const N = normalizeText;
const at = new Date("2026-05-20T12:00:00+08:00");

describe("organization: a name holding 去/到/在/给/带/了/是 stays whole", () => {
  const cases: Array<[string, string]> = [
    ["今天上午绿丝带志愿服务队8名队员在道里区清理江边垃圾", "绿丝带志愿服务队"],
    ["我们爱在身边志愿服务队昨天去敬老院陪老人包饺子", "爱在身边志愿服务队"],
    ["到家帮帮团今天给独居老人修水管，6个人干了3小时", "到家帮帮团"],
    ["昨天给力青年志愿队10人在中央大街做文明劝导", "给力青年志愿队"],
    ["是光诗歌社今天下午在图书馆给孩子们读诗", "是光诗歌社"],
    ["今天了凡读书会在道里区图书馆整理图书", "了凡读书会"],
    ["今天我们到家帮帮团去红旗社区换灯泡", "到家帮帮团"],
    ["小李带着绿丝带志愿服务队5名队员去松花江边捡垃圾", "绿丝带志愿服务队"],
    ["我们是爱在冰城志愿者协会，今天在南岗区义诊", "爱在冰城志愿者协会"],
    ["今天我们跟雷锋在身边志愿服务队一起清雪", "雷锋在身边志愿服务队"],
    ["今天上午暖心到家服务队在通乡社区给老人理发", "暖心到家服务队"],
    ["我们送暖到家服务站昨天慰问了12户困难家庭", "送暖到家服务站"],
    ["健康到家义诊队今天在香坊区做了免费体检", "健康到家义诊队"],
    ["红丝带健康服务队昨晚在学府路发放防艾宣传册", "红丝带健康服务队"],
    ["冰城绿丝带志愿者协会今天组织了植树活动", "冰城绿丝带志愿者协会"],
    ["一带一路青年志愿服务队今天在哈西站做引导", "一带一路青年志愿服务队"],
    ["我们温暖在线志愿服务团今天在线上辅导孩子功课", "温暖在线志愿服务团"],
    ["梦在远方公益社今天去阿城给山区孩子送书", "梦在远方公益社"],
    ["今天学在香坊读书会在香坊图书馆办了亲子阅读", "学在香坊读书会"],
    ["快乐在一起舞蹈队今天去养老院慰问演出", "快乐在一起舞蹈队"],
    ["了不起宝妈互助队昨天在公园办了跳蚤市场", "了不起宝妈互助队"],
    ["今天幸福到家服务站的志愿者给老人送餐", "幸福到家服务站"],
    ["我们给力青年志愿队今天在群力新区扫雪", "给力青年志愿队"],
    ["张姐带领带你飞青少年服务团在少年宫辅导作业", "带你飞青少年服务团"],
    ["昨天下午心在一起志愿服务队在太平区陪读", "心在一起志愿服务队"],
    ["我们和是光诗歌社一起布置朗诵会场", "是光诗歌社"],
    ["今天我们联合爱在身边志愿服务队在驻点帮忙", "爱在身边志愿服务队"],
    ["老王带着到点就来志愿队清理楼道小广告", "到点就来志愿队"],
    ["这周六给予爱心公益团在道外区送冬衣，12人", "给予爱心公益团"],
  ];
  it.each(cases)("%s", (text, name) => {
    expect(findOrganization(N(text))).toBe(name);
  });

  it("a clause before a name is still stripped", () => {
    expect(findOrganization(N("今天我们和阳光志愿队一起帮忙"))).toBe("阳光志愿队");
    // 去/到 a team's place: a place, neither truncated nor taken as the reporter's team
    expect(findOrganization(N("今天我们去阳光志愿队帮忙"))).toBeNull();
    expect(findOrganization(N("小李带着晨曦志愿服务队8人清雪"))).toBe("晨曦志愿服务队");
    expect(findOrganization(N("3个队员跟着联盟志愿服务队支援"))).toBe("联盟志愿服务队");
    expect(findOrganization(N("我们去了阳光志愿队帮忙"))).toBe("阳光志愿队");
    expect(findOrganization(N("我们是阳光志愿队"))).toBe("阳光志愿队");
  });
});

describe("organization: 我们是/来自 …志愿者", () => {
  it("a name ending in 志愿者 after 我们是 / 来自 is the organization", () => {
    expect(findOrganization(N("我们是团区委青年志愿者，今天在中央大街劝导"))).toBe("团区委青年志愿者");
    expect(findOrganization(N("我们是哈尔滨工业大学青年志愿者，昨天去敬老院了"))).toBe("哈尔滨工业大学青年志愿者");
    expect(findOrganization(N("我们来自东北林业大学志愿者，今天植树"))).toBe("东北林业大学志愿者");
  });
  it("a generic 志愿者 is not a name", () => {
    expect(findOrganization(N("我们是社区志愿者，今天清雪"))).toBeNull();
    expect(findOrganization(N("我们是一群志愿者，今天清雪"))).toBeNull();
  });
});

describe("classify: question openings", () => {
  const questions = [
    "麻烦问下，上周六我们8个人服务了3小时，时长填24还是3？",
    "打听一下，20个志愿者做了半天的活动怎么报",
    "想咨询一下，昨天我们10人在社区清雪2小时，能算志愿时长吗",
    "请教一下，5名志愿者上午9点到11点，时长是多少",
    "问问大家，12个人干了4小时，总时长怎么算？",
    "谁知道昨天阳光志愿队15个人在江边那次活动报了没有",
    "王老师好，麻烦问一下，昨天我们8个人清雪3小时，要填几个小时",
  ];
  it.each(questions)("%s", (text) => {
    expect(extractReports([text], at).is_report).toBe(false);
  });
});

describe("classify: cancelled or postponed", () => {
  const cancelled = [
    "今天上午阳光志愿队在幸福社区的清雪活动临时取消了，8个队员都白来了",
    "周六的敬老院慰问活动取消了，12名志愿者9点到11点的安排作废",
    "昨天我们6个人想去江边捡垃圾，下雨没去成",
    "本周的义诊改期了，原来报了10名志愿者",
    "今天晨曦志愿服务队的植树活动延期了，15个人下午2点到5点",
  ];
  it.each(cancelled)("%s", (text) => {
    expect(extractReports([text], at).is_report).toBe(false);
  });
  const happened = [
    "上午的活动临时取消了，后来还是改为下午进行了，阳光志愿队8人2点到5点在幸福社区清雪",
    "昨天的义诊说是延期了，结果照常开展，健康到家义诊队10人9点到11点在香坊区",
    "昨天阳光志愿队8人上午9点到11点在幸福社区陪老人包饺子，最后的游戏环节临时取消了",
  ];
  it.each(happened)("%s", (text) => {
    expect(extractReports([text], at).is_report).toBe(true);
  });
});
