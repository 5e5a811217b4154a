/** The people report's columns, on the page and in its CSV/XLSX, as keys under `reports.people`. */
export const PEOPLE_COLUMNS = [
  "employeeNo",
  "name",
  "branch",
  "role",
  "hireDate",
  "chapters",
  "scenarios",
  "certification",
  "overdueCol",
] as const;

export type CertState = "certState.valid" | "certState.expiring" | "certState.expired" | "certState.none";

/** Which certification words a person's row shows (key under `reports.people`), and the expiry they name. */
export function certState(p: { certifiedUntil: number | null; expiring: boolean; expired: boolean }): {
  key: CertState;
  until: number | null;
} {
  if (p.certifiedUntil !== null) {
    return { key: p.expiring ? "certState.expiring" : "certState.valid", until: p.certifiedUntil };
  }
  return { key: p.expired ? "certState.expired" : "certState.none", until: null };
}
