import { createHmac, randomInt } from "node:crypto";

/** Lower case without the look-alikes 0 o 1 l i: read off paper and typed back without doubt. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const RECOVERY_CODE_COUNT = 10;
const LENGTH = 10;

/** Ten one-time codes, each about 50 bits, shown as "xxxxx-xxxxx". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** As typed ("ABCDE FGHIJ", "abcde-fghij") → "abcdefghij", or null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/**
 * Only this keyed hash is stored (HMAC-SHA256 with a key the database does not hold), so a copy of
 * the database cannot be searched for the codes.
 */
export function hashRecoveryCode(normalized: string, key: Buffer): string {
  return createHmac("sha256", key).update(normalized).digest("hex");
}
