"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { reviewFreeText } from "@/db/use-cases/review-free-text";

export type ReviewState = { status: "idle" | "saved" | "conflict" };

/** The form's `points.<competency>` fields, gathered into one record. */
const form = z.preprocess(
  (fields) => {
    const entries = Object.entries(fields as Record<string, unknown>);
    const points = entries.filter(([k]) => k.startsWith("points.")).map(([k, v]) => [k.slice(7), v]);
    return { ...Object.fromEntries(entries), points: Object.fromEntries(points) };
  },
  z.object({
    attemptId: z.uuid(),
    stepId: z.string().min(1).max(80),
    comment: z.string().trim().max(500).default(""),
    points: z.record(z.string().max(60), z.coerce.number().int().min(-10).max(10)),
  }),
);

/** A trainer confirms or adjusts the automatic marks of one free-text answer; audited, shown to the learner. */
export const reviewFreeTextAction = authorizedAction(
  "author",
  form,
  async (data, user): Promise<ReviewState> => {
    const status = await reviewFreeText({ reviewer: user, ...data });
    if (status === "saved") revalidatePath("/author/reviews");
    return { status };
  },
);
