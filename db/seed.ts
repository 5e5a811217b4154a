import { hashPassword } from "../lib/auth/password";
import { childPath } from "../lib/auth/scope";
import { type Db, db as defaultDb } from "./client";
import { DEMO_ACCOUNTS, DEMO_BRANCHES, DEMO_LEARNERS, DEMO_PASSWORD } from "./demo-bank";
import { runMigrations } from "./migrate";
import { branches, users } from "./schema";

/** Creates the demo bank. Safe to run again: existing rows are left as they are. */
export async function seedDemo(db: Db = defaultDb) {
  const paths = new Map<string, string>();
  for (const b of DEMO_BRANCHES)
    paths.set(b.id, childPath(b.parent ? (paths.get(b.parent) ?? null) : null, b.id));

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [...DEMO_ACCOUNTS.map((a) => ({ ...a, hireDate: "2026-01-05" })), ...DEMO_LEARNERS];

  await db.batch([
    db
      .insert(branches)
      .values(
        DEMO_BRANCHES.map((b) => ({
          id: b.id,
          code: b.code,
          name: b.name,
          nameEn: b.nameEn,
          parentId: b.parent,
          path: paths.get(b.id) as string,
        })),
      )
      .onConflictDoNothing(),
    db
      .insert(users)
      .values(people.map((p) => ({ ...p, passwordHash })))
      .onConflictDoNothing(),
  ]);
  return { branches: DEMO_BRANCHES.length, users: people.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runMigrations();
  const counts = await seedDemo();
  console.log(`Demo bank ready: ${counts.branches} branches, ${counts.users} people.`);
}
