import { describe, expect, it } from "vitest";
import { extractReports } from "../../../../src/features/reports/extract/index.js";

/** A Thursday evening in Shanghai. */
const sent = new Date("2026-09-10T20:30:00+08:00");
const read = (...messages: string[]) => extractReports(messages, sent);
const first = (...messages: string[]) => read(...messages).reports[0]!;

describe("traditional characters are read and stored simplified", () => {
  it("user writes 社區/誌願者/參加: the team and place come back in simplified characters", () => {
    expect(first("昨天下午兩點到四點，金橋社區暖陽誌願服務隊在金橋社區活動室陪長者下棋，參加誌願者6人")).toMatchObject({
      organization: "金桥社区暖阳志愿服务队", location: "金桥社区活动室", date: "2026-09-09", volunteers: 6, volunteer_hours: 12,
    });
  });
});

describe("voice-to-text run-ons", () => {
  it("spoken filler is never a value: 就金桥社区那个阳光敬老院啊 is the place", () => {
    const report = first("嗯那个昨天上午就是我们金桥社区暖阳志愿服务队然后去了就金桥社区那个阳光敬老院啊陪老人聊天然后九点到十一点");
    expect(report.location).toBe("金桥社区阳光敬老院");
    expect(report.organization).toBe("金桥社区暖阳志愿服务队");
  });

  it("a guess corrected by an exact count: 来了十二三个吧 我数数 12个 → 12", () => {
    expect(first("今天下午金桥社区暖阳志愿服务队在金桥社区广场教太极 两点到四点 来了十二三个吧 我数数 12个")).toMatchObject({ volunteers: 12, volunteer_hours: 24 });
  });

  it("speech-recognition slips in a team name are repaired (志愿对 → 志愿队)", () => {
    expect(first("今天上午金桥社区应急就护志愿对在金桥小学教心肺复苏 九点到十一点 5个人").organization).toBe("金桥社区应急救护志愿队");
  });

  it("a range said aloud stays a question: 十五六个人吧 → the count is asked", () => {
    expect(read("然后那个昨天下午金桥社区暖阳志愿服务队在金桥公园捡垃圾然后我们来了十五六个人吧两点到四点").missing).toContain("volunteers");
  });
});

describe("counting", () => {
  it.each([
    ["分成三个小组每组4人", 12],
    ["加上我一共6个", 6],
    ["我带了5个同学", 6],
    ["除了我还有3个", 4],
    ["我和另外两个同学", 3],
    ["党员志愿者5人+居民志愿者3人", 8],
  ])("user says %s → %i volunteers", (phrase, volunteers) => {
    expect(first(`昨天上午9点到11点，金桥社区暖阳志愿服务队在金桥社区广场清理小广告，${phrase}`).volunteers).toBe(volunteers);
  });

  it("volunteers and people served in one sentence: 我们8个人服务了30多位老人 → 8 and 30", () => {
    expect(first("昨天下午2点到4点金桥社区暖阳志愿服务队在金桥社区养老院，我们8个人服务了30多位老人")).toMatchObject({ volunteers: 8, beneficiaries: 30 });
  });

  it("people named by surname and kin word, the writer included: 张阿姨、李叔和我 → 3", () => {
    expect(first("今天上午9点到11点金桥社区暖阳志愿服务队在金桥社区广场 张阿姨、李叔和我 一起给居民修自行车").volunteers).toBe(3);
  });

  it("a list of names is a head count", () => {
    expect(first("今天参加的志愿者：王丽、李强、赵敏、刘洋\n金桥社区暖阳志愿服务队 在金桥社区广场义务理发 上午9点到11点").volunteers).toBe(4);
  });
});

describe("descriptive places are locations, never asked again", () => {
  it.each([
    ["去金桥社区几位高龄老人家里打扫卫生", "金桥社区高龄老人家中"],
    ["在金桥社区各楼栋门口张贴防火提示", "金桥社区各楼栋门口"],
    ["在金桥大道主干道两侧清扫落叶", "金桥大道主干道两侧"],
    ["通过腾讯会议线上给家长讲心理健康", "线上（腾讯会议）"],
    ["挨家走访金桥街道沿街商铺讲燃气安全", "金桥街道沿街商铺"],
  ])("user says %s → %s", (phrase, location) => {
    const result = read(`昨天上午9点到11点，金桥社区暖阳志愿服务队${phrase}，5个人`);
    expect(result.reports[0]!.location).toBe(location);
    expect(result.missing).not.toContain("location");
  });
});

describe("titles keep every activity", () => {
  it("陪老人聊天和包饺子: both stay in the title", () => {
    const title = first("昨天下午2点到4点金桥社区暖阳志愿服务队在金桥社区养老院陪老人聊天和包饺子 6个人").title!;
    expect(title).toContain("聊天");
    expect(title).toContain("包饺子");
  });

  it("the people served before 上门 tell the place: 为辖区困难老人上门送菜 → their homes", () => {
    expect(first("昨天上午9点到10点，金桥社区暖阳志愿服务队为辖区困难老人上门送菜，4个人").location).toBe("金桥社区困难老人家中");
  });
});

describe("English and mixed reports", () => {
  it("an English report keeps its English names and reads its days, times and counts", () => {
    expect(first("Yesterday 2-4pm, Jinqiao Youth Volunteers Association visited Jinqiao Nursing Home, 7 volunteers, chatted with 25 seniors")).toMatchObject({
      organization: "Jinqiao Youth Volunteers Association", location: "Jinqiao Nursing Home", date: "2026-09-09",
      start_time: "14:00", end_time: "16:00", volunteers: 7, volunteer_hours: 14, beneficiaries: 25, category: "助老",
    });
  });

  it("last Saturday and Nov 5 are dates", () => {
    expect(first("Last Saturday morning 9 to 11, Jinqiao Green Team cleaned up the Jinqiao riverbank, 6 volunteers").date).toBe("2026-09-05");
    expect(first("On Sep 8, 9:00-11:00, Jinqiao Green Team, Jinqiao Park, picking up litter, 4 volunteers").date).toBe("2026-09-08");
  });
});

describe("corrections in a later message", () => {
  it.each([
    [["昨天下午2点到4点金桥社区暖阳志愿服务队在金桥社区活动室陪老人下棋 6个人", "人数改成8个"], { volunteers: 8, volunteer_hours: 16 }],
    [["昨天下午2点到4点金桥社区暖阳志愿服务队在金桥社区活动室陪老人下棋 6个人", "时间不对，是3点到5点"], { start_time: "15:00", end_time: "17:00" }],
    [["前天下午2点到4点金桥社区暖阳志愿服务队在金桥社区活动室陪老人下棋 6个人", "不是前天，是昨天"], { date: "2026-09-09" }],
    [["昨天下午2点到4点金桥社区暖阳志愿服务队在金桥社区活动室陪老人下棋 6个人", "哦还有 结束时间是4点半"], { end_time: "16:30", volunteer_hours: 15 }],
    [["昨天下午2点到4点金桥社区暖阳志愿服务队在金桥社区活动室陪老人下棋 10个人", "刚才那10个里有2个是社区工作人员 不算"], { volunteers: 8 }],
    [["Yesterday 2-4pm Jinqiao Green Team, Jinqiao Park, picking up litter, 6 volunteers", "sorry, 5 volunteers not 6"], { volunteers: 5, volunteer_hours: 10 }],
  ])("user sends %j → %j", (messages, fields) => {
    const result = read(...messages);
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]).toMatchObject(fields);
  });
});

describe("not a report", () => {
  it.each([
    "下周六我们打算去金桥社区养老院包饺子，有人一起吗",
    "招募：9月20日金桥社区广场义诊需要8名志愿者，报名请私信",
    "请问志愿时长怎么查",
    "谢谢你们昨天来给我妈理发",
    "上次报的那个活动人数写错了，麻烦帮我改成8个",
    "Next Sunday we plan to visit the nursing home, who can come?",
  ])("user says %s → the bot does not take it for a report", (text) => {
    expect(read(text).is_report).toBe(false);
  });
});
