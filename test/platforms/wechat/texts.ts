import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTexts, type Texts, type Translate } from "../../../src/core/i18n.js";
import { projectPath } from "../../../src/core/paths.js";

/** The WeChat locale files alone, through the real loader (other features' files are not this test's business). */
export function wechatTexts(): Texts {
  const folder = mkdtempSync(join(tmpdir(), "incubot-wechat-texts-"));
  for (const locale of ["zh-CN", "en"]) {
    mkdirSync(join(folder, locale));
    copyFileSync(projectPath(`config/locales/${locale}/wechat.yaml`), join(folder, locale, "wechat.yaml"));
  }
  return loadTexts(folder);
}

export function stubTranslate(): Translate {
  return wechatTexts().translator("zh-CN");
}
