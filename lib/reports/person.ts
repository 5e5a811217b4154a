type Play = { id: string; slug: string; status: string; percent: number | null; completedAt: Date | null };
type Score = { attemptId: string; competency: string; score: number; maxScore: number };

/**
 * Per scenario, the competencies of the person's best completed attempt (highest percentage, the
 * earliest on a tie) as percentages with one decimal — the same attempt the reports average.
 */
export function bestCompetencies(plays: readonly Play[], scores: readonly Score[]) {
  const best = new Map<string, Play>();
  for (const p of plays) {
    if (p.status !== "completed" || p.percent === null) continue;
    const known = best.get(p.slug);
    const earlier = (a: Play, b: Play) =>
      (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1);
    if (
      !known ||
      p.percent > (known.percent ?? 0) ||
      (p.percent === known.percent && earlier(p, known) < 0)
    ) {
      best.set(p.slug, p);
    }
  }
  return new Map(
    [...best].map(([slug, play]) => [
      slug,
      {
        percent: play.percent as number,
        competencies: Object.fromEntries(
          scores
            .filter((s) => s.attemptId === play.id && s.maxScore > 0)
            .map((s) => [
              s.competency,
              Math.round((Math.max(0, Math.min(s.score, s.maxScore)) / s.maxScore) * 1000) / 10,
            ]),
        ),
      },
    ]),
  );
}
