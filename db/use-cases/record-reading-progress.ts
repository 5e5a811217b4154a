import "server-only";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { type Db, db as defaultDb } from "../client";
import { loadCatalog } from "../queries/content-catalog";
import { saveReadingProgress } from "../queries/learning";

/** A learner reached a section of a chapter; progress only moves forward. */
export async function recordReadingProgress({
  user,
  slug,
  locale,
  sectionIndex,
  db = defaultDb,
}: {
  user: { id: string };
  slug: string;
  locale: Locale;
  sectionIndex: number;
  db?: Db;
}) {
  const entry = (await loadCatalog({ db })).findChapter(slug, locale);
  if (!entry?.result.ok) throw new AppError("not_found:chapter");
  const section = entry.result.chapter.toc[sectionIndex];
  if (!section) throw new AppError("bad_request:section");
  await saveReadingProgress({ userId: user.id, moduleSlug: slug, sectionIndex, sectionId: section.id, db });
}
