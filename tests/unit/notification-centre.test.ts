import { beforeAll, describe, expect, it } from "vitest";
import {
  listNotifications,
  markOneRead,
  notificationCount,
  storeNotifications,
  unreadCount,
} from "@/db/queries/notifications";
import { branches, users } from "@/db/schema";
import { pageWindow } from "@/lib/paging/page-window";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();

describe("pageWindow", () => {
  it("shows the asked page with its offset", () => {
    expect(pageWindow({ page: 2, total: 45, size: 20 })).toEqual({ page: 2, pages: 3, offset: 20, size: 20 });
  });
  it("keeps a page past the end, below 1 or not a number inside the range", () => {
    expect(pageWindow({ page: 9, total: 45, size: 20 }).page).toBe(3);
    expect(pageWindow({ page: 0, total: 45, size: 20 }).page).toBe(1);
    expect(pageWindow({ page: Number.NaN, total: 45, size: 20 }).offset).toBe(0);
    expect(pageWindow({ page: 2.7, total: 45, size: 20 }).page).toBe(2);
  });
  it("gives an empty list one empty page, and a full last page no extra one", () => {
    expect(pageWindow({ page: 3, total: 0, size: 20 })).toEqual({ page: 1, pages: 1, offset: 0, size: 20 });
    expect(pageWindow({ page: 3, total: 40, size: 20 }).pages).toBe(2);
  });
  it("refuses a page size that is not a positive integer", () => {
    expect(() => pageWindow({ page: 1, total: 5, size: 0 })).toThrow(RangeError);
  });
});

describe("the notification centre's queries", () => {
  beforeAll(async () => {
    await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
    const person = (id: string) => ({ id, employeeNo: id, name: id, branchId: "b1", hireDate: "2026-01-01" });
    await db.insert(users).values([person("a"), person("b")]);
    const drafts = (userId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        userId,
        kind: "due-soon" as const,
        dedupeKey: `due-soon:${i}`,
        payload: { itemType: "chapter", itemSlug: "basic-skills", dueDate: "2026-03-01" },
      }));
    for (const [i, one] of drafts("a", 25).entries()) {
      await storeNotifications({ drafts: [one], now: new Date(Date.UTC(2026, 2, 1 + i)), db });
    }
    await storeNotifications({ drafts: drafts("b", 3), db });
  });

  it("pages through one person's notifications, newest first, without overlap", async () => {
    expect(await notificationCount({ userId: "a", db })).toBe(25);
    const first = await listNotifications({ userId: "a", limit: 20, offset: 0, db });
    const second = await listNotifications({ userId: "a", limit: 20, offset: 20, db });
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(5);
    expect(first[0]?.dedupeKey).toBe("due-soon:24");
    expect(second.at(-1)?.dedupeKey).toBe("due-soon:0");
    expect(new Set([...first, ...second].map((n) => n.id)).size).toBe(25);
    expect([...first, ...second].every((n) => n.userId === "a")).toBe(true);
  });

  it("marks one of the person's own read, once, and never someone else's", async () => {
    const [mine] = await listNotifications({ userId: "a", limit: 1, db });
    const [theirs] = await listNotifications({ userId: "b", limit: 1, db });
    if (!mine || !theirs) throw new Error("the arranged notifications are missing");
    const at = new Date("2026-04-01T00:00:00Z");
    expect(await markOneRead({ userId: "a", id: mine.id, now: at, db })).toBe(true);
    expect(await unreadCount({ userId: "a", db })).toBe(24);
    expect(await markOneRead({ userId: "a", id: mine.id, now: new Date("2026-05-01T00:00:00Z"), db })).toBe(
      true,
    );
    const [again] = await listNotifications({ userId: "a", limit: 1, db });
    expect(again?.readAt).toEqual(at);

    expect(await markOneRead({ userId: "a", id: theirs.id, db })).toBe(false);
    expect(await markOneRead({ userId: "a", id: "no-such-id", db })).toBe(false);
    expect(await unreadCount({ userId: "b", db })).toBe(3);
  });
});
