import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { projectPath } from "./paths.js";
import { freeze, SnapshotError, thaw, type StorableClass } from "./snapshot.js";

/** What a derived value is built from; a change in any of them builds it anew. */
export interface ArtifactInputs {
  /** Files read by the builder (a missing one counts as an input too). */
  files?: string[];
  /** Folders read by the builder: every file under them, names and contents. */
  folders?: string[];
  /** Settings the builder uses (JSON-serializable). */
  values?: unknown;
}

export interface ArtifactOptions {
  /** Classes whose instances the value holds (see snapshot.ts). */
  classes?: readonly StorableClass[];
}

/**
 * Derived data that is costly to build at every start (search index, trained classifiers, parsed
 * locale tables), kept between runs. Features take one; tests and code that never saves one
 * get `buildAlways`.
 */
export interface Artifacts {
  get<T>(name: string, inputs: ArtifactInputs, build: () => T, options?: ArtifactOptions): T;
}

export interface ArtifactEvents {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

/** Builds every time: the behaviour with the cache off. */
export const buildAlways: Artifacts = { get: (_name, _inputs, build) => build() };

/**
 * The first value got for each name, kept in memory: for one process that starts many apps on
 * the same files (the dialog evaluation starts one per dialog), so the inputs are hashed and the
 * file is read once, not once per app. The values are shared, so they must not be changed.
 */
export function keptInMemory(artifacts: Artifacts): Artifacts {
  const kept = new Map<string, unknown>();
  return {
    get<T>(name: string, inputs: ArtifactInputs, build: () => T, options?: ArtifactOptions): T {
      if (!kept.has(name)) kept.set(name, artifacts.get(name, inputs, build, options));
      return kept.get(name) as T;
    },
  };
}

/**
 * Values kept in this process's memory, one per name and inputs (their contents, as the disk
 * cache keys them): the test run's cache. Its workers start hundreds of apps on the same files;
 * each builds the knowledge index once, and no run depends on what an earlier one left on disk.
 * The values are shared between apps, so they must not be changed.
 */
export function rememberedInProcess(): Artifacts {
  return {
    get<T>(name: string, inputs: ArtifactInputs, build: () => T): T {
      const key = inputKey(name, inputs, "");
      if (!remembered.has(key)) remembered.set(key, build());
      return remembered.get(key) as T;
    },
  };
}

const remembered = new Map<string, unknown>();

/** Marks a file as ours and of this layout; the digest after it guards against a torn or damaged file. */
const magic = Buffer.from("incubot-artifact-1\n");
const digestLength = 20;

/** Where artifacts live by default: beside the installed packages, so `npm ci` starts clean. */
export const defaultArtifactFolder = projectPath("node_modules/.cache/incubot");

/**
 * The cache in `folder`: one file per artifact, named after it, holding the key it was built for.
 * A missing, stale or damaged file means building in process (a warning says why, unless the
 * inputs merely changed) and writing the file anew; a folder that cannot be written only warns.
 */
export function openArtifacts(folder: string, events: ArtifactEvents): Artifacts {
  let salt: string | undefined;
  let unwritable = false;
  return {
    get<T>(name: string, inputs: ArtifactInputs, build: () => T, options: ArtifactOptions = {}): T {
      salt ??= codeSalt();
      const key = inputKey(name, inputs, salt);
      const file = join(folder, `${name}.bin`);
      const classes = options.classes ?? [];
      const cached = read(file);
      if (cached.state === "ok" && cached.key === key) {
        try {
          return thaw<T>(cached.payload, classes);
        } catch (error) {
          events.warn({ artifact: name, file, err: error }, "artifact cannot be read; building it now");
        }
      } else if (cached.state === "ok") {
        events.debug({ artifact: name }, "artifact inputs changed; building it now");
      } else {
        events.warn({ artifact: name, file, problem: cached.state }, `artifact ${cached.state}; building it now (npm run artifacts builds it ahead)`);
      }
      const value = build();
      if (unwritable) return value;
      try {
        mkdirSync(folder, { recursive: true });
        const body = Buffer.concat([Buffer.from(`${key}\n`), freeze(value, classes)]);
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, Buffer.concat([magic, createHash("sha1").update(body).digest(), body]));
        // Rename is atomic: an instance starting beside this one reads the old file or the new one.
        renameSync(temporary, file);
      } catch (error) {
        // A value the snapshot cannot keep is this artifact's problem; a folder that refuses writes is every one's.
        if (!(error instanceof SnapshotError)) unwritable = true;
        events.warn({ artifact: name, folder, err: error }, "artifact cannot be saved; it is built at every start");
      }
      return value;
    },
  };
}

/**
 * The cache named by INCUBOT_ARTIFACTS: a folder, `off` to build everything at every start, or
 * `memory` to build once per process and keep nothing on disk (the tests run so: they never
 * depend on what an earlier run left behind).
 */
export function artifactsFromEnvironment(events: ArtifactEvents, environment: NodeJS.ProcessEnv = process.env): Artifacts {
  const setting = environment.INCUBOT_ARTIFACTS?.trim();
  if (setting === "off") return buildAlways;
  if (setting === "memory") return rememberedInProcess();
  return openArtifacts(setting ? projectPath(setting) : defaultArtifactFolder, events);
}

type Read = { state: "ok"; key: string; payload: Buffer } | { state: "missing" | "damaged" };

function read(file: string): Read {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return { state: "missing" };
  }
  const body = content.subarray(magic.length + digestLength);
  const digest = content.subarray(magic.length, magic.length + digestLength);
  if (!content.subarray(0, magic.length).equals(magic) || !createHash("sha1").update(body).digest().equals(digest)) return { state: "damaged" };
  const newline = body.indexOf(10);
  return { state: "ok", key: body.subarray(0, newline).toString(), payload: body.subarray(newline + 1) };
}

function inputKey(name: string, inputs: ArtifactInputs, salt: string): string {
  const hash = createHash("sha256").update(`${name}\0${salt}\0${JSON.stringify(inputs.values ?? null)}\0`);
  const addFile = (file: string, label: string) => {
    hash.update(`${label}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update("\0missing\0");
    }
  };
  for (const file of inputs.files ?? []) addFile(file, file);
  for (const folder of inputs.folders ?? []) {
    hash.update(`folder ${folder}\0`);
    for (const file of filesUnder(folder)) addFile(join(folder, file), relative(folder, join(folder, file)));
  }
  return hash.digest("hex");
}

function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The running code's fingerprint: sizes and modification times of its files. Hashing their
 * contents took 60 ms at every start; a rebuild changes the times, so a model built by older code
 * is never read by newer code (at worst, a rebuild with no change costs one rebuild of the cache).
 */
function codeSalt(): string {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const hash = createHash("sha256");
  for (const file of filesUnder(root)) {
    if (!/\.(js|ts)$/.test(file)) continue;
    const stat = statSync(join(root, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return hash.digest("hex");
}

