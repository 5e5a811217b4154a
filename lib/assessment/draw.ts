import { seededRandom, shuffled } from "./random";

/** What the draw needs of a pool question: its id and the section it tests. */
export type PoolQuestion = { id: string; section: number | null };

/**
 * `count` question ids from `pool` (all of them when the pool is smaller), deterministic for a
 * `seed` and never the same id twice. Questions of `avoid` (the learner's previous attempt) are
 * taken only when the rest of the pool runs out. The draw goes round the sections in a seeded
 * order, one question from each in turn, so an attempt covers as many sections as it can; the
 * drawn questions are then put in a seeded order.
 */
export function drawQuestions({
  pool,
  count,
  seed,
  avoid = [],
}: {
  pool: readonly PoolQuestion[];
  count: number;
  seed: string;
  avoid?: Iterable<string>;
}): string[] {
  const random = seededRandom(`draw|${seed}`);
  const avoided = new Set(avoid);
  const seen = new Set<string>();
  const bySection = new Map<string, { fresh: string[]; stale: string[] }>();
  for (const q of shuffled(pool, random)) {
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    const key = String(q.section);
    const group = bySection.get(key) ?? { fresh: [], stale: [] };
    (avoided.has(q.id) ? group.stale : group.fresh).push(q.id);
    bySection.set(key, group);
  }
  const sections = shuffled([...bySection.keys()].sort(), random).map((k) => bySection.get(k));
  const picked: string[] = [];
  for (const tier of ["fresh", "stale"] as const) {
    let took = true;
    while (took && picked.length < count) {
      took = false;
      for (const group of sections) {
        if (picked.length >= count) break;
        const id = group?.[tier].shift();
        if (id === undefined) continue;
        picked.push(id);
        took = true;
      }
    }
  }
  return shuffled(picked, random);
}

/** One chapter's share of an exam: its pool, how many to draw, and what its previous exam asked. */
export type ExamPool = {
  slug: string;
  pool: readonly PoolQuestion[];
  count: number;
  avoid?: Iterable<string>;
};

/**
 * The exam's questions: from each chapter's pool its weighted count, drawn as `drawQuestions`
 * draws (each chapter with its own seed derived from the attempt's), in the order of `pools`.
 */
export function drawExam({
  pools,
  seed,
}: {
  pools: readonly ExamPool[];
  seed: string;
}): { slug: string; questionId: string }[] {
  return pools.flatMap(({ slug, pool, count, avoid }) =>
    drawQuestions({ pool, count, seed: `${seed}|${slug}`, avoid }).map((questionId) => ({
      slug,
      questionId,
    })),
  );
}
