import { afterEach, describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/features/qa/article.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const article = `---
id: contact
title: 联系园区
sources:
  - law: 园区服务说明
---

## 园区能帮什么忙？
园区提供免费办公场地和培训。想当面咨询的，请联系{{park.name}}工作人员（电话{{park.phone}}，办公时间{{park.hours}}）。也可以拨打电话{{park.phone}}预约。
en: The park offers free office space and training. Phone: {{park.phone}}.

## 园区电话多少？
联系电话：{{park.phone}}。我答不了的问题会转给工作人员。
来源：园区服务说明
问：园区电话是多少
`;

const park = (phone: string, address = "") => ({ "park.name": "创新园", "park.phone": phone, "park.address": address, "park.hours": "工作日 9:00-17:00" });

describe("park details that are not set", () => {
  it("leave out the later sentence or the clause in brackets that needs them", () => {
    const [services] = parseArticle("contact.md", "contact", article, park(""));
    expect(services!.body).toBe("园区提供免费办公场地和培训。想当面咨询的，请联系创新园工作人员（办公时间工作日 9:00-17:00）。");
    expect(services!.english).toBe("The park offers free office space and training.");
    expect(services!.awaiting).toBeUndefined();
  });

  it("leave a section whose answer needs them with its questions only, awaiting staff", () => {
    const [, phone] = parseArticle("contact.md", "contact", article, park(""));
    expect(phone).toMatchObject({ heading: "园区电话多少？", body: "", awaiting: true, questions: ["园区电话是多少"] });
  });

  it("are filled in as before once set", () => {
    const [services, phone] = parseArticle("contact.md", "contact", article, park("0451-86000000", "新牧社区服务中心二楼"));
    expect(services!.body).toContain("（电话0451-86000000，办公时间工作日 9:00-17:00）。也可以拨打电话0451-86000000预约。");
    expect(phone).toMatchObject({ body: "联系电话：0451-86000000。我答不了的问题会转给工作人员。" });
    expect(phone!.awaiting).toBeUndefined();
  });
});

describe("a user asking how to reach the park", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

  it("is handed to staff with a ticket while the phone and hours are not configured", async () => {
    bot = await startTestBot({ config: { park: { phone: "", address: "", hours: "" } } });
    const [reply] = await bot.private("alice").user("alice").says("园区电话多少？几点下班？");
    expect(reply).toMatch(/联系方式和上班安排.*已转给园区工作人员（工单 \S+）/);
    expect(reply).not.toMatch(/\{\{|在这里提的问题我答不了的/);
  });

  it("never reads a placeholder when the phone is not configured", async () => {
    bot = await startTestBot();
    const replies = [
      ...(await bot.private("alice").user("alice").says("怎么找人工？")),
      ...(await bot.private("alice").user("alice").says("创新园能帮我们办登记吗")),
    ];
    expect(replies.join("\n")).not.toMatch(/请在.*填写|\{\{|联系电话：。|电话，/);
  });

  it("gives the phone once it is configured", async () => {
    bot = await startTestBot({ config: { park: { phone: "0451-86000000", address: "新牧社区服务中心二楼" } } });
    expect((await bot.private("alice").user("alice").says("怎么找人工？")).join("\n")).toContain("0451-86000000");
  });
});
