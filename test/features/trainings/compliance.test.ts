import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load.js";
import { ConfigError } from "../../../src/core/errors.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

async function tickAt(bot: TestBot, shanghai: string): Promise<void> {
  const at = new Date(`${shanghai}+08:00`);
  bot.clock.set(at);
  await bot.scheduler.tick(at);
}

const compliance = async (bot: TestBot, group: string) => (await bot.group(group).botMessages()).filter((text) => text.startsWith("【合规提醒】"));

describe("compliance calendar", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("ships only verified national deadlines, each citing its fact", () => {
    const config = loadConfig({ env: {} });
    const entries = config.trainings.compliance;
    expect(Object.keys(entries).sort()).toEqual(["annual-report-registration", "annual-report-supervisor", "foundation-annual-report", "tax-exempt-report"]);
    for (const entry of Object.values(entries)) expect(entry.source).toMatch(/^F\d{3} /);
  });

  it("reminds each organization type of its own deadline, once a day, from the configured time", async () => {
    const { trainings } = loadConfig({ env: {} });
    bot = await startTestBot({ config: { trainings } });
    await bot.group("shetuan", "协会群").user(bot.staff).says("/bind 平房区书法家协会");
    await bot.group("minfei", "民非群").user(bot.staff).says("/bind 彩虹社工服务中心 type:民非");
    await bot.group("foundation", "基金会群").user(bot.staff).says("/bind 某某慈善基金会");
    await bot.group("unbound", "闲聊群").user("alice").says("大家好");
    for (const time of ["2026-03-01T08:59:00", "2026-03-01T09:00:00", "2026-03-01T09:01:00", "2026-03-01T15:00:00"]) await tickAt(bot, time);
    expect(await compliance(bot, "shetuan")).toEqual([expect.stringContaining("3月31日前报送业务主管单位")]);
    expect(await compliance(bot, "minfei")).toEqual([expect.stringContaining("第二十三条")]);
    expect(await compliance(bot, "foundation")).toEqual([expect.stringContaining("《基金会管理条例》第三十六条")]);
    expect(await compliance(bot, "unbound")).toEqual([]);
    await tickAt(bot, "2026-05-24T10:00:00");
    expect(await compliance(bot, "shetuan")).toHaveLength(2);
    expect(await compliance(bot, "foundation")).toHaveLength(1);
  });

  it("lets a site switch an entry off and add its own, on a cron expression", async () => {
    const { trainings } = loadConfig({ env: {} });
    trainings.compliance["annual-report-supervisor"]!.enabled = false;
    bot = await startTestBot({
      config: { trainings: { ...trainings, compliance: { ...trainings.compliance, "monthly-finance": { enabled: true, dates: [], time: "09:00", cron: "30 9 5 * *", text: "请在本月10日前报送上月财务报表。", textKey: null, tags: ["finance"], organizationTypes: [], source: null } } } },
    });
    await bot.group("shetuan", "协会群").user(bot.staff).says("/bind 平房区书法家协会 tag:finance");
    await tickAt(bot, "2026-03-01T09:00:00");
    expect(await compliance(bot, "shetuan")).toEqual([]);
    await tickAt(bot, "2026-04-05T09:29:00");
    await tickAt(bot, "2026-04-05T09:30:00");
    await tickAt(bot, "2026-04-05T09:31:00");
    expect(await compliance(bot, "shetuan")).toEqual(["【合规提醒】请在本月10日前报送上月财务报表。"]);
  });

  it("stops start-up naming the key of a bad entry", () => {
    const file = `${process.cwd()}/test/features/trainings/bad-compliance.yaml`;
    expect(() => loadConfig({ env: {}, files: [file] })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, files: [file] })).toThrow(/trainings\.compliance\.broken\.cron/);
  });
});
