import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, branches, users } from "@/db/schema";
import { rowsAffected, writeBatch } from "@/db/write";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db
    .insert(users)
    .values({ id: "u1", employeeNo: "E1", name: "测试", branchId: "b1", hireDate: "2026-01-01" });
});

describe("writeBatch against a real file database", () => {
  it("loses none of 200 concurrent writes", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        writeBatch(
          [
            db
              .insert(auditLog)
              .values({ actorId: "u1", action: "test.write", targetType: "test", targetId: String(i) }),
            db
              .update(users)
              .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
              .where(eq(users.id, "u1")),
          ],
          db,
        ),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const [{ n }] = (await db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "test.write"))) as [{ n: number }];
    expect(n).toBe(200);
    const user = await db.query.users.findFirst({ where: eq(users.id, "u1") });
    expect(user?.sessionVersion).toBe(201);
  });

  it("lets exactly one of 50 concurrent guarded updates win", async () => {
    const before = (await db.query.users.findFirst({ where: eq(users.id, "u1") }))?.sessionVersion as number;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        writeBatch(
          [
            db
              .update(users)
              .set({ sessionVersion: before + 1 })
              .where(and(eq(users.id, "u1"), eq(users.sessionVersion, before))),
          ],
          db,
        ),
      ),
    );
    expect(results.map(([r]) => rowsAffected(r)).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("rolls back the whole batch when one statement fails, and reports a conflict", async () => {
    await expect(
      writeBatch(
        [
          db.insert(auditLog).values({ actorId: "u1", action: "test.rollback", targetType: "test" }),
          db.insert(users).values({ employeeNo: "E1", name: "重复", branchId: "b1", hireDate: "2026-01-01" }),
        ],
        db,
      ),
    ).rejects.toMatchObject({ code: "conflict:write", status: 409 });
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "test.rollback"));
    expect(rows).toEqual([]);
  });

  it("enforces foreign keys", async () => {
    await expect(
      writeBatch(
        [
          db
            .insert(users)
            .values({ employeeNo: "E2", name: "无网点", branchId: "missing", hireDate: "2026-01-01" }),
        ],
        db,
      ),
    ).rejects.toMatchObject({ code: "conflict:write" });
  });
});
