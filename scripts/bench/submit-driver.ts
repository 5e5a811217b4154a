// The knowledge-check flow as the benchmarks drive it, the way the chapter page does: start an
// attempt (POST …/check: the server draws), then submit an answer for every drawn question (POST
// …/attempts). bench:submit times both; bench:reports uses it as its write load. When the flow
// changes, this file is the one to adapt.
import { fileCatalog } from "@/lib/content/catalog";
import type { Question } from "@/lib/content/types";
import { request, type Timing } from "./harness";

export const chapters = fileCatalog()
  .chapterSlugs()
  .map((slug) => {
    const entry = fileCatalog().findChapter(slug, "zh-CN");
    if (!entry?.result.ok) throw new Error(`${slug} does not compile`);
    return entry.result.chapter;
  });
const questionOf = new Map<string, Question>(
  chapters.flatMap((c) => c.questions.map((q) => [`${c.meta.slug}/${q.id}`, q] as const)),
);

type PublicItem = { key: string; options: { token: string; text: string }[] };

/**
 * One check taken as the browser takes it: POST …/check (draw or resume), then POST …/attempts
 * with an answer for every drawn question (the key by option text; one miss in some attempts,
 * still a pass, so the cooldown after a failure never blocks the next round).
 */
export async function takeCheck(
  cookie: string,
  slug: string,
  miss: boolean,
): Promise<{ start: Timing; submit: Timing | null }> {
  const start = await request(`/api/learn/${slug}/check`, { method: "POST", cookie, body: "{}" });
  if (start.status !== 200) return { start, submit: null };
  const items = (JSON.parse(start.text) as { open: { attemptId: string; items: PublicItem[] } }).open;
  const answers = Object.fromEntries(
    items.items.map((item, k) => {
      const right = new Set(
        questionOf
          .get(item.key)
          ?.options.filter((o) => o.correct)
          .map((o) => o.text),
      );
      const wrong = miss && k === 0;
      return [
        item.key,
        item.options
          .filter((o) => right.has(o.text) !== wrong)
          .map((o) => o.token)
          .slice(0, wrong ? 1 : undefined),
      ];
    }),
  );
  const submit = await request(`/api/learn/${slug}/attempts`, {
    method: "POST",
    cookie,
    body: JSON.stringify({ attemptId: items.attemptId, answers }),
  });
  return { start, submit };
}

/**
 * A writer's i-th check: the chapters in turn, every answer right, so a learner can take each
 * chapter `attemptsPerDay` times before the day's limit. The submit's timing (the start's, when
 * the server refused to start one).
 */
export function appSubmission(): (cookie: string, w: number, i: number) => Promise<Timing> {
  return async (cookie, _w, i) => {
    const slug = chapters[i % chapters.length]?.meta.slug as string;
    const { start, submit } = await takeCheck(cookie, slug, false);
    return submit ?? start;
  };
}
