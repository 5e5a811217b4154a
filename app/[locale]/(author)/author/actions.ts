"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { createContentItem } from "@/db/queries/content-authoring";
import { CONTENT_KINDS, SLUG } from "@/lib/content/sources";

export type CreateState = { status: "idle" };

/** A trainer starts a new module or scenario; it opens in the editor as a draft from the template. */
export const createContentAction = authorizedAction(
  "author",
  z.object({ kind: z.enum(CONTENT_KINDS), slug: z.string().trim().regex(SLUG).max(60) }),
  async (data, user): Promise<CreateState> => {
    await createContentItem({ ...data, actorId: user.id });
    redirect(`/author/${data.kind}/${data.slug}`);
  },
);
