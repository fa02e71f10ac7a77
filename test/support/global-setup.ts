import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Bot processes the tests start (`startBotProcess`) share an artifact folder made for this run
 * only: the first one builds the knowledge index and classifiers, the others read them. No run
 * depends on what an earlier one left, and the folder is removed at the end.
 */
export default function setup(): () => void {
  const folder = join(tmpdir(), `incubot-test-artifacts-${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  process.env.INCUBOT_TEST_PROCESS_ARTIFACTS = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
