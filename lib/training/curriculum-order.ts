/** The chapter and scenario slugs in the order learners meet them (catalog.chapterSlugs(), scenarioSlugs()). */
export type Curriculum = { chapters: readonly string[]; scenarios: readonly string[] };

type Item = { kind: "chapter" | "scenario"; slug: string };

/**
 * Content items in curriculum order: chapters by their place in the reading order, then scenarios in
 * teaching order; items learners do not have yet (never published) follow their kind, in the order
 * given. `chapterNumber` is the number the learner's chapter list shows (1-based), null otherwise.
 */
export function inCurriculumOrder<T extends Item>(
  items: readonly T[],
  curriculum: Curriculum,
): (T & { chapterNumber: number | null })[] {
  const place = (item: T) => {
    const list = item.kind === "chapter" ? curriculum.chapters : curriculum.scenarios;
    const i = list.indexOf(item.slug);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const kindRank = (item: T) => (item.kind === "chapter" ? 0 : 1);
  return items
    .map((item, given) => ({ item, given }))
    .sort((a, b) => kindRank(a.item) - kindRank(b.item) || place(a.item) - place(b.item) || a.given - b.given)
    .map(({ item }) => {
      const i = item.kind === "chapter" ? curriculum.chapters.indexOf(item.slug) : -1;
      return { ...item, chapterNumber: i === -1 ? null : i + 1 };
    });
}
