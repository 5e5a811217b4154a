import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { branches, users } from "@/db/schema";
import { rowsAffected, writeBatch } from "@/db/write";
import { isAppError } from "@/lib/errors";
import { setUpTestDb } from "./test-db";

const { db, client } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "一", nameEn: "One", path: "/b1/" });
});

const person = (id: string) => ({ id, employeeNo: id, name: id, branchId: "b1", hireDate: "2026-01-01" });
const renamed = (id: string, from: string, to: string) =>
  db.run(sql`update ${users} set name = ${to} where id = ${id} and name = ${from}`);

describe("write batches waiting together", () => {
  it("share one transaction, and each gets its own statements' results", async () => {
    const spy = vi.spyOn(client, "batch");
    const ids = Array.from({ length: 10 }, (_, i) => `g${i}`);
    const results = await Promise.all(
      ids.map((id) =>
        writeBatch(
          [db.insert(users).values(person(id)), db.select().from(users).where(eq(users.id, id))],
          db,
        ),
      ),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(results.map(([inserted, [row]]) => [rowsAffected(inserted), row?.id])).toEqual(
      ids.map((id) => [1, id]),
    );
  });

  it("run in order, so a guard sees the batches before it in the group", async () => {
    // Two writers read the same name and both try to change it: exactly one guard holds.
    const [a, b] = await Promise.all([
      writeBatch([renamed("g0", "g0", "甲")], db),
      writeBatch([renamed("g0", "g0", "乙")], db),
    ]);
    expect([rowsAffected(a[0]), rowsAffected(b[0])]).toEqual([1, 0]);
    const [row] = await db.select().from(users).where(eq(users.id, "g0"));
    expect(row?.name).toBe("甲");
  });

  it("fail alone: a batch that breaks a constraint changes nothing, the others in its group commit", async () => {
    const outcomes = await Promise.allSettled([
      writeBatch([db.insert(users).values(person("h1"))], db),
      // The second statement breaks the unique employee number, so its first must not stay either.
      writeBatch(
        [
          db.insert(users).values(person("h2")),
          db.insert(users).values({ ...person("h3"), employeeNo: "g1" }),
        ],
        db,
      ),
      writeBatch([db.insert(users).values(person("h4"))], db),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const failure = outcomes[1]?.status === "rejected" ? outcomes[1].reason : null;
    expect(isAppError(failure) && failure.code).toBe("conflict:write");
    const stored = (await db.select({ id: users.id }).from(users)).map((u) => u.id);
    expect(stored).toEqual(expect.arrayContaining(["h1", "h4"]));
    expect(stored).not.toContain("h2");
    expect(stored).not.toContain("h3");
  });
});
