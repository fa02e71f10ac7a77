import { z } from "zod";

/** Configuration of the question-answering feature (config key `qa`). */
export const qaConfigSchema = z
  .object({
    /** Folders of knowledge articles, relative to the working directory. */
    knowledgeDirs: z.array(z.string()).default(["config/knowledge"]),
    /** Folders of official statute texts, split into 第X条 passages. */
    statuteDirs: z.array(z.string()).default([]),
    /** Chat key where hand-off questions go (e.g. telegram:-1001234); none: tickets only. */
    staffChat: z.string().nullable().default(null),
  })
  .prefault({});
