import type { Locale } from "@/lib/i18n/locales";
import { actorOf, defaultSite, type Site, statementId } from "./site";
import type { Statement } from "./types";
import { ACTIVITY_TYPES, iris, PLATFORM, ref, VERBS } from "./vocabulary";

export type ChapterRead = {
  learner: { employeeNo: string };
  /** The revision read (its id is `context.revision`), in the locale it was read in. */
  chapter: { slug: string; title: string; locale: Locale; revisionId: string };
  at: Date;
  /** Certifications that require the chapter, named in `contextActivities.grouping`. */
  certificationIds?: readonly string[];
};

/**
 * The learner reached the end of a chapter: "experienced" the chapter, once per revision (the id
 * comes from learner, chapter and revision, so reaching the end again records nothing new).
 */
export function chapterReadStatements(e: ChapterRead, site: Site = defaultSite()): Statement[] {
  const iri = iris(site);
  const { slug, title, locale, revisionId } = e.chapter;
  return [
    {
      id: statementId(site, `chapter-read/${e.learner.employeeNo}/${slug}/${revisionId}`),
      actor: actorOf(site, e.learner.employeeNo),
      verb: VERBS.experienced,
      object: {
        objectType: "Activity",
        id: iri.chapter(slug),
        definition: {
          type: ACTIVITY_TYPES.module,
          name: { [locale]: title },
          moreInfo: `${site.origin}/learn/${encodeURIComponent(slug)}`,
        },
      },
      result: { completion: true },
      context: {
        revision: revisionId,
        platform: PLATFORM,
        language: locale,
        ...(e.certificationIds?.length
          ? { contextActivities: { grouping: e.certificationIds.map((id) => ref(iri.certification(id))) } }
          : {}),
      },
      timestamp: e.at.toISOString(),
    },
  ];
}
