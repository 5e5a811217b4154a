import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, openClient } from "@/db/client";
import { commitThrough } from "@/db/group-commit";
import { branches, users } from "@/db/schema";
import { writeBatch } from "@/db/write";
import { isAppError } from "@/lib/errors";
import { setUpTestDb } from "./test-db";

// A second instance of the app is another process holding the write lock; a bare connection of the
// native driver stands in for it, holding BEGIN IMMEDIATE for as long as the test says.
type Native = { exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("libsql") as new (file: string) => Native;

const { db, url } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "一", nameEn: "One", path: "/b1/" });
});
const writer = openClient(url, undefined, { waitForLock: false });
commitThrough(db, createDb(writer));
const other = new Database(url.replace(/^file:/, ""));
afterAll(() => {
  other.close();
  writer.close();
});

const add = (id: string) =>
  db.insert(users).values({ id, employeeNo: id, name: id, branchId: "b1", hireDate: "2026-01-01" });
const stored = async (id: string) => (await db.select().from(users).where(eq(users.id, id))).length;

/** Holds the write lock for `ms`, counting how often a 5 ms timer fires meanwhile. */
function holdLock(ms: number) {
  other.exec("BEGIN IMMEDIATE");
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  setTimeout(() => {
    clearInterval(timer);
    other.exec("COMMIT");
  }, ms);
  return () => ticks;
}

describe("a write while another process holds the lock", () => {
  it("waits without stopping the process, and is stored once the lock is free", async () => {
    const ticks = holdLock(300);
    const started = performance.now();
    await writeBatch([add("w1")], db);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    // The process kept running its timers (SQLite's own wait would have slept through them).
    expect(ticks()).toBeGreaterThan(20);
    expect(await stored("w1")).toBe(1);
  });

  it("gives up after five seconds with a 503 and writes nothing", async () => {
    holdLock(5600);
    const outcome = await writeBatch([add("w2")], db).catch((e: unknown) => e);
    expect(isAppError(outcome) && outcome.status).toBe(503);
    expect(isAppError(outcome) && outcome.code).toBe("unavailable:write");
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await stored("w2")).toBe(0);
  }, 10_000);
});
