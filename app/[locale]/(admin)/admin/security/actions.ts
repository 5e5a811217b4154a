"use server";

import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { setManagersNeedSecondFactor } from "@/db/queries/app-settings";

export type SecurityState = { status: "idle" | "updated" | "unchanged" };

/** Whether managers must use a second factor (from their next sign-in); stored and audited. */
export const setManagersSecondFactorAction = authorizedAction(
  "admin",
  z.object({ managersRequired: z.literal("on").optional() }),
  async (data, admin): Promise<SecurityState> => ({
    status: await setManagersNeedSecondFactor({
      required: data.managersRequired === "on",
      actorId: admin.id,
    }),
  }),
);
