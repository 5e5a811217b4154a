"use server";

import { z } from "zod";
import { consumePasswordToken } from "@/db/queries/password-tokens";
import { looksLikeToken } from "@/lib/auth/one-time-token";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "@/lib/auth/password";

export type SetPasswordState = { status: "idle" | "done" | "mismatch" | "invalid_link" | PasswordProblem };

const schema = z.object({
  token: z.string().refine(looksLikeToken),
  password: z.string().max(1024),
  confirm: z.string().max(1024),
});

/** Sets a password with a one-time link (public: the link is the credential). */
export async function setPasswordAction(
  _prev: SetPasswordState,
  formData: FormData,
): Promise<SetPasswordState> {
  const parsed = schema.safeParse({
    token: formData.get("token"),
    password: formData.get("password"),
    confirm: formData.get("confirm"),
  });
  if (!parsed.success) return { status: "invalid_link" };
  const { token, password, confirm } = parsed.data;
  const problem = checkPasswordPolicy(password);
  if (problem) return { status: problem };
  if (password !== confirm) return { status: "mismatch" };
  const ok = await consumePasswordToken({ token, passwordHash: await hashPassword(password) });
  return { status: ok ? "done" : "invalid_link" };
}
