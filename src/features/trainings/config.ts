import { z } from "zod";
import { parseCron } from "./cron.js";

const offset = z.string().regex(/^\d+[dhm]$/, "use offsets like 1d, 2h, 30m");

/** Organization types a compliance entry can be limited to (as /bind records them). */
export const organizationTypes = ["社团", "民非", "基金会"] as const;

/**
 * One recurring compliance reminder: on yearly dates ("MM-DD" at `time`) or on a cron expression,
 * both in config.timeZone. Shipped texts are locale keys (`textKey`); a site's own entries may give
 * `text` directly. `source` names the verified fact the entry rests on.
 */
const complianceEntrySchema = z
  .object({
    enabled: z.boolean().default(true),
    dates: z.array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'use "MM-DD", e.g. "03-01"')).default([]),
    time: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'use "HH:MM", e.g. "09:00"').default("09:00"),
    cron: z
      .string()
      .refine((value) => parseCron(value) !== undefined, "not a cron expression this bot understands (5 fields of numbers, *, ranges, steps, lists)")
      .nullable()
      .default(null),
    textKey: z.string().nullable().default(null),
    text: z.string().min(1).nullable().default(null),
    /** Group tags to remind, or ["all"]. */
    tags: z.array(z.string().min(1)).default(["all"]),
    /** Only groups bound to organizations of these types; empty: any group with the tags. */
    organizationTypes: z.array(z.enum(organizationTypes)).default([]),
    source: z.string().nullable().default(null),
  })
  .refine((entry) => (entry.dates.length > 0) !== (entry.cron !== null), "give either dates or cron, not both")
  .refine((entry) => entry.text !== null || entry.textKey !== null, "give text or textKey");

export type ComplianceEntry = z.infer<typeof complianceEntrySchema>;

/** Configuration of trainings, reminders and the compliance calendar (config key `trainings`). */
export const trainingsConfigSchema = z
  .object({
    /** Reminder offsets before a training starts, e.g. ["1d", "1h"]. */
    defaultReminders: z.array(offset).default(["1d", "1h"]),
    /** Also remind registrants in their private chat with the bot, where one is known. */
    remindPrivately: z.boolean().default(true),
    /**
     * The compliance calendar, keyed by entry id so a site file can switch one off with
     * `trainings.compliance.<id>.enabled: false` (YAML mappings merge; lists would not).
     */
    compliance: z.record(z.string().regex(/^[\w-]+$/, "entry ids are letters, digits, - and _"), complianceEntrySchema).default({}),
    /**
     * A reminder or compliance notice whose minute passed while the bot was down is still sent
     * at start within this many hours; later than that it is recorded as missed and staff are told.
     */
    catchUpGraceHours: z.number().min(0).max(72).default(6),
  })
  .prefault({});
