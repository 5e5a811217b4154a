import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password policy", () => {
  it("refuses passwords shorter than 8 characters, counting Chinese characters as one each", () => {
    expect(checkPasswordPolicy("Ab1!xyz")).toBe("too_short");
    expect(checkPasswordPolicy("柜面服务技能训练")).toBeNull();
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
  it("has no composition rules", () => {
    expect(checkPasswordPolicy("alllowercaseletters")).toBeNull();
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
