"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { consumePasswordToken, findPasswordToken } from "@/db/queries/password-tokens";
import { looksLikeToken } from "@/lib/auth/one-time-token";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkPasswordPolicy, type PasswordProblem } from "@/lib/auth/password-policy";

export type SetPasswordState = {
  status: "idle" | "mismatch" | "invalid_link" | "same_as_current" | PasswordProblem;
};

const form = z.object({
  token: z.string().default(""),
  password: z.string().max(1024).default(""),
  confirm: z.string().max(1024).default(""),
});

/**
 * Sets a password with a one-time link (public: the link is the credential), then opens the
 * sign-in page saying so. A redirect, not a "done" state: without JavaScript the form's answer is
 * this page rendered again, and its link has just been used.
 */
export const setPasswordAction = authorizedAction(
  "public",
  form,
  async ({ token, password, confirm }): Promise<SetPasswordState> => {
    if (!looksLikeToken(token)) return { status: "invalid_link" };
    const problem = checkPasswordPolicy(password);
    if (problem) return { status: problem };
    if (password !== confirm) return { status: "mismatch" };
    const link = await findPasswordToken({ token });
    if (!link) return { status: "invalid_link" };
    // An expired password is replaced, not set again.
    if (link.currentHash && (await verifyPassword(link.currentHash, password)))
      return { status: "same_as_current" };
    const ok = await consumePasswordToken({ token, passwordHash: await hashPassword(password) });
    if (!ok) return { status: "invalid_link" };
    redirect("/login?password=set");
  },
);
