import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordSignIn, resolveSsoSignIn } from "@/db/queries/sign-in";
import { auditLog, branches, users } from "@/db/schema";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" });
  await db.insert(users).values([
    {
      id: "u1",
      employeeNo: "E1001",
      name: "王晓明",
      branchId: "hq",
      hireDate: "2025-01-01",
      email: "wang@bank.cn",
      locale: "en",
    },
    { id: "u2", employeeNo: "E1002", name: "离职", branchId: "hq", hireDate: "2025-01-01", active: false },
  ]);
});

const audit = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));

describe("single sign-on against the database", () => {
  it("finds the person by employee number with what the session needs", async () => {
    const result = await resolveSsoSignIn({
      identity: { provider: "wecom", subject: "E1001", employeeNo: "E1001" },
      db,
    });
    expect(result).toEqual({
      status: "matched",
      user: { id: "u1", name: "王晓明", role: "learner", branchId: "hq", sessionVersion: 1, locale: "en" },
    });
  });

  it("finds the person by e-mail when no employee number came", async () => {
    const result = await resolveSsoSignIn({
      identity: { provider: "oidc", subject: "s-1", email: "wang@bank.cn" },
      db,
    });
    expect(result.status).toBe("matched");
  });

  it("refuses a deactivated person and an unknown identity, and logs both with what the provider said", async () => {
    expect(
      await resolveSsoSignIn({ identity: { provider: "oidc", subject: "s-2", employeeNo: "E1002" }, db }),
    ).toEqual({
      status: "inactive",
    });
    expect(
      await resolveSsoSignIn({ identity: { provider: "dingtalk", subject: "union-9", email: "x@y.cn" }, db }),
    ).toEqual({ status: "unknown" });
    const rows = await audit("auth.sso_refused");
    expect(rows.map((r) => [r.actorId, r.targetType, r.targetId, r.after])).toEqual([
      ["u2", "sso_identity", "oidc:s-2", { provider: "oidc", reason: "inactive", employeeNo: "E1002" }],
      [
        null,
        "sso_identity",
        "dingtalk:union-9",
        { provider: "dingtalk", reason: "unknown", email: "x@y.cn" },
      ],
    ]);
  });

  it("records a sign-in with its provider, and the provider's identity when it differs", async () => {
    await recordSignIn({ userId: "u1", provider: "credentials", subject: "u1", db });
    await recordSignIn({ userId: "u1", provider: "oidc", subject: "00u-1001", db });
    const rows = await audit("auth.signin");
    expect(rows.map((r) => [r.actorId, r.targetId, r.after])).toEqual([
      ["u1", "u1", { provider: "credentials" }],
      ["u1", "u1", { provider: "oidc", subject: "00u-1001" }],
    ]);
  });
});
