import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from "@/lib/auth/recovery-codes";
import { needsSecondFactor } from "@/lib/auth/second-factor-policy";
import { deriveKey, open, seal } from "@/lib/auth/secret-box";
import { groupedSecret, matchTotp, newTotpSecret, totpCodeAtStep, totpStep, totpUri } from "@/lib/auth/totp";

// RFC 6238 appendix B: the ASCII secret "12345678901234567890"; at T = 59 s the SHA-1 code is 94287082.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes the RFC 6238 test vector and names its time step", () => {
    expect(totpCodeAtStep(RFC_SECRET, 1)).toBe("287082");
    expect(matchTotp(RFC_SECRET, "287082", 59_000)).toBe(1);
    expect(matchTotp(RFC_SECRET, "287 082", 59_000)).toBe(1);
  });
  it("accepts the step before and after, and nothing further", () => {
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(matchTotp(RFC_SECRET, totpCodeAtStep(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCodeAtStep(RFC_SECRET, step + 1), now)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCodeAtStep(RFC_SECRET, step - 2), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCodeAtStep(RFC_SECRET, step + 2), now)).toBeNull();
  });
  it("refuses what is not six digits", () => {
    expect(matchTotp(RFC_SECRET, "28708", 59_000)).toBeNull();
    expect(matchTotp(RFC_SECRET, "2870821", 59_000)).toBeNull();
    expect(matchTotp(RFC_SECRET, "abcdef", 59_000)).toBeNull();
  });
  it("makes 160-bit secrets and an otpauth URI an authenticator app reads", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "E2001"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(decodeURIComponent(uri.pathname)).toContain("E2001");
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("sealed secrets", () => {
  const key = deriveKey("a configured secret of at least 32 characters", "totp-secrets/v1");
  it("open what was sealed with the same key, with a fresh IV each time", () => {
    const a = seal("JBSWY3DPEHPK3PXP", key);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(seal("JBSWY3DPEHPK3PXP", key)).not.toBe(a);
    expect(open(a, key)).toBe("JBSWY3DPEHPK3PXP");
  });
  it("do not open with another key, another purpose's key, or after tampering", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", key);
    expect(
      open(sealed, deriveKey("another configured secret of 32 characters", "totp-secrets/v1")),
    ).toBeNull();
    expect(
      open(sealed, deriveKey("a configured secret of at least 32 characters", "recovery-codes/v1")),
    ).toBeNull();
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
    expect(open(`v1.${raw.toString("base64url")}`, key)).toBeNull();
    expect(open("v2.abc", key)).toBeNull();
    expect(open("garbage", key)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten different codes of ten unambiguous characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
  });
  it("are read back however they are typed, and nothing else is", () => {
    expect(normalizeRecoveryCode("ABCDE-FGHJK")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode(" abcde fghjk ")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode("abcde-fghj")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fghj1")).toBeNull(); // 1 is not in the alphabet
    expect(normalizeRecoveryCode("123456")).toBeNull();
  });
  it("are stored as a keyed hash: the same code under another key hashes differently", () => {
    const a = hashRecoveryCode("abcdefghjk", deriveKey("key one, long enough to be a real key", "r"));
    const b = hashRecoveryCode("abcdefghjk", deriveKey("key two, long enough to be a real key", "r"));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("abcdefghjk");
  });
});

describe("who needs a second factor", () => {
  it("is admins and trainers always, managers when required, learners never", () => {
    const off = { managersRequired: false };
    const on = { managersRequired: true };
    expect(needsSecondFactor("admin", off)).toBe(true);
    expect(needsSecondFactor("trainer", off)).toBe(true);
    expect(needsSecondFactor("manager", off)).toBe(false);
    expect(needsSecondFactor("manager", on)).toBe(true);
    expect(needsSecondFactor("learner", on)).toBe(false);
  });
});
