import { canonicalEmployeeNo, EMPLOYEE_NO } from "../auth/employee-no";
import type { Role } from "../auth/roles";
import { branchResolver, type ImportBranch } from "./branch-resolver";
import { IMPORT_FIELDS, type ImportField, mapHeaders, REQUIRED_FIELDS } from "./columns";
import type { Table } from "./read-table";

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type RowErrorCode =
  | "missing_value"
  | "bad_employee_no"
  | "duplicate_in_file"
  | "name_too_long"
  | "unknown_branch"
  | "inactive_branch"
  | "invalid_role"
  | "invalid_email"
  | "bad_date"
  | "invalid_active"
  | "last_admin";

export interface RowError {
  field: ImportField;
  code: RowErrorCode;
  /** e.g. the other line of a duplicate employee number. */
  detail?: string;
}

/** One employee as a valid row describes them. */
export interface EmployeeRecord {
  employeeNo: string;
  name: string;
  branchId: string;
  role: Role;
  email: string | null;
  hireDate: string;
  active: boolean;
}

export interface ValidatedRow {
  /** The row number in the spreadsheet (the header is row 1). */
  line: number;
  cells: Record<ImportField, string>;
  record: EmployeeRecord | null;
  errors: RowError[];
}

export type FileProblem =
  | { code: "empty" }
  | { code: "missing_columns"; columns: ImportField[] }
  | { code: "too_many_rows"; max: number; found: number };

export interface ValidatedFile {
  problems: FileProblem[];
  rows: ValidatedRow[];
}

const ROLE_WORDS: Record<string, Role> = {
  learner: "learner",
  学员: "learner",
  柜员: "learner",
  trainer: "trainer",
  培训师: "trainer",
  manager: "manager",
  管理者: "manager",
  经理: "manager",
  admin: "admin",
  administrator: "admin",
  管理员: "admin",
  系统管理员: "admin",
};

const ACTIVE_WORDS: Record<string, boolean> = {
  "": true,
  yes: true,
  y: true,
  true: true,
  "1": true,
  active: true,
  是: true,
  在职: true,
  启用: true,
  有效: true,
  no: false,
  n: false,
  false: false,
  "0": false,
  inactive: false,
  否: false,
  离职: false,
  停用: false,
  无效: false,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A hire date as YYYY-MM-DD from the forms HR exports use: 2026-03-01, 2026/3/1, 2026.3.1,
 * 2026年3月1日 or 20260301. Null when it is not a real calendar date.
 */
export function parseHireDate(value: string): string | null {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1950 || y > 2100) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function validateRow(
  line: number,
  cells: Record<ImportField, string>,
  resolveBranch: ReturnType<typeof branchResolver>,
): ValidatedRow {
  const errors: RowError[] = [];
  for (const field of REQUIRED_FIELDS) if (!cells[field]) errors.push({ field, code: "missing_value" });
  const has = (f: ImportField) => cells[f] !== "";

  const employeeNo = canonicalEmployeeNo(cells.employeeNo);
  if (has("employeeNo") && !EMPLOYEE_NO.test(employeeNo)) {
    errors.push({ field: "employeeNo", code: "bad_employee_no" });
  }
  if (has("name") && [...cells.name].length > 64) errors.push({ field: "name", code: "name_too_long" });

  let branchId = "";
  if (has("branch")) {
    const found = resolveBranch(cells.branch);
    if ("problem" in found) errors.push({ field: "branch", code: found.problem });
    else branchId = found.branch.id;
  }
  const role = ROLE_WORDS[cells.role.toLowerCase()];
  if (has("role") && !role) errors.push({ field: "role", code: "invalid_role" });

  const email = cells.email.toLowerCase();
  if (email && (email.length > 254 || !EMAIL.test(email)))
    errors.push({ field: "email", code: "invalid_email" });

  const hireDate = has("hireDate") ? parseHireDate(cells.hireDate) : null;
  if (has("hireDate") && !hireDate) errors.push({ field: "hireDate", code: "bad_date" });

  const active = ACTIVE_WORDS[cells.active.toLowerCase()];
  if (active === undefined) errors.push({ field: "active", code: "invalid_active" });

  const record =
    errors.length === 0 && role && hireDate && active !== undefined
      ? {
          employeeNo,
          name: cells.name,
          branchId,
          role,
          email: email || null,
          hireDate,
          active,
        }
      : null;
  return { line, cells, record, errors };
}

/**
 * Checks every row of an employee file against the branches that exist. Pure: whether a row
 * creates, updates or changes nothing is decided against the database elsewhere.
 */
export function validateTable(table: Table, branches: readonly ImportBranch[]): ValidatedFile {
  const [header, ...body] = table;
  if (!header || header.every((h) => !h.trim())) return { problems: [{ code: "empty" }], rows: [] };
  const fields = mapHeaders(header.map((h) => String(h)));
  const missing = REQUIRED_FIELDS.filter((f) => !fields.includes(f));
  if (missing.length > 0) return { problems: [{ code: "missing_columns", columns: missing }], rows: [] };

  const dataRows = body
    .map((cells, i) => ({ cells, line: i + 2 }))
    .filter(({ cells }) => cells.some((c) => String(c ?? "").trim() !== ""));
  if (dataRows.length === 0) return { problems: [{ code: "empty" }], rows: [] };
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return { problems: [{ code: "too_many_rows", max: MAX_IMPORT_ROWS, found: dataRows.length }], rows: [] };
  }

  const resolveBranch = branchResolver(branches);
  const rows = dataRows.map(({ cells, line }) => {
    const byField = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ""])) as Record<ImportField, string>;
    fields.forEach((f, i) => {
      if (f) byField[f] = String(cells[i] ?? "").trim();
    });
    return validateRow(line, byField, resolveBranch);
  });

  const lines = new Map<string, number[]>();
  for (const row of rows) {
    const key = canonicalEmployeeNo(row.cells.employeeNo);
    if (key) lines.set(key, [...(lines.get(key) ?? []), row.line]);
  }
  for (const row of rows) {
    const same = lines.get(canonicalEmployeeNo(row.cells.employeeNo)) ?? [];
    if (same.length > 1) {
      row.errors.push({
        field: "employeeNo",
        code: "duplicate_in_file",
        detail: same.filter((l) => l !== row.line).join(", "),
      });
      row.record = null;
    }
  }
  return { problems: [], rows };
}
