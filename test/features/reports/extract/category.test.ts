import { describe, expect, it } from "vitest";
import { categorize } from "../../../../src/features/reports/extract/category.js";

describe("category", () => {
  it.each([
    ["给敬老院老人量血压、剪指甲", "助老"],
    ["陪残障朋友去公园游园", "助残"],
    ["给孩子辅导暑假作业", "儿童青少年"],
    ["给低保户送米面油", "扶贫济困"],
    ["在社区开展健康义诊", "健康卫生"],
    ["无偿献血宣传和引导", "健康卫生"],
    ["消防安全演练", "应急救援"],
    ["暴雨内涝协助转移被困群众", "应急救援"],
    ["便民法律咨询", "法律援助"],
    ["社区义务清雪", "社区治理"],
    ["文明交通劝导", "社区治理"],
    ["夜间治安巡逻", "社区治理"],
    ["河道捡垃圾", "环保"],
    ["植树护绿", "环保"],
    ["书法公益课", "文化体育"],
    ["义剪、测血压、法律咨询都有", "其他"],
  ])("%s → %s", (text, expected) => {
    expect(categorize(text, null)).toBe(expected);
  });

  it.each([
    ["夜间治安巡护", "社区治理"],
    ["小区楼栋值守", "社区治理"],
    ["在何家沟堤坝值守防汛", "应急救援"],
    ["防汛值守，巡查堤坝", "应急救援"],
    ["沿河道巡护，捡拾垃圾", "环保"],
    ["调解邻里纠纷", "社区治理"],
    ["律师志愿者为居民调解合同纠纷", "法律援助"],
    ["化解物业纠纷", "社区治理"],
    ["律师现场答疑", "法律援助"],
    ["在卫生服务站门口看诊", "健康卫生"],
    ["给居民测血压、做体检", "健康卫生"],
    ["给敬老院老人看诊", "助老"],
    ["为残疾人做心理疏导", "助残"],
  ])("guard duty takes the guarded field; mediation is community work unless lawyers do it; check-ups are health: %s → %s", (text, expected) => {
    expect(categorize(text, null)).toBe(expected);
  });

  it("ignores the organization's own name", () => {
    expect(categorize("夕阳红志愿服务队在新牧社区清雪", "夕阳红志愿服务队")).toBe("社区治理");
    expect(categorize("七彩童年儿童服务社在河边捡垃圾", "七彩童年儿童服务社")).toBe("环保");
  });

  it("a place name does not decide the content", () => {
    expect(categorize("在文化广场做无偿献血宣传", null)).toBe("健康卫生");
  });
});
