"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/app/[locale]/(auth)/session";
import { scenarioAtVersion } from "@/db/queries/content-catalog";
import { toCompletion } from "@/db/queries/practice";
import { getAttemptForReview, saveReview } from "@/db/queries/reviews";
import { can } from "@/lib/auth/roles";
import { result } from "@/lib/scenario/engine";

export type ReviewState = { status: "idle" | "saved" | "invalid" | "conflict" | "forbidden" | "notFound" };

const schema = z.object({
  attemptId: z.uuid(),
  stepId: z.string().min(1).max(80),
  comment: z.string().trim().max(500),
  points: z.record(z.string().max(60), z.coerce.number().int().min(-10).max(10)),
});

/** A trainer confirms or adjusts the automatic marks of one free-text answer; audited, shown to the learner. */
export async function reviewFreeText(_prev: ReviewState, formData: FormData): Promise<ReviewState> {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "author")) return { status: "forbidden" };
  const points = Object.fromEntries(
    [...formData.entries()].filter(([k]) => k.startsWith("points.")).map(([k, v]) => [k.slice(7), v]),
  );
  const parsed = schema.safeParse({
    attemptId: formData.get("attemptId"),
    stepId: formData.get("stepId"),
    comment: formData.get("comment") ?? "",
    points,
  });
  if (!parsed.success) return { status: "invalid" };
  const { attemptId, stepId, comment } = parsed.data;

  const attempt = await getAttemptForReview({ id: attemptId });
  if (attempt?.status !== "completed") return { status: "notFound" };
  const found = await scenarioAtVersion({
    slug: attempt.scenarioSlug,
    locale: attempt.locale,
    version: attempt.contentVersion,
  });
  const step = found?.scenario.steps[stepId];
  const turn = attempt.state.turns.find((t) => t.stepId === stepId);
  if (!found || step?.kind !== "text" || !turn) return { status: "notFound" };
  const allowed = new Set([...step.rubric.required, ...step.rubric.forbidden].map((r) => r.competency));
  if (Object.keys(parsed.data.points).some((c) => !allowed.has(c))) return { status: "invalid" };

  const review = {
    points: parsed.data.points,
    comment,
    reviewerName: user.name,
    at: new Date().toISOString(),
  };
  const state = {
    ...attempt.state,
    turns: attempt.state.turns.map((t) => (t.stepId === stepId ? { ...t, review } : t)),
  };
  const r = result(found.scenario, state);
  const saved = await saveReview({
    attempt,
    state,
    reviewerId: user.id,
    stepId,
    before: { points: turn.review?.points ?? turn.points, percent: attempt.percent },
    after: { points: review.points, percent: r.percent, comment },
    completion: toCompletion(r),
  });
  if (!saved) return { status: "conflict" };
  revalidatePath("/author/reviews");
  return { status: "saved" };
}
