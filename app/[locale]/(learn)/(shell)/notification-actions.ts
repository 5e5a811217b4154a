"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/app/[locale]/(auth)/session";
import { markAllRead } from "@/db/queries/notifications";

/** Marks the signed-in person's own notifications read; nobody else's can be touched. */
export async function markNotificationsRead(): Promise<void> {
  const user = await getCurrentUser();
  if (!user) return;
  await markAllRead({ userId: user.id });
  revalidatePath("/");
}
