import { localeOf } from "../../../src/core/dispatcher.js";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSchema, type Config } from "../../../src/config/schema.js";
import { ChatDirectory } from "../../../src/core/chats.js";
import { CommandTable } from "../../../src/core/commands.js";
import type { Feature, Turn } from "../../../src/core/feature.js";
import { loadTexts, type Texts } from "../../../src/core/i18n.js";
import { silentLogger } from "../../../src/core/logging.js";
import type { ChatType } from "../../../src/core/message.js";
import type { Outbox } from "../../../src/core/outbox.js";
import { Roles } from "../../../src/core/roles.js";
import type { FeatureContext } from "../../../src/features/context.js";
import { systemClock } from "../../../src/ports/clock.js";
import type { Llm } from "../../../src/ports/llm.js";
import type { Scheduler } from "../../../src/ports/scheduler.js";
import { openMemoryStorage, type Storage } from "../../../src/ports/storage/index.js";
import type { Answer } from "../../../src/features/qa/answerer.js";
import { QaService } from "../../../src/features/qa/service.js";

/** A temporary folder, removed by the returned cleanup. */
export function temporaryFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "incubot-qa-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The qa locale files only, so tests do not depend on other features' texts. */
export function qaTexts(): Texts {
  const folder = temporaryFolder();
  for (const locale of ["zh-CN", "en"]) {
    mkdirSync(join(folder.path, locale));
    copyFileSync(join("config/locales", locale, "qa.yaml"), join(folder.path, locale, "qa.yaml"));
  }
  const texts = loadTexts(folder.path);
  folder.remove();
  return texts;
}

export const park = { name: "测试园", phone: "0451-00000000", address: "测试路1号", hours: "工作日 9:00-17:00" };

/** Writes articles (file name → text) into a folder. */
export function writeArticles(folder: string, articles: Record<string, string>): void {
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(folder, name), text);
}

/** Small articles in the knowledge-base format, in the tests' own words. */
export const fixtureArticles: Record<string, string> = {
  "shetuan-conditions.md": `---
id: shetuan-conditions
title: 成立社团的条件
aliases: [社团, 协会, 会员数, 活动资金, association]
sources:
  - law: 社会团体登记管理条例
    article: 第十条
updated: 2026-11-26
caution: false
---

## 成立社团最少要多少会员？
个人会员50个以上，或者单位会员30个以上；混合组成的总数不少于50个。
来源：《社会团体登记管理条例》第十条第一项
en: An association needs at least 50 individual members or 30 institutional members.

## 区级协会要多少活动资金？
地方性社团的活动资金要3万元以上，全国性社团要10万元以上。
来源：《社会团体登记管理条例》第十条第五项
en: A local association needs activity funds of at least 30,000 yuan (3万元).
`,
  "minfei-operations.md": `---
id: minfei-operations
title: 民非的日常运营
aliases: [民非, 民办非企业单位, 社会服务机构, 分支机构]
sources:
  - law: 民办非企业单位登记管理暂行条例
    article: 第十三条
caution: false
---

## 民非能设分支机构吗？
不能。民非不得设立分支机构。
来源：《民办非企业单位登记管理暂行条例》第十三条
en: No. A 民非 may not set up branches.

## 民非变更登记要多久内办？
登记事项变更的，要在业务主管单位同意后30日内申请变更登记。
来源：《民办非企业单位登记管理暂行条例》第十五条
`,
  "annual-inspection.md": `---
id: annual-inspection
title: 年检时间和费用
aliases: [年检, 年度检查, 年报, 年度工作报告]
sources:
  - law: 社会团体登记管理条例
    article: 第二十八条
caution: true
---

## 年检材料什么时候交？
每年3月31日前报送业务主管单位初审，5月31日前报送登记机关。
来源：《社会团体登记管理条例》第二十八条
en: Submit to the supervisory unit by 31 March and to the registration authority by 31 May.

## 年检要交钱吗？
不用。登记机关进行年度检查不得收取费用。
来源：《社会团体登记管理条例》第三十五条
en: No. The registration authority may not charge a fee for the annual inspection.
`,
  "park.md": `---
id: park
title: 怎么联系{{park.name}}
aliases: [园区, 创新园, 联系方式]
sources:
  - law: 园区服务说明
caution: false
---

## 怎么联系园区工作人员？
可以拨打{{park.name}}电话{{park.phone}}，办公时间{{park.hours}}。
`,
};

export interface QaHarness {
  config: Config;
  storage: Storage;
  context: FeatureContext;
  knowledge: string;
  cleanup(): void;
}

/** A FeatureContext over a temp knowledge folder holding `articles`, memory storage and the qa texts. */
export function qaHarness(options: { articles?: Record<string, string>; staffChat?: string | null; llm?: Llm; config?: Record<string, unknown> } = {}): QaHarness {
  const folder = temporaryFolder();
  writeArticles(folder.path, options.articles ?? fixtureArticles);
  const config = configSchema.parse({
    park,
    qa: { knowledgeDirs: [folder.path], staffChat: options.staffChat === undefined ? "telegram:-100777" : options.staffChat },
    ...options.config,
  });
  const storage = openMemoryStorage();
  const context: FeatureContext = {
    config,
    storage,
    clock: systemClock,
    logger: silentLogger(),
    texts: qaTexts(),
    roles: new Roles(storage, new Set(config.staff)),
    chats: new ChatDirectory(storage),
    outbox: {} as Outbox,
    scheduler: {} as Scheduler,
    llm: options.llm,
    commands: () => [],
  };
  return { config, storage, context, knowledge: folder.path, cleanup: folder.remove };
}

export interface TurnOptions {
  chat?: string;
  chatType?: ChatType;
  sender?: { key: string; name: string };
  staff?: boolean;
  mentionsBot?: boolean;
  replyToBot?: boolean;
  replyTo?: { messageId: string; text?: string };
  id?: string;
}

let sequence = 0;

/** Builds the Turn the dispatcher would build (commands parsed with the feature's table). */
export function turnFor(feature: Feature, texts: Texts, text: string, options: TurnOptions = {}): Turn {
  const table = new CommandTable();
  for (const spec of feature.commands ?? []) table.add(spec);
  const command = table.parse(text);
  const chatType = options.chatType ?? "group";
  const mentionsBot = options.mentionsBot ?? false;
  const replyToBot = options.replyToBot ?? false;
  const message = {
    id: options.id ?? `m${++sequence}`,
    platform: "telegram" as const,
    chat: { key: options.chat ?? (chatType === "group" ? "telegram:-100200" : "telegram:300"), type: chatType, title: chatType === "group" ? "测试群" : undefined },
    sender: options.sender ?? { key: "telegram:300", name: "王会长" },
    text,
    mentionsBot,
    replyToBot,
    replyTo: options.replyTo,
    photos: 0,
    sentAt: new Date("2026-03-16T02:00:00Z"),
  };
  const isStaff = options.staff ?? false;
  return {
    message,
    command,
    addressed: chatType === "private" || mentionsBot || replyToBot || command !== undefined,
    isStaff,
    role: isStaff ? "staff" : "leader",
    // The language the dispatcher would choose for this text.
    t: texts.translator(localeOf(text)),
    now: new Date("2026-03-16T02:00:00Z"),
  };
}

let shipped: QaService | undefined;

/** A question put to the shipped knowledge base (config/knowledge), as the CLI and the chat put it. */
export function askShipped(question: string): Promise<Answer> {
  shipped ??= new QaService({ config: configSchema.parse({ park, qa: { knowledgeDirs: ["config/knowledge"] } }), texts: qaTexts() });
  return shipped.answerer.answer(question);
}

/** An answer's text without its source line: what the person reads as the answer. */
export function answerBody(text: string): string {
  return text.replace(/\n来源[:：][^\n]*$/, "");
}
