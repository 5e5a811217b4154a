"use server";

import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { toViewer } from "@/app/[locale]/(auth)/session";
import { assignTraining } from "@/db/queries/assignments";
import { AppError } from "@/lib/errors";

export type AssignSelectionState = { status: "idle" } | { status: "assigned"; count: number };

const form = z.object({
  branchId: z.string().min(1).max(64),
  itemType: z.enum(["chapter", "scenario"]),
  itemSlug: z.string().min(1).max(80),
  dueDate: z.iso.date(),
});
const selection = z.array(z.string().min(1).max(64)).min(1).max(1000);

/**
 * A manager assigns the training behind a report cell to the people ticked (those below the
 * threshold, unless changed) in one batch. `assignTraining` checks in its SQL that every one of
 * them is an active learner inside the branch and the manager's scope, or writes nothing.
 */
export const assignSelectionAction = authorizedAction(
  "reports",
  form,
  async (data, user, formData): Promise<AssignSelectionState> => {
    const userIds = selection.safeParse(formData.getAll("userId"));
    if (!userIds.success) throw new AppError("bad_request:form", "userId: select at least one person");
    const count = await assignTraining({
      actor: toViewer(user),
      itemType: data.itemType,
      itemSlug: data.itemSlug,
      dueDate: data.dueDate,
      target: { branchId: data.branchId, userIds: userIds.data },
    });
    return { status: "assigned", count };
  },
);
