// The knowledge-check flow as bench:submit drives it, once over HTTP (the app) and once as a
// direct call of the use case (the floor). When the flow changes (e.g. a server-held attempt that
// is started, then submitted), this file is the one to adapt; submit.ts only counts and times.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { fileCatalog } from "@/lib/content/catalog";
import type { Question } from "@/lib/content/types";
import { answersFrom } from "@/lib/training/score-check";
import type { Timing } from "./harness";
import { request } from "./harness";

export const SLUG = "basic-skills";

function questions(): Question[] {
  const entry = fileCatalog().findChapter(SLUG, "zh-CN");
  if (!entry?.result.ok) throw new Error(`${SLUG} does not compile`);
  return entry.result.chapter.questions;
}

/** Varied answers: each learner gets some questions right and some wrong. */
export function answersFor(w: number, i: number, qs: Question[] = questions()) {
  return Object.fromEntries(
    qs.map((q, k) => {
      const right = (w + i + k) % 3 !== 0;
      const picks = q.options.filter((o) => o.correct === right).map((o) => o.id);
      return [q.id, q.type === "multiple" ? picks.slice(0, Math.max(1, picks.length)) : picks.slice(0, 1)];
    }),
  );
}

/** One submission through the app, as the learner's browser sends it. */
export function appSubmission(): (cookie: string, w: number, i: number) => Promise<Timing> {
  const qs = questions();
  return (cookie, w, i) =>
    request(`/api/learn/${SLUG}/attempts`, {
      method: "POST",
      cookie,
      body: JSON.stringify({ attemptId: randomUUID(), answers: answersFor(w, i, qs) }),
    });
}

/** The request body the floor server takes: who, and what the browser would have sent. */
export function floorBody(userId: string, w: number, i: number, qs: Question[] = questions()) {
  return JSON.stringify({ userId, attemptId: randomUUID(), answers: answersFor(w, i, qs) });
}

let useCase: Promise<typeof import("@/db/use-cases/submit-knowledge-check")> | undefined;

/**
 * The use case the app's route calls, with the arguments the route would give it. Loaded on first
 * use: only the floor server (which runs with the react-server condition and its own database) calls it.
 */
export async function submitThroughUseCase(
  body: { userId: string; attemptId: string; answers: Record<string, string[]> },
  db: Db,
) {
  useCase ??= import("@/db/use-cases/submit-knowledge-check");
  const { submitKnowledgeCheck } = await useCase;
  return submitKnowledgeCheck({
    user: { id: body.userId },
    slug: SLUG,
    locale: "zh-CN",
    attemptId: body.attemptId,
    answers: answersFrom(body.answers),
    db,
  });
}
