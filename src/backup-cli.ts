import { createReadStream, createWriteStream, renameSync } from "node:fs";
import { finished } from "node:stream/promises";
import { BackupError, isEmpty, readBackup, writeBackup } from "./ports/storage/backup.js";
import { openStorage } from "./ports/storage/index.js";

/** `cli backup --out FILE`: written to FILE.partial first, so a cut-short backup never looks whole. */
export async function runBackup(dataUrl: string, file: string): Promise<{ code: number; message: string }> {
  const storage = await openStorage(dataUrl);
  try {
    const partial = `${file}.partial`;
    const out = createWriteStream(partial);
    const summary = await writeBackup(storage, out);
    out.end();
    await finished(out);
    renameSync(partial, file);
    return { code: 0, message: `已备份 ${summary.records} 条记录、${summary.claims} 个占用标记 → ${file} (backup of ${storage.kind} store written)` };
  } finally {
    await storage.close();
  }
}

/** `cli restore FILE [--force]`: into the store DATA_URL names; a non-empty one only with --force. */
export async function runRestore(dataUrl: string, file: string, force: boolean): Promise<{ code: number; message: string }> {
  const storage = await openStorage(dataUrl);
  try {
    if (!force && !(await isEmpty(storage))) {
      return { code: 3, message: `目标存储不是空的，未恢复；确认要合并覆盖请加 --force (the ${storage.kind} store named by DATA_URL already holds data; add --force to restore into it anyway)` };
    }
    const summary = await readBackup(storage, createReadStream(file));
    return { code: 0, message: `已恢复 ${summary.records} 条记录、${summary.claims} 个占用标记到 ${storage.kind} (restored)` };
  } catch (error) {
    if (error instanceof BackupError) return { code: 4, message: `备份文件无法恢复 backup cannot be restored: ${error.message}` };
    throw error;
  } finally {
    await storage.close();
  }
}
