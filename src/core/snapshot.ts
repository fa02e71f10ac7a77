import { deserialize, serialize } from "node:v8";

/** A class whose instances may be stored; they come back with its prototype, unconstructed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StorableClass = abstract new (...args: any[]) => unknown;

/** One step from a container to what it holds: a property (or array index), a Map value, a Set member. */
type Step = ["property", string] | ["map", unknown] | ["set", number];

/**
 * Where the v8 serializer loses something: class instances come back as plain objects and an
 * Intl.Segmenter cannot be serialized at all. Each is noted by its path and put right on load.
 */
type Fixup = { path: Step[]; kind: "class"; index: number } | { path: Step[]; kind: "segmenter"; locale: string; granularity: Intl.SegmenterOptions["granularity"] };

export class SnapshotError extends Error {
  override name = "SnapshotError";
}

/**
 * Serializes derived data (indexes, trained models) with node:v8, keeping the prototypes of the
 * listed classes. Anything else that is not plain data (a function, an unlisted class) throws,
 * so a model that grows a field the cache cannot keep is found when it is built, not used.
 */
export function freeze(value: unknown, classes: readonly StorableClass[]): Buffer {
  const fixups: Fixup[] = [];
  const detached: Array<() => void> = [];
  const seen = new Set<object>();
  const walk = (node: unknown, path: Step[]): void => {
    if (node === null || typeof node !== "object") {
      if (typeof node === "function" || typeof node === "symbol") throw new SnapshotError(`cannot store a ${typeof node} at ${describe(path)}`);
      return;
    }
    // Before the seen check: a segmenter shared by two holders must be taken out of each.
    if (node instanceof Intl.Segmenter) {
      const { locale, granularity } = node.resolvedOptions();
      fixups.push({ path, kind: "segmenter", locale, granularity });
      detached.push(detach(value, path));
      return;
    }
    if (seen.has(node)) return;
    seen.add(node);
    if (ArrayBuffer.isView(node) || node instanceof Date || node instanceof RegExp) return;
    if (Array.isArray(node)) return node.forEach((item, index) => walk(item, [...path, ["property", String(index)]]));
    if (node instanceof Map) {
      for (const [key, item] of node) {
        if (key !== null && typeof key === "object") throw new SnapshotError(`cannot store a Map with object keys at ${describe(path)}`);
        walk(item, [...path, ["map", key]]);
      }
      return;
    }
    if (node instanceof Set) return [...node].forEach((item, index) => walk(item, [...path, ["set", index]]));
    const prototype = Object.getPrototypeOf(node) as object | null;
    if (prototype !== Object.prototype && prototype !== null) {
      const index = classes.findIndex((type) => type.prototype === prototype);
      if (index < 0) throw new SnapshotError(`cannot store a ${prototype.constructor?.name ?? "object"} at ${describe(path)} (not a listed class)`);
      fixups.push({ path, kind: "class", index });
    }
    for (const [key, item] of Object.entries(node)) walk(item, [...path, ["property", key]]);
  };
  walk(value, []);
  try {
    return serialize({ value, fixups });
  } finally {
    // The live value is in use by the caller: what was taken out to serialize goes back.
    for (const restore of detached) restore();
  }
}

/** Reads what freeze wrote; `classes` must list the same classes in the same order. */
export function thaw<T>(buffer: Buffer, classes: readonly StorableClass[]): T {
  const { value, fixups } = deserialize(buffer) as { value: unknown; fixups: Fixup[] };
  for (const fixup of fixups) {
    if (fixup.kind === "class") {
      const type = classes[fixup.index];
      if (!type) throw new SnapshotError(`snapshot names class ${fixup.index}, which is not listed`);
      Object.setPrototypeOf(locate(value, fixup.path), type.prototype);
    } else {
      place(value, fixup.path, new Intl.Segmenter(fixup.locale, { granularity: fixup.granularity }));
    }
  }
  return value as T;
}

function locate(root: unknown, path: Step[]): unknown {
  let node = root;
  for (const [kind, key] of path) {
    if (kind === "property") node = (node as Record<string, unknown>)[key];
    else if (kind === "map") node = (node as Map<unknown, unknown>).get(key);
    else node = [...(node as Set<unknown>)][key];
  }
  return node;
}

/** Puts `item` where `path` points; the segmenters freeze takes out go back this way. */
function place(root: unknown, path: Step[], item: unknown): void {
  const last = path.at(-1);
  if (!last || last[0] === "set") throw new SnapshotError(`cannot place a value at ${describe(path)}`);
  const parent = locate(root, path.slice(0, -1));
  if (last[0] === "map") (parent as Map<unknown, unknown>).set(last[1], item);
  else (parent as Record<string, unknown>)[last[1]] = item;
}

function detach(root: unknown, path: Step[]): () => void {
  const item = locate(root, path);
  place(root, path, undefined);
  return () => place(root, path, item);
}

function describe(path: Step[]): string {
  return path.length === 0 ? "the top" : path.map(([kind, key]) => (kind === "property" ? `.${key}` : `[${String(key)}]`)).join("");
}
