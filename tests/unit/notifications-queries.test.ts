import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, openClient } from "@/db/client";
import {
  claimUnsentEmails,
  EMAIL_CUTOFF_DAYS,
  listNotifications,
  markAllRead,
  markEmailed,
  releaseEmailClaims,
  STALE_CLAIM_MS,
  storeNotifications,
  unreadCount,
} from "@/db/queries/notifications";
import { branches, notifications, users } from "@/db/schema";
import type { NotificationDraft } from "@/lib/reminders/plan";
import { setUpTestDb } from "./test-db";

const { db, url } = setUpTestDb();
const now = new Date("2026-03-10T02:00:00Z");
const DAY = 86_400_000;

const draft = (userId: string, key: string): NotificationDraft => ({
  userId,
  kind: "overdue",
  dedupeKey: `overdue:${key}`,
  payload: { itemType: "chapter", itemSlug: "basic-skills", dueDate: "2026-03-01" },
});

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  const person = (id: string, email: string | null, active = true) => ({
    id,
    employeeNo: id,
    name: id,
    branchId: "b1",
    hireDate: "2026-01-01",
    email,
    active,
  });
  await db
    .insert(users)
    .values([
      person("a", "a@bank.test"),
      person("b", "b@bank.test"),
      person("no-mail", null),
      person("blank", ""),
      person("gone", "gone@bank.test", false),
    ]);
});

describe("storing notifications", () => {
  it("stores each (person, key) once, in chunks", async () => {
    const many = Array.from({ length: 1203 }, (_, i) => draft("a", `bulk-${i}`));
    expect(await storeNotifications({ db, now, drafts: many })).toBe(1203);
    expect(await storeNotifications({ db, now, drafts: [...many, draft("b", "bulk-0")] })).toBe(1);
    expect(await storeNotifications({ db, now, drafts: [] })).toBe(0);
    expect(await db.$count(notifications)).toBe(1204);
  });

  it("lists newest first, counts unread and marks all read for that person only", async () => {
    await storeNotifications({ db, now: new Date(now.getTime() + 1000), drafts: [draft("b", "newer")] });
    const [newest, older] = await listNotifications({ db, userId: "b", limit: 5 });
    expect(newest?.dedupeKey).toBe("overdue:newer");
    expect(older?.dedupeKey).toBe("overdue:bulk-0");
    expect(await listNotifications({ db, userId: "a", limit: 3 })).toHaveLength(3);
    expect(await unreadCount({ db, userId: "b" })).toBe(2);
    expect(await markAllRead({ db, userId: "b", now })).toBe(2);
    expect(await markAllRead({ db, userId: "b", now })).toBe(0);
    expect(await unreadCount({ db, userId: "b" })).toBe(0);
    expect(await unreadCount({ db, userId: "a" })).toBe(1203);
  });
});

describe("the e-mail outbox", () => {
  beforeAll(async () => {
    await db.delete(notifications);
    await storeNotifications({
      db,
      now,
      drafts: [
        ...Array.from({ length: 30 }, (_, i) => draft(i % 2 ? "a" : "b", `mail-${i}`)),
        draft("no-mail", "x"),
        draft("blank", "x"),
        draft("gone", "x"),
      ],
    });
    await storeNotifications({
      db,
      now: new Date(now.getTime() - (EMAIL_CUTOFF_DAYS + 1) * DAY),
      drafts: [draft("a", "history")],
    });
  });

  it("hands each notification to exactly one of several concurrent runs", async () => {
    // Separate connections, as two mail runs (cron on two machines) would have.
    const others = Array.from({ length: 4 }, () => openClient(url));
    const runs = await Promise.all(
      [db, ...others.map((c) => createDb(c))].map((conn) => claimUnsentEmails({ db: conn, now, limit: 8 })),
    );
    for (const c of others) c.close();
    const ids = runs.flat().map((c) => c.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const first = runs.flat()[0];
    expect(first).toMatchObject({ kind: "overdue", locale: "zh-CN" });
    expect(["a@bank.test", "b@bank.test"]).toContain(first?.email);
    expect(await claimUnsentEmails({ db, now, limit: 100 })).toEqual([]);

    await markEmailed({ db, now, ids: ids.slice(0, 20) });
    await releaseEmailClaims({ db, ids });
    const again = await claimUnsentEmails({ db, now, limit: 100 });
    expect(again.map((c) => c.id).sort()).toEqual(ids.slice(20).sort());

    // That run dies without sending: its claims are taken over only once they are an hour old.
    const soon = new Date(now.getTime() + STALE_CLAIM_MS - 1000);
    expect(await claimUnsentEmails({ db, now: soon, limit: 100 })).toEqual([]);
    const later = new Date(now.getTime() + STALE_CLAIM_MS + 1000);
    const rescued = await claimUnsentEmails({ db, now: later, limit: 100 });
    expect(rescued.map((c) => c.id).sort()).toEqual(ids.slice(20).sort());
  });

  it("never mails history, people without an address, or people who left", async () => {
    const history = await db
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, "overdue:history"));
    expect(history[0]?.emailClaimedAt).toBeNull();
    const unmailed = await db.select().from(notifications).where(eq(notifications.dedupeKey, "overdue:x"));
    expect(unmailed).toHaveLength(3);
    expect(unmailed.every((n) => n.emailClaimedAt === null)).toBe(true);
  });
});
