"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { markAllRead, markOneRead } from "@/db/queries/notifications";
import { AppError } from "@/lib/errors";

/** The home page, the centre and the header's bell all show the count: refresh every page's layout. */
const refresh = () => revalidatePath("/", "layout");

/** Marks the signed-in person's own notifications read; nobody else's can be touched. */
export const markNotificationsRead = authorizedAction("signed-in", z.object({}), async (_data, user) => {
  await markAllRead({ userId: user.id });
  refresh();
  return { status: "done" as const };
});

/** Marks one of the signed-in person's own notifications read; another person's id is not found. */
export const markNotificationRead = authorizedAction(
  "signed-in",
  z.object({ id: z.string().min(1).max(64) }),
  async ({ id }, user) => {
    if (!(await markOneRead({ userId: user.id, id }))) throw new AppError("not_found:notification");
    refresh();
    return { status: "done" as const };
  },
);
