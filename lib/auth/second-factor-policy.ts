import type { Role } from "./roles";

/** The setting (app_settings) by which an admin extends the second factor to managers. */
export const MANAGERS_NEED_SECOND_FACTOR = "security.managersNeedSecondFactor";

/** Admins and trainers always sign in with a second factor; managers when an admin requires it. */
export function needsSecondFactor(role: Role, { managersRequired }: { managersRequired: boolean }): boolean {
  return role === "admin" || role === "trainer" || (role === "manager" && managersRequired);
}

/** How long the code step waits after the password (enrolment included), and how many codes it takes. */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
export const CHALLENGE_MAX_ATTEMPTS = 5;

/** How a second sign-in step was passed, as the audit log records it. */
export type SecondFactorMethod = "totp" | "recovery_code" | "enrolment";
