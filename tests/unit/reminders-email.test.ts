import type { AddressInfo } from "node:net";
import { eq, isNotNull } from "drizzle-orm";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listAssignmentsToRemind } from "@/db/queries/assignments";
import { assignments, branches, notifications, users } from "@/db/schema";
import { addCalendarDays, bankDate } from "@/lib/training/assignment-status";
import { runReminders } from "@/scripts/reminders";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();

const now = new Date();
const today = bankDate(now);
const soon = addCalendarDays(today, 2);
const past = addCalendarDays(today, -3);
const APP_URL = "https://training.bank.test";

type Delivered = { from: string; to: string[]; raw: string };

/** A real SMTP server on a free local port that keeps every message it accepts. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}) {
  const inbox: Delivered[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("latin1"),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    inbox,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Bytes of an RFC 2047 Q-encoded word or a quoted-printable body. */
function unQuote(text: string, header = false): Buffer {
  const source = (header ? text.replace(/_/g, " ") : text).replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(source.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** A header value with its encoded words (=?UTF-8?B?…?= or ?Q?) decoded; adjacent words join without a space. */
function decodeHeader(value: string): string {
  const parts = value.replace(/\?=\s+=\?/g, "?==?").split(/(=\?[^?]+\?[BQbq]\?[^?]*\?=)/);
  const bytes = parts.map((part) => {
    const word = /^=\?[^?]+\?([BQbq])\?([^?]*)\?=$/.exec(part);
    if (!word) return Buffer.from(part, "latin1");
    return word[1]?.toUpperCase() === "B"
      ? Buffer.from(word[2] ?? "", "base64")
      : unQuote(word[2] ?? "", true);
  });
  return Buffer.concat(bytes).toString("utf8");
}

/** Headers and the decoded text of a single-part message. */
function parseMessage(raw: string) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? unQuote(body)
        : Buffer.from(body, "latin1");
  return {
    headers,
    subject: decodeHeader(headers.get("subject") ?? ""),
    text: text.toString("utf8").replace(/\r\n/g, "\n"),
  };
}

const zhDate = (d: string) => {
  const [y, m, day] = d.split("-").map(Number);
  return `${y}年${m}月${day}日`;
};
const enDate = (d: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));

const learner = (id: string, extra: Partial<typeof users.$inferInsert>) => ({
  id,
  employeeNo: id,
  name: id,
  branchId: "b1",
  hireDate: "2026-01-01",
  ...extra,
});
const due = (userId: string, itemType: "chapter" | "scenario", itemSlug: string, dueDate: string) => ({
  id: `${userId}-${itemSlug}`,
  userId,
  itemType,
  itemSlug,
  dueDate,
  source: "manager" as const,
});

beforeAll(async () => {
  await db
    .insert(branches)
    .values({ id: "b1", code: "B1", name: "静安支行", nameEn: "Jing'an", path: "/b1/" });
  await db
    .insert(users)
    .values([
      learner("zh", { name: "王晓明", email: "wang@bank.test", locale: "zh-CN" }),
      learner("en", { name: "Li Na", email: "li.na@bank.test", locale: "en" }),
      learner("no-mail", { name: "无邮箱", email: null }),
      learner("left", { name: "已离职", email: "left@bank.test", active: false }),
    ]);
  await db
    .insert(assignments)
    .values([
      ...["zh", "en", "no-mail"].flatMap((u) => [
        due(u, "chapter", "basic-skills", soon),
        due(u, "scenario", "complaint", past),
      ]),
      due("left", "chapter", "basic-skills", past),
    ]);
  // An old notification from before e-mail was configured: never mailed.
  await db.insert(notifications).values({
    userId: "zh",
    kind: "assigned",
    dedupeKey: "assigned:old",
    payload: { itemType: "chapter", itemSlug: "basic-skills", dueDate: past },
    createdAt: new Date(now.getTime() - 20 * 86_400_000),
  });
});

describe("reminder e-mails through a real SMTP server", () => {
  it("gives failed sends back for the next run", async () => {
    const refusing = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(new Error("mailbox unavailable"));
      },
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const result = await runReminders({ db, now, smtpUrl: refusing.smtpUrl, appUrl: APP_URL });
      expect(result).toEqual({ stored: 6, sent: 0, failed: 4 });
      expect(warn).toHaveBeenCalledTimes(4);
      expect(refusing.inbox).toEqual([]);
      expect(await db.$count(notifications, isNotNull(notifications.emailClaimedAt))).toBe(0);
    } finally {
      warn.mockRestore();
      await refusing.close();
    }
  });

  it("mails each person in their language, once", async () => {
    const smtp = await startSmtp();
    try {
      const result = await runReminders({ db, now, smtpUrl: smtp.smtpUrl, appUrl: APP_URL });
      expect(result).toEqual({ stored: 0, sent: 4, failed: 0 });
      expect(smtp.inbox.map((m) => m.to).sort()).toEqual([
        ["li.na@bank.test"],
        ["li.na@bank.test"],
        ["wang@bank.test"],
        ["wang@bank.test"],
      ]);
      expect(smtp.inbox.every((m) => m.from === "training@localhost")).toBe(true);

      const mails = smtp.inbox.map((m) => ({ to: m.to[0], ...parseMessage(m.raw) }));
      const find = (to: string, subject: string) => {
        const mail = mails.find((m) => m.to === to && m.subject.includes(subject));
        if (!mail) throw new Error(`no mail to ${to} about ${subject}: ${mails.map((m) => m.subject)}`);
        return mail;
      };

      const zhSoon = find("wang@bank.test", "培训即将到期");
      expect(zhSoon.subject).toBe(`培训即将到期：银行服务的基本技巧（${zhDate(soon)}截止）`);
      expect(zhSoon.text).toContain("王晓明，您好");
      expect(zhSoon.text).toContain("学习章节《银行服务的基本技巧》并通过知识测验");
      expect(zhSoon.text).toContain(zhDate(soon));
      expect(zhSoon.text).toContain(`${APP_URL}/learn/basic-skills`);

      const zhLate = find("wang@bank.test", "培训已逾期");
      expect(zhLate.subject).toContain("重复扣款的投诉");
      expect(zhLate.text).toContain(zhDate(past));
      expect(zhLate.text).toContain(`${APP_URL}/practice/complaint`);

      const enSoon = find("li.na@bank.test", "Training due soon");
      expect(enSoon.subject).toBe(`Training due soon: Core Service Skills (due ${enDate(soon)})`);
      expect(enSoon.text).toContain("Hello Li Na,");
      expect(enSoon.text).toContain(`due on ${enDate(soon)}`);
      expect(enSoon.text).toContain("read the chapter “Core Service Skills”");
      expect(enSoon.text).toContain(`${APP_URL}/learn/basic-skills`);

      const enLate = find("li.na@bank.test", "Training overdue");
      expect(enLate.subject).toContain("A complaint about a duplicate charge");
      expect(enLate.text).toContain(`was due on ${enDate(past)}`);

      const stored = await db.select().from(notifications);
      const emailed = stored.filter((n) => n.emailedAt).map((n) => n.userId);
      expect(emailed.sort()).toEqual(["en", "en", "zh", "zh"]);
      expect(stored.filter((n) => n.userId === "left")).toEqual([]);
      expect(stored.filter((n) => n.userId === "no-mail" && !n.emailedAt)).toHaveLength(2);
      const old = stored.find((n) => n.dedupeKey === "assigned:old");
      expect(old?.emailedAt).toBeNull();

      // The candidates query recognises the stored reminders by their keys, so the next run reads nothing.
      expect(await listAssignmentsToRemind({ db, now })).toEqual([]);
      const again = await runReminders({ db, now, smtpUrl: smtp.smtpUrl, appUrl: APP_URL });
      expect(again).toEqual({ stored: 0, sent: 0, failed: 0 });
      expect(smtp.inbox).toHaveLength(4);
      expect(await db.$count(notifications)).toBe(stored.length);
    } finally {
      await smtp.close();
    }
  });

  it("stores nothing new the next day for the same due dates, and mails nothing without SMTP", async () => {
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const result = await runReminders({ db, now: tomorrow, smtpUrl: null, appUrl: APP_URL });
    expect(result).toEqual({ stored: 0, sent: 0, failed: 0 });
    await db
      .update(assignments)
      .set({ dueDate: addCalendarDays(today, 1) })
      .where(eq(assignments.id, "zh-basic-skills"));
    const moved = await runReminders({ db, now, smtpUrl: null, appUrl: APP_URL });
    expect(moved).toEqual({ stored: 1, sent: 0, failed: 0 });
  });
});
