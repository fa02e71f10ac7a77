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
    /** Below this retrieval score (BM25) a question is handed to staff instead of answered. */
    minScore: z.number().nonnegative().default(6),
    /** …or below this share of the question's own words found in the best section. */
    minCoverage: z.number().min(0).max(1).default(0.3),
    /** How long an LLM answer to the same question over the same sources is reused. */
    cacheHours: z.number().nonnegative().default(168),
    /** Folder of prompt files (qa-system.md, qa-user.md). */
    promptsDir: z.string().default("prompts"),
  })
  .prefault({});

export type QaConfig = z.infer<typeof qaConfigSchema>;
