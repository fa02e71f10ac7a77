import { z } from "zod";

/** Configuration of activity reports (config key `reports`). */
export const reportsConfigSchema = z
  .object({
    /** In groups, answer a clear report even without a mention. */
    autoDetect: z.boolean().default(true),
    /** Hours of silence after which an unfinished report is dropped with a notice. */
    draftExpiryHours: z.number().positive().default(72),
    /** How often unfinished reports are checked for expiry (node-cron expression). */
    expirySweep: z.string().min(1).default("*/30 * * * *"),
    /** File format of /export when none is named. */
    exportFormat: z.enum(["xlsx", "csv"]).default("xlsx"),
  })
  .prefault({});

export type ReportsConfig = z.infer<typeof reportsConfigSchema>;
