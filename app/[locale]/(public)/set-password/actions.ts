"use server";

import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { consumePasswordToken } from "@/db/queries/password-tokens";
import { looksLikeToken } from "@/lib/auth/one-time-token";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "@/lib/auth/password";

export type SetPasswordState = { status: "idle" | "done" | "mismatch" | "invalid_link" | PasswordProblem };

const form = z.object({
  token: z.string().default(""),
  password: z.string().max(1024).default(""),
  confirm: z.string().max(1024).default(""),
});

/** Sets a password with a one-time link (public: the link is the credential). */
export const setPasswordAction = authorizedAction(
  "public",
  form,
  async ({ token, password, confirm }): Promise<SetPasswordState> => {
    if (!looksLikeToken(token)) return { status: "invalid_link" };
    const problem = checkPasswordPolicy(password);
    if (problem) return { status: problem };
    if (password !== confirm) return { status: "mismatch" };
    const ok = await consumePasswordToken({ token, passwordHash: await hashPassword(password) });
    return { status: ok ? "done" : "invalid_link" };
  },
);
