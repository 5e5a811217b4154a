import { twoFactorKeyMaterial } from "../env";
import { deriveKey } from "./secret-box";

let keys: { secrets: Buffer; recoveryCodes: Buffer } | undefined;

/** The key that seals TOTP secrets at rest and the one that hashes recovery codes, derived once. */
export function twoFactorKeys() {
  if (!keys) {
    const material = twoFactorKeyMaterial();
    keys = {
      secrets: deriveKey(material, "totp-secrets/v1"),
      recoveryCodes: deriveKey(material, "recovery-codes/v1"),
    };
  }
  return keys;
}
