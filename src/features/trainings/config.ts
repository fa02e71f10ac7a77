import { z } from "zod";

/** Configuration of trainings, reminders and the compliance calendar (config key `trainings`). */
export const trainingsConfigSchema = z
  .object({
    /** Reminder offsets before a training starts, e.g. ["1d", "1h"]. */
    defaultReminders: z.array(z.string().regex(/^\d+[dhm]$/, "use offsets like 1d, 2h, 30m")).default(["1d", "1h"]),
  })
  .prefault({});
