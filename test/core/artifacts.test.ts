import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { artifactsFromEnvironment, buildAlways, keptInMemory, openArtifacts, type ArtifactEvents } from "../../src/core/artifacts.js";
import { loadTexts } from "../../src/core/i18n.js";
import { projectPath } from "../../src/core/paths.js";
import { freeze, thaw } from "../../src/core/snapshot.js";
import { SoftmaxRegression } from "../../src/core/softmax.js";
import { IntentClassifier } from "../../src/features/qa/intent.js";
import { QaService } from "../../src/features/qa/service.js";
import { TurnClassifier } from "../../src/features/reports/turns.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), "incubot-artifacts-"));
  folders.push(path);
  return path;
}

function recorder(): ArtifactEvents & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (_details, message) => void warnings.push(message), debug: () => {} };
}

/** A cache in a fresh folder and an input file; `get` says whether it had to build. */
function setup() {
  const cache = folder();
  const input = join(folder(), "words.txt");
  writeFileSync(input, "alpha beta");
  const get = (events = recorder()) => {
    let built = false;
    const value = openArtifacts(cache, events).get("words", { files: [input] }, () => {
      built = true;
      return new Map(readFileSync(input, "utf8").split(" ").map((word, index) => [word, index]));
    });
    return { value, built, warnings: events.warnings };
  };
  return { cache, input, get };
}

describe("the artifact cache", () => {
  it("builds once, then reads what it stored while the inputs stay the same", () => {
    const { get } = setup();
    const first = get();
    expect(first.built).toBe(true);
    const second = get();
    expect(second.built).toBe(false);
    expect(second.value).toEqual(new Map([["alpha", 0], ["beta", 1]]));
  });

  it("builds anew, without a warning, when an input file changes", () => {
    const { input, get } = setup();
    get();
    writeFileSync(input, "alpha beta gamma");
    const changed = get();
    expect(changed.built).toBe(true);
    expect(changed.value.get("gamma")).toBe(2);
    expect(changed.warnings).toEqual([]);
    expect(get().built).toBe(false);
  });

  it("builds anew when a file in an input folder is added", () => {
    const cache = folder();
    const source = folder();
    writeFileSync(join(source, "a.md"), "one");
    let builds = 0;
    const get = () => openArtifacts(cache, recorder()).get("folder", { folders: [source] }, () => ++builds);
    get();
    get();
    writeFileSync(join(source, "b.md"), "two");
    get();
    expect(builds).toBe(2);
  });

  it("builds anew when a setting it depends on changes", () => {
    const cache = folder();
    let builds = 0;
    const get = (phone: string) => openArtifacts(cache, recorder()).get("settings", { values: { phone } }, () => ++builds);
    get("0451-1");
    get("0451-1");
    get("0451-2");
    expect(builds).toBe(2);
  });

  it("rebuilds with a warning when the stored file is damaged, and repairs it", () => {
    const { cache, get } = setup();
    get();
    const file = join(cache, "words.bin");
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] ^= 0xff;
    writeFileSync(file, bytes);
    const damaged = get();
    expect(damaged.built).toBe(true);
    expect(damaged.value.get("beta")).toBe(1);
    expect(damaged.warnings.join("\n")).toMatch(/damaged/);
    expect(get().built).toBe(false);
  });

  it("rebuilds with a warning when the stored file is cut short or is not one of ours", () => {
    const { cache, get } = setup();
    get();
    const file = join(cache, "words.bin");
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    expect(get().warnings.join("\n")).toMatch(/damaged/);
    writeFileSync(file, "not an artifact");
    const foreign = get();
    expect(foreign.built).toBe(true);
    expect(foreign.warnings.join("\n")).toMatch(/damaged/);
  });

  it("warns when nothing was built ahead, and still answers", () => {
    const { get } = setup();
    const first = get();
    expect(first.warnings.join("\n")).toMatch(/missing/);
    expect(first.value.get("alpha")).toBe(0);
  });

  it("keeps working, with a warning, when its folder cannot be written", () => {
    const blocker = join(folder(), "a-file");
    writeFileSync(blocker, "");
    const events = recorder();
    const artifacts = openArtifacts(join(blocker, "cache"), events);
    expect(artifacts.get("one", {}, () => 1)).toBe(1);
    expect(artifacts.get("two", {}, () => 2)).toBe(2);
    expect(events.warnings.filter((message) => /cannot be saved/.test(message))).toHaveLength(1);
  });

  it("with INCUBOT_ARTIFACTS=memory builds once per inputs in this process, anew when a file changes, and writes nothing", () => {
    const inputs = folder();
    const file = join(inputs, "examples.txt");
    writeFileSync(file, "one");
    let builds = 0;
    const first = artifactsFromEnvironment(recorder(), { INCUBOT_ARTIFACTS: "memory" });
    const second = artifactsFromEnvironment(recorder(), { INCUBOT_ARTIFACTS: "memory" });
    const value = first.get("words", { files: [file] }, () => ({ built: ++builds }));
    // Another app of the same process gets the same value without building it.
    expect(second.get("words", { files: [file] }, () => ({ built: ++builds }))).toBe(value);
    expect(builds).toBe(1);
    // Other settings, or another content of the same file, are other inputs.
    second.get("words", { files: [file], values: { size: 2 } }, () => ({ built: ++builds }));
    writeFileSync(file, "two");
    expect(first.get("words", { files: [file] }, () => ({ built: ++builds }))).toEqual({ built: 3 });
    expect(readdirSync(inputs)).toEqual(["examples.txt"]);
  });

  it("is off with INCUBOT_ARTIFACTS=off: builds every time and writes nothing", () => {
    const cache = folder();
    let builds = 0;
    const artifacts = artifactsFromEnvironment(recorder(), { INCUBOT_ARTIFACTS: "off" });
    artifacts.get("x", {}, () => ++builds);
    artifacts.get("x", {}, () => ++builds);
    expect(builds).toBe(2);
    const elsewhere = artifactsFromEnvironment(recorder(), { INCUBOT_ARTIFACTS: cache });
    elsewhere.get("x", {}, () => ++builds);
    expect(existsSync(join(cache, "x.bin"))).toBe(true);
  });
});

describe("snapshots of models", () => {
  it("give back instances of the listed classes, with an Intl.Segmenter rebuilt", () => {
    class Holder {
      readonly segmenter = new Intl.Segmenter("zh", { granularity: "word" });
      readonly words = new Map([["甲", new Set(["乙"])]]);
      count(): number {
        return this.words.size;
      }
    }
    const copy = thaw<{ list: Holder[] }>(freeze({ list: [new Holder()] }, [Holder]), [Holder]);
    const holder = copy.list[0]!;
    expect(holder).toBeInstanceOf(Holder);
    expect(holder.count()).toBe(1);
    expect([...holder.segmenter.segment("社会组织")].length).toBeGreaterThan(0);
  });

  it("take a segmenter out of every holder when two share one (the index and its similar questions)", () => {
    const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    const shared = { index: { segmenter }, similar: { segmenter } };
    const copy = thaw<typeof shared>(freeze(shared, []), []);
    expect([...copy.index.segmenter.segment("理事会")].length).toBeGreaterThan(0);
    expect([...copy.similar.segmenter.segment("理事会")].length).toBeGreaterThan(0);
    expect(shared.similar.segmenter).toBe(segmenter);
  });

  it("refuse a class that is not listed, and a function, naming where it is", () => {
    class Unlisted {}
    expect(() => freeze({ inner: { thing: new Unlisted() } }, [])).toThrow(/Unlisted at \.inner\.thing/);
    expect(() => freeze({ call: () => 1 }, [])).toThrow(/function at \.call/);
  });

  it("keep the trained classifiers' answers exactly", () => {
    const intent = new IntentClassifier({ general: ["社会团体怎么登记", "年检要交什么材料"], live: ["我的年检审到哪一步了"], improper: ["把会议记录日期往前写"], other: ["今天天气怎么样"] });
    const intentCopy = thaw<IntentClassifier>(freeze(intent, [IntentClassifier, SoftmaxRegression]), [IntentClassifier, SoftmaxRegression]);
    expect(intentCopy.probabilities("民非年检材料")).toEqual(intent.probabilities("民非年检材料"));
    const turns = new TurnClassifier([
      { kind: "confirm", text: "确认提交" },
      { kind: "cancel", text: "算了不报了" },
    ]);
    const turnsCopy = thaw<TurnClassifier>(freeze(turns, [TurnClassifier]), [TurnClassifier]);
    expect(turnsCopy.read("确认")).toEqual(turns.read("确认"));
  });
});

describe("the question answering service from the cache", () => {
  it("answers exactly as when it built its knowledge index itself", async () => {
    const config = loadConfig({ env: {} });
    const texts = loadTexts(projectPath("config/locales"));
    const cache = folder();
    const questions = ["社会团体成立需要多少会员？", "民办非企业单位年检什么时候交", "理事会一年开几次会", "how do I register a foundation"];
    const built = new QaService({ config, texts, artifacts: openArtifacts(cache, recorder()) });
    const stored = openArtifacts(cache, recorder());
    const rebuilt: string[] = [];
    const read = new QaService({ config, texts, artifacts: { get: (name, inputs, build, options) => stored.get(name, inputs, () => (rebuilt.push(name), build()), options) } });
    expect(rebuilt).toEqual([]);
    for (const question of questions) expect(await read.answerer.answer(question)).toEqual(await built.answerer.answer(question));
    expect(read.status()).toEqual(built.status());
  });
});

describe("artifacts kept in memory (one process starting many apps)", () => {
  it("asks the cache underneath once per name and hands every later caller the same value", () => {
    let builds = 0;
    const artifacts = keptInMemory(buildAlways);
    const first = artifacts.get("index", { values: 1 }, () => ({ built: ++builds }));
    const second = artifacts.get("index", { values: 1 }, () => ({ built: ++builds }));
    expect(second).toBe(first);
    expect(builds).toBe(1);
    expect(artifacts.get("classifier", { values: 1 }, () => ({ built: ++builds }))).toEqual({ built: 2 });
  });
});
