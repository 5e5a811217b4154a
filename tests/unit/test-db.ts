import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db, openClient } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/**
 * The one database fixture of the unit tests: a fresh file database with every migration applied,
 * for one test file (or one describe block), deleted afterwards. `arrange` runs once after the
 * migrations, for the rows the whole file shares. Query modules take it as their `db`.
 */
export function setUpTestDb(arrange?: (db: Db) => Promise<unknown>) {
  const dir = mkdtempSync(path.join(tmpdir(), "unit-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const client = openClient(url);
  const db = createDb(client);
  beforeAll(async () => {
    await runMigrations(db, url);
    await arrange?.(db);
  });
  afterAll(() => {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, client, url };
}
