import { openStorage } from "../src/ports/storage/index.js";

/** Stores `count` plausible reports across a year and twenty organisations. */
export async function seedReports(dataUrl: string, count: number): Promise<void> {
  const storage = await openStorage(dataUrl);
  const reports = storage.namespace("reports");
  for (let index = 0; index < count; index++) {
    const month = String((index % 12) + 1).padStart(2, "0");
    const day = String((index % 28) + 1).padStart(2, "0");
    const id = `R2026${month}${day}-${String(index).padStart(5, "0")}`;
    await reports.set(id, {
      id, status: index % 3 ? "approved" : "submitted", return_reason: null,
      organization: `第${index % 20}社区志愿服务队`, title: "敬老院包饺子", category: "为老服务", date: `2026-${month}-${day}`,
      start_time: "14:00", end_time: "17:00", location: "新牧社区养老院", volunteers: 8, volunteer_hours: 24, beneficiaries: 30,
      description: "陪老人包饺子、聊天，帮助打扫房间。", photos: 2, chat: `playground:g${index % 50}`, reporter: `playground:u${index % 200}`,
      reporter_name: "小李", created_at: `2026-${month}-${day}T09:00:00.000Z`, updated_at: `2026-${month}-${day}T09:00:00.000Z`,
    });
  }
  await storage.close();
}
