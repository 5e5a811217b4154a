import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * A 256-bit key for one purpose, derived from a longer secret with HKDF-SHA256, so one configured
 * secret can serve several purposes without one key ever doing two jobs.
 */
export function deriveKey(material: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "counter-service-training", purpose, 32));
}

const VERSION = "v1";

/** AES-256-GCM: "v1.<base64url of iv | tag | ciphertext>". A fresh 96-bit IV every time. */
export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plaintext, or null when the box was sealed with another key or has been changed. */
export function open(sealed: string, key: Buffer): string | null {
  const [version, data] = sealed.split(".");
  if (version !== VERSION || !data) return null;
  const raw = Buffer.from(data, "base64url");
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
