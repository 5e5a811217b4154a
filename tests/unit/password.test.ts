import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  characterClasses,
  checkPasswordPolicy,
  passwordChecks,
  passwordExpired,
  passwordExpiresAt,
} from "@/lib/auth/password-policy";

describe("password policy", () => {
  it("refuses passwords shorter than 8 characters, counting Chinese characters as one each", () => {
    expect(checkPasswordPolicy("Ab1!xyz")).toBe("too_short");
    expect(checkPasswordPolicy("柜面服务技能Ab")).toBeNull();
  });
  it("allows long passphrases of 64 characters and more, up to 128", () => {
    expect(checkPasswordPolicy("correct horse battery staple ".repeat(3))).toBeNull();
    expect(checkPasswordPolicy("x".repeat(128))).toBeNull();
    expect(checkPasswordPolicy("x".repeat(129))).toBe("too_long");
  });
  it("refuses the most common passwords regardless of case", () => {
    expect(checkPasswordPolicy("password")).toBe("too_common");
    expect(checkPasswordPolicy("PassWord123")).toBe("too_common");
    expect(checkPasswordPolicy("woaini1314")).toBe("too_common");
  });
  it("asks for three of lowercase, uppercase, digits and other characters below 16 characters", () => {
    expect(checkPasswordPolicy("abcdefgh7")).toBe("too_simple");
    expect(checkPasswordPolicy("abcdefgH7")).toBeNull();
    expect(checkPasswordPolicy("abcdefg#7")).toBeNull();
    expect(checkPasswordPolicy("柜面服务技能训练")).toBe("too_simple");
    expect(checkPasswordPolicy("柜面服务技能训练a1")).toBeNull();
    expect([...characterClasses("aZ9 汉")].sort()).toEqual(["digit", "lower", "other", "upper"]);
  });
  it("lets a passphrase of 16 characters or more be of one class", () => {
    expect(checkPasswordPolicy("alllowercaseletter")).toBeNull();
    expect(checkPasswordPolicy("alllowercaselett")).toBeNull();
    expect(checkPasswordPolicy("alllowercaselet")).toBe("too_simple");
  });
  it("reports each rule separately for the set-password page", () => {
    expect(passwordChecks("")).toEqual({ length: false, classes: false, common: true });
    expect(passwordChecks("Counter#2026")).toEqual({ length: true, classes: true, common: true });
    expect(passwordChecks("password123")).toEqual({ length: true, classes: false, common: false });
  });
});

describe("password expiry", () => {
  const changed = new Date("2026-01-01T00:00:00Z");
  it("never expires when PASSWORD_MAX_AGE_DAYS is not set", () => {
    expect(passwordExpiresAt(changed, undefined)).toBeNull();
    expect(passwordExpired(changed, undefined, new Date("2036-01-01T00:00:00Z"))).toBe(false);
  });
  it("expires the given number of days after it was set", () => {
    expect(passwordExpiresAt(changed, 90)?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(passwordExpired(changed, 90, new Date("2026-03-31T23:59:59Z"))).toBe(false);
    expect(passwordExpired(changed, 90, new Date("2026-04-01T00:00:00Z"))).toBe(true);
  });
});

describe("password hashing", () => {
  it("produces an argon2id hash that verifies only the right password", async () => {
    const hash = await hashPassword("Demo@2026");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "Demo@2026")).toBe(true);
    expect(await verifyPassword(hash, "demo@2026")).toBe(false);
  });
  it("salts every hash", async () => {
    expect(await hashPassword("same-password")).not.toBe(await hashPassword("same-password"));
  });
  it("treats a malformed stored hash as a failed verification, not an error", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});
