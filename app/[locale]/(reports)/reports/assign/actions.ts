"use server";

import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { toViewer } from "@/app/[locale]/(auth)/session";
import { assignTraining } from "@/db/queries/assignments";
import { findUserByEmployeeNo } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { ASSIGNMENT_ITEMS } from "@/lib/training/assignment-status";

export type AssignState = { status: "idle" } | { status: "assigned"; count: number };

const form = z.intersection(
  z.discriminatedUnion("targetType", [
    z.object({ targetType: z.literal("branch"), branchId: z.string().min(1).max(64) }),
    z.object({ targetType: z.literal("person"), employeeNo: z.string().trim().toUpperCase().min(1).max(32) }),
  ]),
  z.object({
    /** "<itemType>:<slug>", as the item picker's option values are. */
    item: z.string().transform((v, ctx) => {
      const [itemType, itemSlug] = v.split(":");
      const parsed = z
        .object({ itemType: z.enum(ASSIGNMENT_ITEMS), itemSlug: z.string().min(1).max(80) })
        .safeParse({ itemType, itemSlug });
      if (!parsed.success) ctx.addIssue({ code: "custom", message: "item" });
      return parsed.data ?? { itemType: "chapter" as const, itemSlug: "" };
    }),
    dueDate: z.iso.date(),
  }),
);

/** A manager assigns training with a due date to a branch subtree or one person, inside their own scope only. */
export const assignAction = authorizedAction("reports", form, async (data, user): Promise<AssignState> => {
  const target =
    data.targetType === "branch"
      ? { branchId: data.branchId }
      : { userId: (await findUserByEmployeeNo({ employeeNo: data.employeeNo }))?.id };
  if ("userId" in target && !target.userId) throw new AppError("not_found:employee");
  const count = await assignTraining({
    actor: toViewer(user),
    ...data.item,
    dueDate: data.dueDate,
    target: target as { branchId: string } | { userId: string },
  });
  return { status: "assigned", count };
});
