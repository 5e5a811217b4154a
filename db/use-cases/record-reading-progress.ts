import "server-only";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { type Db, db as defaultDb } from "../client";
import { loadCatalog } from "../queries/content-catalog";
import { saveReadingProgress } from "../queries/learning";
import { chapterReadInserts } from "../queries/xapi-events";

/**
 * A learner reached a section of a chapter; progress only moves forward. Reaching the last section
 * records the xAPI "experienced" statement of that revision in the same batch (its id is fixed by
 * learner, chapter and revision, so reaching the end again, or a retry, records nothing new).
 */
export async function recordReadingProgress({
  user,
  slug,
  locale,
  sectionIndex,
  now = new Date(),
  db = defaultDb,
}: {
  user: { id: string; employeeNo: string };
  slug: string;
  locale: Locale;
  sectionIndex: number;
  now?: Date;
  db?: Db;
}) {
  const entry = (await loadCatalog({ db })).findChapter(slug, locale);
  if (!entry?.result.ok) throw new AppError("not_found:chapter");
  const { chapter } = entry.result;
  const section = chapter.toc[sectionIndex];
  if (!section) throw new AppError("bad_request:section");
  const read =
    sectionIndex === chapter.toc.length - 1
      ? chapterReadInserts({
          learner: { employeeNo: user.employeeNo },
          chapter: { slug, title: chapter.meta.title, locale: entry.locale, revisionId: entry.version },
          at: now,
          db,
        })
      : [];
  await saveReadingProgress({
    userId: user.id,
    moduleSlug: slug,
    sectionIndex,
    sectionId: section.id,
    alongside: read,
    db,
  });
}
