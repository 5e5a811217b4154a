"use server";

import { revalidatePath } from "next/cache";
import { createTransport } from "nodemailer";
import { z } from "zod";
import {
  forceSignOut,
  getUserForAdmin,
  setUserActive,
  updateUserRoleAndBranch,
} from "@/db/queries/admin-users";
import { issuePasswordReset } from "@/db/queries/password-tokens";
import { setPasswordEmail } from "@/lib/admin-import/invite-email";
import { setPasswordPath } from "@/lib/auth/one-time-token";
import { ROLES } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { publicUrl } from "@/lib/http/public-url";
import { currentAdmin } from "../admin-user";

export type UserActionState = {
  status:
    | "idle"
    | "forbidden"
    | "invalid"
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

export async function updateUserAction(_prev: UserActionState, formData: FormData): Promise<UserActionState> {
  const admin = await currentAdmin();
  if (!admin) return { status: "forbidden" };
  const parsed = z
    .object({ userId, role: z.enum(ROLES), branchId: z.string().min(1).max(64) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" };
  const status = await updateUserRoleAndBranch({ actorId: admin.id, ...parsed.data });
  revalidatePath("/", "layout");
  return { status };
}

export async function setActiveAction(_prev: UserActionState, formData: FormData): Promise<UserActionState> {
  const admin = await currentAdmin();
  if (!admin) return { status: "forbidden" };
  const parsed = z
    .object({ userId, active: z.enum(["true", "false"]) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" };
  const status = await setUserActive({
    actorId: admin.id,
    userId: parsed.data.userId,
    active: parsed.data.active === "true",
  });
  revalidatePath("/", "layout");
  return { status };
}

export async function signOutUserAction(
  _prev: UserActionState,
  formData: FormData,
): Promise<UserActionState> {
  const admin = await currentAdmin();
  if (!admin) return { status: "forbidden" };
  const parsed = z.object({ userId }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" };
  return {
    status: (await forceSignOut({ actorId: admin.id, userId: parsed.data.userId }))
      ? "signed_out"
      : "not_found",
  };
}

/** Resets a password: the old one stops working, sessions end, and a one-time link is shown (and e-mailed). */
export async function resetPasswordAction(
  _prev: UserActionState,
  formData: FormData,
): Promise<UserActionState> {
  const admin = await currentAdmin();
  if (!admin) return { status: "forbidden" };
  const parsed = z.object({ userId }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" };
  const reset = await issuePasswordReset({ userId: parsed.data.userId, actorId: admin.id });
  if (!reset) return { status: "not_found" };
  const user = await getUserForAdmin({ id: parsed.data.userId });
  let emailed = false;
  if (env.SMTP_URL && user?.email) {
    const transport = createTransport(env.SMTP_URL);
    try {
      const link = publicUrl(setPasswordPath(reset.token));
      await transport.sendMail({
        from: env.MAIL_FROM,
        to: { name: user.name, address: user.email },
        ...setPasswordEmail({ name: user.name, employeeNo: user.employeeNo, link, purpose: "reset" }),
      });
      emailed = true;
    } catch (e) {
      console.warn(`reset: mail to ${user.email} failed: ${e instanceof Error ? e.message : e}`);
    } finally {
      transport.close();
    }
  }
  return { status: "reset", link: publicUrl(setPasswordPath(reset.token)), emailed };
}
