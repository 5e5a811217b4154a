import { createHash, randomBytes } from "node:crypto";

/** Why a set-password link was made: a new account, or an administrator's reset. */
export const TOKEN_PURPOSES = ["invite", "reset"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** How long a set-password link works. */
export const PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;

/** Only this hash is stored, so a copy of the database does not hold working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh unguessable token (256 bits, URL-safe) and the hash to store. */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Tokens are 43 URL-safe characters; anything else is not worth a database lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function setPasswordPath(token: string): string {
  return `/set-password/${token}`;
}
