import "server-only";
import { type Db, db as defaultDb } from "../client";
import { findCertificateIssuedAt, reconcileCertificates } from "../queries/certificates";

/**
 * The one issuance path, after a result is stored. A knowledge check or a finished role-play ran
 * `issuanceStatements` in its own batch (`issuing`); a trainer's re-scoring ran none. When that
 * issued nothing and the result can count towards a certification, the rules are checked again
 * against what is stored now: two concurrent submissions that each complete half the rules cannot
 * see each other inside their batches, but the later of the two sees both here, and its guarded
 * insert issues one certificate. Nothing else issues certificates, and no page writes while it
 * renders. Returns the certificate this result earned, if any.
 */
export async function settleCertificates({
  userId,
  issuing,
  counts,
  at,
  db = defaultDb,
}: {
  userId: string;
  /** The statements that ran in the result's batch. */
  issuing: readonly unknown[];
  /** Whether the result can complete a certification (a pass, a finished role-play, a new score). */
  counts: boolean;
  /** The result's time; a certificate it issues carries it. */
  at: Date;
  db?: Db;
}): Promise<{ code: string } | null> {
  const caughtUp = issuing.length === 0 && counts && (await reconcileCertificates({ userId, now: at, db }));
  if (issuing.length === 0 && !caughtUp) return null;
  const found = await findCertificateIssuedAt({ userId, at, db });
  return found ? { code: found.code } : null;
}
