import { asc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { branches, users } from "@/db/schema";
import { rowsAffected, writeBatch } from "@/db/write";
import { isAppError } from "@/lib/errors";
import { setUpTestDb } from "./test-db";

const { db, client } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "一", nameEn: "One", path: "/b1/" });
});

const person = (id: string, employeeNo = id) => ({
  id,
  employeeNo,
  name: id,
  branchId: "b1",
  hireDate: "2026-01-01",
});
const add = (id: string, employeeNo = id) => db.insert(users).values(person(id, employeeNo));
const renamed = (id: string, from: string, to: string) =>
  db.run(sql`update ${users} set name = ${to} where id = ${id} and name = ${from}`);
const everyone = async () =>
  (await db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.id))).map(
    (u) => `${u.id}:${u.name}`,
  );
const statuses = (outcomes: PromiseSettledResult<unknown>[]) => outcomes.map((o) => o.status);
const reason = (outcome: PromiseSettledResult<unknown> | undefined) =>
  outcome?.status === "rejected" ? outcome.reason : null;

/** Statements per call of the client's batch, to see which groups went to the database. */
function watchBatches() {
  return vi.spyOn(client, "batch");
}
const sizes = (spy: ReturnType<typeof watchBatches>) =>
  spy.mock.calls.map(([statements]) => statements.length);

afterEach(() => vi.restoreAllMocks());

describe("write batches waiting together", () => {
  it("share one transaction, and each gets its own statements' results", async () => {
    const spy = watchBatches();
    const ids = Array.from({ length: 10 }, (_, i) => `g${i}`);
    const results = await Promise.all(
      ids.map((id) => writeBatch([add(id), db.select().from(users).where(eq(users.id, id))], db)),
    );
    expect(sizes(spy)).toEqual([20]);
    expect(results.map(([inserted, [row]]) => [rowsAffected(inserted), row?.id])).toEqual(
      ids.map((id) => [1, id]),
    );
  });

  it("run in order, so a guard sees the batches before it in the group", async () => {
    // Two writers read the same name and both try to change it: exactly one guard holds.
    const [a, b, c] = await Promise.all([
      writeBatch([renamed("g0", "g0", "甲")], db),
      writeBatch([renamed("g0", "g0", "乙")], db),
      writeBatch([renamed("g0", "甲", "丙")], db),
    ]);
    expect([rowsAffected(a[0]), rowsAffected(b[0]), rowsAffected(c[0])]).toEqual([1, 0, 1]);
    const [row] = await db.select().from(users).where(eq(users.id, "g0"));
    expect(row?.name).toBe("丙");
  });

  it("keep their order across groups when more wait than one group takes", async () => {
    await writeBatch([add("ctr")], db);
    await writeBatch([renamed("ctr", "ctr", "0")], db);
    const spy = watchBatches();
    // Batch i moves the counter from i to i + 1: each guard holds only if every batch before it ran first.
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => writeBatch([renamed("ctr", String(i), String(i + 1))], db)),
    );
    expect(results.every(([r]) => rowsAffected(r) === 1)).toBe(true);
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(sizes(spy).every((n) => n <= 64)).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, "ctr"));
    expect(row?.name).toBe("150");
  });
});

describe("a failing batch in a group fails alone", () => {
  it("in the middle: nothing of it stays, the batches around it commit, in order, with their own results", async () => {
    const before = await everyone();
    const spy = watchBatches();
    const outcomes = await Promise.allSettled([
      writeBatch([add("m1")], db),
      writeBatch([renamed("m1", "m1", "一")], db),
      // Its first statement succeeds, its second breaks the unique employee number (g1 has it).
      writeBatch([add("m2"), renamed("m1", "一", "坏"), add("m3", "g1")], db),
      // Sees the second batch's name, not the failing batch's.
      writeBatch([renamed("m1", "一", "二"), db.select().from(users).where(eq(users.id, "m1"))], db),
      writeBatch([add("m4")], db),
    ]);
    expect(statuses(outcomes)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    const failure = reason(outcomes[2]);
    expect(isAppError(failure) && failure.code).toBe("conflict:write");
    const fourth = outcomes[3]?.status === "fulfilled" ? outcomes[3].value : [];
    expect(rowsAffected(fourth[0])).toBe(1);
    expect((fourth[1] as { name: string }[] | undefined)?.[0]?.name).toBe("二");

    // One try as a group; then the two before it as a group, the failing one alone, the two after as a group.
    expect(sizes(spy)).toEqual([8, 2, 3, 3]);
    expect(await everyone()).toEqual([...before, "m1:二", "m4:m4"].sort());
  });

  it("when it fails because of a batch before it in the same group, as if that one had committed first", async () => {
    const outcomes = await Promise.allSettled([
      writeBatch([add("d1", "same")], db),
      writeBatch([add("d2", "same")], db),
      writeBatch([add("d3")], db),
    ]);
    expect(statuses(outcomes)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const stored = (await everyone()).filter((u) => u.startsWith("d"));
    expect(stored).toEqual(["d1:d1", "d3:d3"]);
  });

  it("first and last of a group failing leave the ones between them committed", async () => {
    const before = await everyone();
    const outcomes = await Promise.allSettled([
      writeBatch([add("f1"), add("f2", "g2")], db),
      writeBatch([add("f3")], db),
      writeBatch([add("f4")], db),
      writeBatch([add("f5"), db.insert(users).values({ ...person("f6"), branchId: "nowhere" })], db),
    ]);
    expect(statuses(outcomes)).toEqual(["rejected", "fulfilled", "fulfilled", "rejected"]);
    expect(await everyone()).toEqual([...before, "f3:f3", "f4:f4"].sort());
  });

  it("when the write lock is another connection's, the whole group runs again once it is free", async () => {
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const spy = watchBatches().mockRejectedValueOnce(busy).mockRejectedValueOnce(busy);
    const outcomes = await Promise.allSettled([writeBatch([add("q1")], db), writeBatch([add("q2")], db)]);
    expect(statuses(outcomes)).toEqual(["fulfilled", "fulfilled"]);
    expect(sizes(spy)).toEqual([2, 2, 2]);
    expect((await everyone()).filter((u) => u.startsWith("q"))).toEqual(["q1:q1", "q2:q2"]);
  });

  it("when BEGIN or COMMIT is refused, each batch tries again on its own", async () => {
    const full = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    const spy = watchBatches().mockRejectedValueOnce(full);
    const outcomes = await Promise.allSettled([writeBatch([add("r1")], db), writeBatch([add("r2")], db)]);
    expect(statuses(outcomes)).toEqual(["fulfilled", "fulfilled"]);
    expect(sizes(spy)).toEqual([2, 1, 1]);
    expect((await everyone()).filter((u) => u.startsWith("r"))).toEqual(["r1:r1", "r2:r2"]);
  });

  it("when the outcome is unknown (connection lost), nothing is run again and every batch hears the error", async () => {
    const lost = Object.assign(new Error("socket hang up"), { code: "HRANA_WEBSOCKET_ERROR" });
    const spy = watchBatches().mockRejectedValueOnce(lost);
    const outcomes = await Promise.allSettled([writeBatch([add("u1")], db), writeBatch([add("u2")], db)]);
    expect(statuses(outcomes)).toEqual(["rejected", "rejected"]);
    expect(outcomes.map(reason)).toEqual([lost, lost]);
    expect(sizes(spy)).toEqual([2]);
    // The queue goes on: the next write is stored.
    await writeBatch([add("u3")], db);
    expect((await everyone()).filter((u) => u.startsWith("u"))).toEqual(["u3:u3"]);
  });
});
