"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/app/[locale]/(auth)/session";
import { createContentItem } from "@/db/queries/content-authoring";
import { can } from "@/lib/auth/roles";
import { CONTENT_KINDS, SLUG } from "@/lib/content/sources";
import { isAppError } from "@/lib/errors";

export type CreateState = { status: "idle" | "invalid" | "exists" | "forbidden" };

const schema = z.object({ kind: z.enum(CONTENT_KINDS), slug: z.string().trim().regex(SLUG).max(60) });

/** A trainer starts a new module or scenario; it opens in the editor as a draft from the template. */
export async function createContentAction(_prev: CreateState, formData: FormData): Promise<CreateState> {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "author")) return { status: "forbidden" };
  const parsed = schema.safeParse({ kind: formData.get("kind"), slug: formData.get("slug") });
  if (!parsed.success) return { status: "invalid" };
  try {
    await createContentItem({ ...parsed.data, actorId: user.id });
  } catch (e) {
    if (isAppError(e) && e.kind === "conflict") return { status: "exists" };
    throw e;
  }
  redirect(`/author/${parsed.data.kind}/${parsed.data.slug}`);
}
