"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import {
  forceSignOut,
  getUserForAdmin,
  setUserActive,
  updateUserRoleAndBranch,
} from "@/db/queries/admin-users";
import { issuePasswordReset } from "@/db/queries/password-tokens";
import { ROLES } from "@/lib/auth/roles";
import { linksForAdmin, mailSetPasswordLinks } from "../set-password-links";

export type UserActionState = {
  status:
    | "idle"
    | "updated"
    | "unchanged"
    | "last_admin"
    | "not_found"
    | "bad_branch"
    | "signed_out"
    | "reset";
  link?: string;
  emailed?: boolean;
};

const userId = z.uuid().or(z.string().regex(/^[\w-]{1,64}$/));

export const updateUserAction = authorizedAction(
  "admin",
  z.object({ userId, role: z.enum(ROLES), branchId: z.string().min(1).max(64) }),
  async (data, admin): Promise<UserActionState> => {
    const status = await updateUserRoleAndBranch({ actorId: admin.id, ...data });
    revalidatePath("/", "layout");
    return { status };
  },
);

export const setActiveAction = authorizedAction(
  "admin",
  z.object({ userId, active: z.enum(["true", "false"]) }),
  async (data, admin): Promise<UserActionState> => {
    const active = data.active === "true";
    const status = await setUserActive({ actorId: admin.id, userId: data.userId, active });
    revalidatePath("/", "layout");
    return { status };
  },
);

export const signOutUserAction = authorizedAction(
  "admin",
  z.object({ userId }),
  async (data, admin): Promise<UserActionState> => ({
    status: (await forceSignOut({ actorId: admin.id, userId: data.userId })) ? "signed_out" : "not_found",
  }),
);

/** Resets a password: the old one stops working, sessions end, and a one-time link is shown (and e-mailed). */
export const resetPasswordAction = authorizedAction(
  "admin",
  z.object({ userId }),
  async (data, admin): Promise<UserActionState> => {
    const reset = await issuePasswordReset({ userId: data.userId, actorId: admin.id });
    if (!reset) return { status: "not_found" };
    const user = await getUserForAdmin({ id: data.userId });
    const mail = user ? await mailSetPasswordLinks([{ ...user, token: reset.token }], "reset") : null;
    const [link] = await linksForAdmin([reset.token]);
    return { status: "reset", link, emailed: (mail?.emailed ?? 0) > 0 };
  },
);
