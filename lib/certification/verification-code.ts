import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a code read aloud or typed from paper is not mistaken. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 12;

/** An unguessable certificate code: 12 characters from 31, about 59 bits from the system CSPRNG. */
export function generateVerificationCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code from an address segment, percent-decoded (a space typed as %20); null when not a code. */
export function codeFromPath(segment: string): string | null {
  try {
    return normaliseCode(decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** A typed or scanned code in canonical form ("7kq2-m9xh 4prt" → "7KQ2M9XH4PRT"), or null if it cannot be one. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
