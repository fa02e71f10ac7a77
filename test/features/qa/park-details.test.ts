import { afterEach, describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/features/qa/article.js";
import { startTestBot, type TestBot } from "../../support/bot.js";

const article = `---
id: contact
title: 联系园区
sources:
  - law: 园区服务说明
---

## 怎么联系园区？
可以拨打{{park.name}}电话{{park.phone}}，或到{{park.address}}当面咨询。请联系{{park.name}}工作人员（电话{{park.phone}}，办公时间{{park.hours}}）。我答不了的问题会转给工作人员。
en: The park gives guidance. Phone: {{park.phone}}.

## 园区电话多少？
联系电话：{{park.phone}}
来源：园区服务说明
`;

const park = (phone: string, address = "") => ({ "park.name": "创新园", "park.phone": phone, "park.address": address, "park.hours": "工作日 9:00-17:00" });

describe("park details that are not set", () => {
  it("leave out the sentence, the clause in brackets or the line that needs them", () => {
    const [contact, phone] = parseArticle("contact.md", "contact", article, park(""));
    expect(contact!.body).toBe("请联系创新园工作人员（办公时间工作日 9:00-17:00）。我答不了的问题会转给工作人员。");
    expect(contact!.english).toBe("The park gives guidance.");
    expect(phone).toBeUndefined(); // a section with nothing left is not answered at all
  });

  it("are filled in as before once set", () => {
    const [contact] = parseArticle("contact.md", "contact", article, park("0451-86000000", "新牧社区服务中心二楼"));
    expect(contact!.body).toContain("可以拨打创新园电话0451-86000000，或到新牧社区服务中心二楼当面咨询。");
    expect(contact!.body).toContain("（电话0451-86000000，办公时间工作日 9:00-17:00）");
  });
});

describe("a user asking how to reach the park", () => {
  let bot: TestBot;
  afterEach(async () => bot?.close());

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
