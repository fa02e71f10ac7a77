import { fromWechat, type WechatView } from "../src/platforms/wechat/view.js";
import { startWechatBot } from "../test/support/wechat.js";

/** WeChat conversion throughput, and a mention's round trip through wechaty + the mock puppet + the core. */
export async function run() {
  const view: WechatView = {
    id: "m",
    fromSelf: false,
    talkerId: "wxid_alice",
    talkerName: "小李",
    roomId: "1234567@chatroom",
    roomTopic: "新牧社区志愿者群",
    text: "@小园助手\u2005今天上午在敬老院包饺子，12人参加，服务3小时",
    mentionsSelf: true,
    type: "text",
    date: new Date(),
    selfAlias: "园区小助手",
  };
  const conversions = 100_000;
  const started = performance.now();
  for (let index = 0; index < conversions; index++) fromWechat({ ...view, id: String(index) }, "小园助手");
  const perSecond = conversions / ((performance.now() - started) / 1000);

  const wechat = await startWechatBot();
  const member = wechat.room("新牧社区志愿者群", ["alice"]).member("alice", "小李");
  const rounds = 50;
  const times: number[] = [];
  for (let index = 0; index < rounds; index++) {
    const sent = performance.now();
    await member.says(`@小园助手 /help`);
    times.push(performance.now() - sent);
  }
  await wechat.close();
  times.sort((a, b) => a - b);
  return [
    { name: "fromWechat conversions", value: Math.round(perSecond), unit: "per second" },
    { name: "WeChat mention → reply round trip (median of 50, mock puppet, pacing on virtual time)", value: times[Math.floor(rounds / 2)]!, unit: "ms" },
    { name: "WeChat mention → reply round trip (p95)", value: times[Math.floor(rounds * 0.95)]!, unit: "ms", note: "wechaty payload loading + dispatcher + outbox; no network" },
  ];
}
