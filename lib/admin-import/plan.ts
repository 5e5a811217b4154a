import { createHash } from "node:crypto";
import type { ImportField } from "./columns";
import type { EmployeeRecord, ValidatedRow } from "./validate";

export type RowAction = "create" | "update" | "unchanged" | "error";

export interface PlannedRow extends ValidatedRow {
  action: RowAction;
  userId?: string;
  before?: EmployeeRecord;
  /** The import fields an update changes. */
  changes?: ImportField[];
}

/** A person the file names who already exists, as the database holds them now. */
export type ExistingEmployee = EmployeeRecord & { id: string };

const COMPARED = ["name", "branchId", "role", "email", "hireDate", "active"] as const;
const FIELD_OF: Record<(typeof COMPARED)[number], ImportField> = {
  name: "name",
  branchId: "branch",
  role: "role",
  email: "email",
  hireDate: "hireDate",
  active: "active",
};

/** An active admin: the bank must keep at least one. */
export const isActiveAdmin = (r: Pick<EmployeeRecord, "role" | "active">) => r.role === "admin" && r.active;

export function emptyCounts(): Record<RowAction, number> {
  return { create: 0, update: 0, unchanged: 0, error: 0 };
}

/**
 * The dry run's decisions, from the validated rows and what the database holds: each row is a
 * create, an update (with the fields it changes), unchanged, or an error. A change that would leave
 * the bank without an active admin is an error on that row. `digest` fingerprints what "import the
 * valid rows" would write, so the import can refuse a plan that changed since the admin saw it.
 */
export function planRows({
  rows,
  existing,
  activeAdmins,
}: {
  rows: readonly ValidatedRow[];
  /** By employee number. */
  existing: ReadonlyMap<string, ExistingEmployee>;
  activeAdmins: number;
}): { rows: PlannedRow[]; counts: Record<RowAction, number>; digest: string } {
  let admins = activeAdmins;
  const planned = rows.map((row): PlannedRow => {
    if (!row.record) return { ...row, action: "error" };
    const current = existing.get(row.record.employeeNo);
    if (!current) {
      if (isActiveAdmin(row.record)) admins++;
      return { ...row, action: "create" };
    }
    const { id, employeeNo: _, ...before } = current;
    const changes = COMPARED.filter((f) => before[f] !== row.record?.[f]).map((f) => FIELD_OF[f]);
    if (changes.length === 0) return { ...row, action: "unchanged", userId: id, before: current };
    const delta = Number(isActiveAdmin(row.record)) - Number(isActiveAdmin(current));
    if (admins + delta < 1) {
      return {
        ...row,
        record: null,
        action: "error",
        errors: [{ field: row.record.active ? "role" : "active", code: "last_admin" }],
      };
    }
    admins += delta;
    return { ...row, action: "update", userId: id, before: current, changes };
  });

  const counts = emptyCounts();
  for (const r of planned) counts[r.action]++;
  const digest = createHash("sha256")
    .update(
      JSON.stringify(
        planned
          .filter((r) => r.action === "create" || r.action === "update")
          .map((r) => [r.line, r.action, r.userId ?? null, r.before ?? null, r.record]),
      ),
    )
    .digest("hex");
  return { rows: planned, counts, digest };
}
