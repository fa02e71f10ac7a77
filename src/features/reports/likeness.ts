import type { ReportFields } from "./extract/index.js";
import type { StoredReport } from "./fields.js";

/** A name or place with spacing, dots, brackets and quotes removed and lower-cased, for comparing. */
export function squeeze(text: string): string {
  return text.replace(/[\s·•()（）"“”]/g, "").toLowerCase();
}

/** Whether a stored report looks like the same activity: two of similar title, same place, same head count, same hours, same start. */
export function alike(stored: StoredReport, fields: ReportFields): boolean {
  let score = 0;
  if (stored.title && fields.title && similarity(stored.title, fields.title) >= 0.5) score += 1;
  if (stored.location && fields.location && (squeeze(stored.location).includes(squeeze(fields.location)) || squeeze(fields.location).includes(squeeze(stored.location)))) score += 1;
  if (stored.volunteers !== null && stored.volunteers === fields.volunteers) score += 1;
  if (stored.volunteer_hours !== null && stored.volunteer_hours === fields.volunteer_hours) score += 1;
  if (stored.start_time !== null && stored.start_time === fields.start_time) score += 1;
  return score >= 2;
}

/** Jaccard similarity of character bigrams (Chinese titles have no word breaks). */
function similarity(left: string, right: string): number {
  const grams = (text: string) => {
    const clean = squeeze(text);
    const set = new Set<string>();
    for (let index = 0; index < clean.length - 1; index++) set.add(clean.slice(index, index + 2));
    if (clean.length === 1) set.add(clean);
    return set;
  };
  const a = grams(left);
  const b = grams(right);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}
