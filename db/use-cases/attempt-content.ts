import "server-only";
import type { PinnedContent } from "../../lib/assessment/views";
import type { Catalog } from "../../lib/content/catalog";
import type { CompiledChapter } from "../../lib/content/types";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import type { Db } from "../client";
import { chapterAtVersion } from "../queries/content-catalog";

/**
 * The pinned revisions of an attempt's chapters (`revisions`: slug → revision id), compiled in
 * `locale` (or the zh-CN source where a chapter has no translation). Question ids, types and keys
 * are the same in every language (content:check and publish hold translations to it), so the
 * score is the same whichever language the questions are shown in. `catalog`: the current catalog
 * when the caller has it already.
 */
export async function pinnedContent({
  revisions,
  locale,
  db,
  catalog,
}: {
  revisions: Record<string, string>;
  locale: Locale;
  db?: Db;
  catalog?: Catalog;
}): Promise<PinnedContent> {
  const chapters = new Map<string, CompiledChapter>();
  for (const [slug, version] of Object.entries(revisions)) {
    const entry = await chapterAtVersion({ slug, locale, version, db, catalog });
    if (!entry?.result.ok) throw new AppError("unavailable:chapter", `${slug}@${version}`);
    chapters.set(slug, entry.result.chapter);
  }
  const questions = new Map(
    [...chapters].flatMap(([slug, c]) => c.questions.map((q) => [`${slug}/${q.id}`, q] as const)),
  );
  return {
    lookup: (slug, questionId) => questions.get(`${slug}/${questionId}`),
    chapter: (slug) => {
      const c = chapters.get(slug);
      if (!c) throw new AppError("unavailable:chapter", slug);
      return c;
    },
  };
}
