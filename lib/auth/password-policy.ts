import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
/** From this length a passphrase needs no mix of character classes: its length is its strength. */
export const PASSPHRASE_LENGTH = 16;
export const REQUIRED_CLASSES = 3;

export const CHARACTER_CLASSES = ["lower", "upper", "digit", "other"] as const;
export type CharacterClass = (typeof CHARACTER_CLASSES)[number];

export type PasswordProblem = "too_short" | "too_long" | "too_simple" | "too_common";

/** Lowercase and uppercase letters (any script that has case), digits, and everything else (symbols, spaces, 汉字). */
export function characterClasses(password: string): Set<CharacterClass> {
  const found = new Set<CharacterClass>();
  for (const c of password) {
    if (/\p{Ll}/u.test(c)) found.add("lower");
    else if (/\p{Lu}/u.test(c)) found.add("upper");
    else if (/\p{Nd}/u.test(c)) found.add("digit");
    else found.add("other");
  }
  return found;
}

/**
 * Each rule the set-password page lists, and whether `password` meets it: 8–128 characters
 * (a Chinese character counts as one), three of the four classes unless it is a passphrase of 16
 * or more, and not one of the common passwords (compared case-insensitively).
 */
export function passwordChecks(password: string) {
  const length = [...password].length;
  return {
    length: length >= MIN_PASSWORD_LENGTH && length <= MAX_PASSWORD_LENGTH,
    classes: length >= PASSPHRASE_LENGTH || characterClasses(password).size >= REQUIRED_CLASSES,
    common: !COMMON_PASSWORDS.has(password.toLowerCase()),
  };
}

/** The first rule the password breaks, or null (GB/T 22239 8.1.4.1 a: 口令复杂度). */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "too_short";
  if (length > MAX_PASSWORD_LENGTH) return "too_long";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "too_common";
  if (!passwordChecks(password).classes) return "too_simple";
  return null;
}

const DAY_MS = 86_400_000;

/** When a password set at `changedAt` must be replaced, or null when passwords do not expire. */
export function passwordExpiresAt(changedAt: Date, maxAgeDays: number | undefined): Date | null {
  return maxAgeDays ? new Date(changedAt.getTime() + maxAgeDays * DAY_MS) : null;
}

export function passwordExpired(changedAt: Date, maxAgeDays: number | undefined, now: Date): boolean {
  const expiresAt = passwordExpiresAt(changedAt, maxAgeDays);
  return expiresAt !== null && now >= expiresAt;
}
