import "server-only";
import type { Viewer } from "../../lib/auth/scope";
import { AppError } from "../../lib/errors";
import { mayExportPersonData } from "../../lib/my-data/access";
import { exportFiles } from "../../lib/my-data/files";
import { zipStream } from "../../lib/my-data/zip-stream";
import { type Db, db as defaultDb } from "../client";
import { getPersonProfile, personDataSections, recordDataExport } from "../queries/my-data";

/**
 * A person's data as a zip that streams (PIPL art. 45): the person themselves or an admin; anyone
 * else is refused before anything is looked up. The export is audit-logged before it starts.
 */
export async function exportPersonData({
  viewer,
  userId,
  now = new Date(),
  pageSize,
  db = defaultDb,
}: {
  viewer: Viewer;
  userId: string;
  now?: Date;
  pageSize?: number;
  db?: Db;
}): Promise<{ body: ReadableStream<Uint8Array>; fileName: string }> {
  if (!mayExportPersonData(viewer, userId)) throw new AppError("forbidden:my_data");
  const profile = await getPersonProfile({ userId, db });
  if (!profile) throw new AppError("not_found:person");
  await recordDataExport({ actorId: viewer.id, userId, employeeNo: profile.employeeNo, db });
  const sections = personDataSections({ userId, pageSize, db });
  return {
    body: zipStream(exportFiles({ profile, sections, exportedAt: now }), now),
    fileName: `my-data-${profile.employeeNo}-${now.toISOString().slice(0, 10)}.zip`,
  };
}
