import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config/schema.js";
import { buildAlways, type Artifacts } from "../../core/artifacts.js";
import type { Texts } from "../../core/i18n.js";
import type { Llm } from "../../ports/llm.js";
import type { Storage } from "../../ports/storage/index.js";
import { projectPath } from "../../core/paths.js";
import { Answerer } from "./answerer.js";
import type { Section } from "./article.js";
import { classifierFor, IntentClassifier } from "./intent.js";
import { loadKnowledge } from "./knowledge.js";
import { createLlmWriter } from "./llm-answer.js";
import { Bm25, KnowledgeIndex } from "./search.js";
import { SectionClassifier } from "./section-classifier.js";
import { SoftmaxRegression } from "../../core/softmax.js";
import { SimilarQuestions } from "./similar-questions.js";

/** The classes a stored knowledge index is made of (src/core/snapshot.ts restores them). */
const indexClasses = [KnowledgeIndex, Bm25, SimilarQuestions, SectionClassifier, SoftmaxRegression];

/** The scope classifier's examples, shipped as data beside the knowledge base. */
const intentExamplesFile = "config/qa/scope-examples.yaml";

export interface QaServiceOptions {
  config: Config;
  texts: Texts;
  /** Needed only with an LLM (its answer cache). */
  storage?: Storage;
  llm?: Llm;
  onLlmError?: (error: unknown) => void;
  /** Where the parsed knowledge, its index and the scope classifier are kept between starts. */
  artifacts?: Artifacts;
}

/**
 * The knowledge base and the answerer over it. Loading is synchronous and strict: a broken
 * article throws (naming the file) at construction; `reload()` keeps the old index on failure.
 */
export class QaService {
  private index: KnowledgeIndex;
  private counts: { articles: number; passages: number };
  readonly answerer: Answerer;

  constructor(private readonly options: QaServiceOptions) {
    const loaded = this.load();
    this.index = loaded.index;
    this.counts = loaded.counts;
    const { config, texts, storage, llm } = options;
    const writer =
      llm && storage
        ? createLlmWriter({
            llm,
            cache: storage.namespace("qa-llm-cache"),
            cacheMs: config.qa.cacheHours * 3600_000,
            systemPrompt: readPrompt(config.qa.promptsDir, "qa-system"),
            userPrompt: readPrompt(config.qa.promptsDir, "qa-user"),
            timeoutMs: config.llm.timeoutMs,
            onError: options.onLlmError,
          })
        : undefined;
    this.answerer = new Answerer({
      index: () => this.index,
      translate: { zh: texts.translator("zh-CN"), en: texts.translator("en") },
      minScore: config.qa.minScore,
      minCoverage: config.qa.minCoverage,
      writer,
      intent: this.scopeClassifier(),
    });
  }

  /** Re-reads every article and statute; on error the previous knowledge stays in use. */
  async reload(): Promise<{ articles: number; passages: number }> {
    const loaded = this.load();
    this.index = loaded.index;
    this.counts = loaded.counts;
    return { ...this.counts };
  }

  /** The sections answers are drawn from (evaluation shows where a missed fact lives). */
  sections(): readonly Section[] {
    return this.index.sections;
  }

  status(): { articles: number; passages: number; sections: number } {
    return { ...this.counts, sections: this.index.size };
  }

  private load(): { index: KnowledgeIndex; counts: { articles: number; passages: number } } {
    const { qa, park } = this.options.config;
    // Relative folders are the project's own (config/knowledge), wherever the process was started.
    const source = { knowledgeDirs: qa.knowledgeDirs.map(projectPath), statuteDirs: qa.statuteDirs.map(projectPath), park };
    // Parsing the articles and indexing them was about a third of the start-up time.
    return (this.options.artifacts ?? buildAlways).get(
      "qa-knowledge",
      { folders: [...source.knowledgeDirs, ...source.statuteDirs], values: source },
      () => {
        const knowledge = loadKnowledge(source);
        return { index: new KnowledgeIndex(knowledge.sections), counts: { articles: knowledge.articles, passages: knowledge.passages } };
      },
      { classes: indexClasses },
    );
  }

  /** Training the scope classifier takes a tenth of a second or more; its weights are kept. */
  private scopeClassifier(): IntentClassifier {
    const file = projectPath(intentExamplesFile);
    return (this.options.artifacts ?? buildAlways).get("qa-scope", { files: [file] }, () => classifierFor(file), { classes: [IntentClassifier, SoftmaxRegression] });
  }
}

function readPrompt(directory: string, name: string): string {
  const file = join(projectPath(directory), `${name}.md`);
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`prompt file ${file} cannot be read (config qa.promptsDir): ${(error as Error).message}`);
  }
}
