"use server";

import { z } from "zod";
import { getCurrentUser, toViewer } from "@/app/[locale]/(auth)/session";
import { assignTraining } from "@/db/queries/assignments";
import { findUserByEmployeeNo } from "@/db/queries/users";
import { ASSIGNMENT_ITEMS } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";

export type AssignState =
  | { status: "idle" | "invalid" | "forbidden" | "unknownPerson" | "notLearner" | "badDate" | "refused" }
  | { status: "assigned"; count: number };

const schema = z.discriminatedUnion("targetType", [
  z.object({ targetType: z.literal("branch"), branchId: z.string().min(1).max(64) }),
  z.object({ targetType: z.literal("person"), employeeNo: z.string().trim().toUpperCase().min(1).max(32) }),
]);
const itemSchema = z.object({
  itemType: z.enum(ASSIGNMENT_ITEMS),
  itemSlug: z.string().min(1).max(80),
  dueDate: z.iso.date(),
});

/** A manager assigns training with a due date to a branch subtree or one person, inside their own scope only. */
export async function assignAction(_prev: AssignState, formData: FormData): Promise<AssignState> {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "reports")) return { status: "forbidden" };
  const form = Object.fromEntries(formData);
  const target = schema.safeParse(form);
  const [itemType, itemSlug] = String(form.item ?? "").split(":");
  const item = itemSchema.safeParse({ itemType, itemSlug, dueDate: form.dueDate });
  if (!target.success || !item.success) return { status: "invalid" };

  let userId: string | undefined;
  if (target.data.targetType === "person") {
    userId = (await findUserByEmployeeNo({ employeeNo: target.data.employeeNo }))?.id;
    if (!userId) return { status: "unknownPerson" };
  }
  try {
    const count = await assignTraining({
      actor: toViewer(user),
      ...item.data,
      target: userId ? { userId } : { branchId: (target.data as { branchId: string }).branchId },
    });
    return { status: "assigned", count };
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === "bad_request:due-date") return { status: "badDate" };
    if (e.code === "bad_request:assignee") return { status: "notLearner" };
    return { status: e.kind === "forbidden" || e.kind === "not_found" ? "refused" : "invalid" };
  }
}
