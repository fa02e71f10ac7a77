import { describe, expect, it } from "vitest";
import { meetingFigures, voteRules, voteVerdict } from "../../../src/features/qa/votes.js";
import { answerBody, askShipped } from "./helpers.js";

const board = "理事会须2/3以上理事出席方能召开，决议须经到会理事2/3以上通过。";
const foundation = "理事会会议须2/3以上理事出席才能召开，决议须经出席理事过半数通过；选举理事长和秘书长须经出席理事2/3以上通过。";
const minfei = "民非理事会须1/2以上理事出席方能召开，决议须经全体理事过半数通过。";

describe("a meeting told in figures", () => {
  it("reads the body's size, those who came and the votes for, in any order and in Chinese numerals", () => {
    expect(meetingFigures("理事会共21名理事，这次到会15人，表决时9票赞成")).toEqual({ total: 21, present: 15, votes: 9 });
    expect(meetingFigures("全体100个会员到了70个，投票时33人赞成")).toEqual({ total: 100, present: 70, votes: 33 });
    expect(meetingFigures("俺们理事会十二个人，那天就来了七个")).toEqual({ total: 12, present: 7, votes: undefined });
    expect(meetingFigures("21 directors, 15 showed up, 9 voted yes")).toMatchObject({ total: 21, present: 15, votes: 9 });
  });

  it("reads a section's quorum and majority, whether of those present or of all", () => {
    const rules = voteRules(board);
    expect(rules.quorum[0]).toMatchObject({ share: 2 / 3, said: "2/3以上" });
    expect(rules.majority[0]).toMatchObject({ share: 2 / 3, of: "present" });
    expect(voteRules(minfei).majority[0]).toMatchObject({ share: 0.5, strict: true, of: "all" });
  });

  it("says a meeting too thin to sit could not decide anything", () => {
    expect(voteVerdict("理事会十二个人，那天来了七个，开的会算数不", board)).toMatchObject({ key: "qa.verdict.vote.noQuorum", params: { least: "8" }, met: false });
  });

  it("counts exactly on the boundary: 14 of 21 is 2/3; 5 of 10 is not more than half", () => {
    expect(voteVerdict("21个理事到了14个，10票赞成，通过没", board)).toMatchObject({ key: "qa.verdict.vote.passed.present", met: true });
    expect(voteVerdict("基金会理事10人，10人都到了，5票赞成，决议通过了吗", foundation)).toMatchObject({ key: "qa.verdict.vote.failed.present", params: { least: "6" } });
  });

  it("takes the majority an important matter needs when the question is about one (选举秘书长)", () => {
    expect(voteVerdict("基金会理事15人，今天来了10个，选举秘书长时候选人拿了6票赞成，能当选吗", foundation)).toMatchObject({ key: "qa.verdict.vote.failed.present", params: { rule: "2/3以上", least: "7" } });
    expect(voteVerdict("基金会理事15人，今天来了10个，年度预算6票赞成，通过了吗", foundation)).toMatchObject({ key: "qa.verdict.vote.passed.present", params: { rule: "过半数" } });
  });

  it("counts a majority of all members against all of them (民非: 全体理事过半数)", () => {
    expect(voteVerdict("民非理事会9个人，来了6个，5个人同意，算通过吗", minfei)).toMatchObject({ key: "qa.verdict.vote.passed.all", params: { base: "9", least: "5" } });
  });

  it("says how many must come when that is asked", () => {
    expect(voteVerdict("本会现有会员代表120名，出席代表至少须达到多少名会议方为有效", board)).toMatchObject({ key: "qa.verdict.vote.quorumNeeds", params: { least: "80" } });
  });

  it("judges nothing without a meeting's figures, or without a rule to judge them by", () => {
    expect(voteVerdict("理事会开会要多少人到场才算数", board)).toBeUndefined();
    expect(voteVerdict("理事会21人，到会15人，9票赞成，通过了吗", "理事每届任期不得超过5年。")).toBeUndefined();
  });
});

describe("user: a vote in figures → bot: the verdict first, then the rule", () => {
  it("user: 社团理事会21人到会15人9票赞成，通过了没有 → bot: 没通过, not a look-up for staff", async () => {
    const answer = await askShipped("我们社团理事会一共21个理事，这回到会15个，换届方案9票赞成，这个方案通过了没有？");
    expect(answer.handoff).toBe(false);
    expect(answerBody(answer.text)).toMatch(/^没通过：到会15人，9票赞成/);
  });

  it("user: 会员大会100人到了70个，33人赞成会费标准 → bot: 没通过 by a majority of those present", async () => {
    const answer = await askShipped("会员大会定会费标准，全体100个会员到了70个，33人赞成，会费标准算定下来了吗");
    expect(answerBody(answer.text)).toMatch(/^没通过：到会70人，33票赞成/);
  });
});

describe("user: a vote of one kind of organisation → bot: that kind's rule", () => {
  it("user: 本单位（民非）理事会13人到会6人 → bot: the 民非 quorum (1/2), not the 社团 one from an article whose body names no type", async () => {
    const answer = await askShipped("本单位（民非）理事会理事13名，实到6名，6人赞成，这个决议有效吗");
    expect(answerBody(answer.text)).toMatch(/^会开不成：13人中到会6人，规定须1\/2以上出席/);
  });
});
