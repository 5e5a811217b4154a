import { describe, expect, it } from "vitest";
import { resolveSsoSignIn } from "@/db/queries/sign-in";
import { endSession, findUserByEmployeeNo, getSessionUser } from "@/db/queries/users";
import { branches, users } from "@/db/schema";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db
    .insert(users)
    .values({ id: "u1", employeeNo: "E1001", name: "甲", branchId: "b1", hireDate: "2026-01-01" });
});

describe("users by employee number (issue 17 item 21)", () => {
  it("finds a person from any spelling of the number, at sign-in and SSO alike", async () => {
    expect((await findUserByEmployeeNo({ employeeNo: " e1001 ", db }))?.id).toBe("u1");
    const sso = await resolveSsoSignIn({
      identity: { provider: "oidc", subject: "s-1", employeeNo: " e1001 " },
      db,
    });
    expect(sso).toMatchObject({ status: "matched", user: { id: "u1" } });
  });
});

describe("endSession (issue 17 item 7)", () => {
  it("bumps the session version the token carries, once, so the token stops counting", async () => {
    const before = (await getSessionUser({ id: "u1", db }))?.sessionVersion ?? -1;
    await endSession({ userId: "u1", sessionVersion: before, db });
    expect((await getSessionUser({ id: "u1", db }))?.sessionVersion).toBe(before + 1);
    // Replaying the ended token's sign-out changes nothing more.
    await endSession({ userId: "u1", sessionVersion: before, db });
    expect((await getSessionUser({ id: "u1", db }))?.sessionVersion).toBe(before + 1);
  });
});
