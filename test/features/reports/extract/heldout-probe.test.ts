/**
 * Causes found by a held-out style probe (new wordings, not the dev set): each case pins one
 * general rule, checked on a wording the probe did not use.
 */
import { describe, expect, it } from "vitest";
import { categorize } from "../../../../src/features/reports/extract/category.js";
import { findLocation } from "../../../../src/features/reports/extract/location.js";
import { findOrganization } from "../../../../src/features/reports/extract/organization.js";
import { readPeople } from "../../../../src/features/reports/extract/people.js";
import { normalizeText } from "../../../../src/features/reports/extract/text.js";

const N = normalizeText;

describe("organization", () => {
  it("a club ending in 社 (书画社, 读书社) is a team, but 社区 / 社工 / 报社 are not", () => {
    expect(findOrganization(N("昨天晨曦读书社6名志愿者在图书馆陪孩子读书"))).toBe("晨曦读书社");
    expect(findOrganization(N("今天上午丹青书画社在文化站教居民写字"))).toBe("丹青书画社");
    expect(findOrganization(N("今天在幸福社区陪老人聊天，社工2名"))).toBeNull();
    expect(findOrganization(N("晚报社记者来采访了"))).toBeNull();
  });
});

describe("category", () => {
  it("a 便民服务 day of everyday services is mixed services (其他)", () => {
    expect(categorize(N("今天在广场搞便民服务活动，修自行车、量血压、剪头发"), null)).toBe("其他");
    // a single service at a 便民服务大厅 keeps its own field
    expect(categorize(N("在镇便民服务大厅开展法律咨询"), null, "镇便民服务大厅")).toBe("法律援助");
  });
});

describe("location", () => {
  it("the community named before a count of households is the place", () => {
    expect(findLocation(N("昨天给幸福社区12户困难家庭送了米"), null)).toBe("幸福社区");
    expect(findLocation(N("今天走访了光明村8户留守家庭"), null)).toBe("光明村");
  });

  it("她家 / 他家 is the home of the person named before it, never the pronoun", () => {
    expect(findLocation(N("帮孤寡的赵大爷换了灯泡，在他家弄了半小时"), null)).toBe("赵大爷家");
    expect(findLocation(N("今天去了她家打扫卫生"), null)).toBeNull();
  });
});

describe("people", () => {
  it("campers (营员) and 师生 are people served", () => {
    expect(readPeople(N("志愿者6人，营员30名")).beneficiaries).toBe(30);
    expect(readPeople(N("队员4名，参加疏散的师生300多人")).beneficiaries).toBe(300);
  });

  it("one named person helped (帮独居的孙奶奶) is one beneficiary", () => {
    expect(readPeople(N("3个人帮独居的孙奶奶搬了煤")).beneficiaries).toBe(1);
    expect(readPeople(N("3个人帮老奶奶们搬了煤")).beneficiaries).toBeNull();
  });
});
