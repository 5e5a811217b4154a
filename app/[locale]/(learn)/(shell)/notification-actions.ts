"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { markAllRead } from "@/db/queries/notifications";

/** Marks the signed-in person's own notifications read; nobody else's can be touched. */
export const markNotificationsRead = authorizedAction("signed-in", z.object({}), async (_data, user) => {
  await markAllRead({ userId: user.id });
  revalidatePath("/");
  return { status: "done" as const };
});
