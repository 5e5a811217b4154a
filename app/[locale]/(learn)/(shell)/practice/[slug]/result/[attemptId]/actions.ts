"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { contestGrade } from "@/db/use-cases/contest-grade";
import { SLUG } from "@/lib/content/sources";

export type ContestState = { status: "idle" } | { status: "contested"; passPending: boolean };

// The comment's length is the use case's rule (its message says how long it may be).
const form = z.object({
  slug: z.string().regex(SLUG).max(60),
  attemptId: z.uuid(),
  stepId: z.string().min(1).max(80),
  comment: z.string().max(2000),
});

/** A learner contests the grade of one of their free-text answers: human review on appeal. */
export const contestGradeAction = authorizedAction(
  "learn",
  form,
  async ({ slug, ...data }, user): Promise<ContestState> => {
    const { passPending } = await contestGrade({ user, ...data });
    revalidatePath(`/practice/${slug}/result/${data.attemptId}`);
    return { status: "contested", passPending };
  },
);
