import { findCertification } from "./catalog";
import { maskName } from "./mask-name";
import { certificateStatus } from "./rules";

type Found = {
  certificationId: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  holderName: string;
  branchName: string;
  branchNameEn: string;
};

/**
 * What anyone holding a code may learn about its certificate, for the verify page and for
 * GET /api/verify/<code> alike: the holder's name masked, the branch, the certification, its dates
 * and status, names in both languages. Null when the certification is no longer in the catalog.
 */
export function verifyView(found: Found, now: Date) {
  const definition = findCertification(found.certificationId);
  if (!definition) return null;
  return {
    status: certificateStatus(definition, found, now),
    holder: maskName(found.holderName),
    branch: { "zh-CN": found.branchName, en: found.branchNameEn },
    certification: definition.name,
    issuedAt: found.issuedAt,
    expiresAt: found.expiresAt,
    revokedAt: found.revokedAt,
  };
}
