import { describe, expect, it } from "vitest";
import { type ExistingEmployee, planRows } from "@/lib/admin-import/plan";
import type { EmployeeRecord, ValidatedRow } from "@/lib/admin-import/validate";

const record = (employeeNo: string, over: Partial<EmployeeRecord> = {}): EmployeeRecord => ({
  employeeNo,
  name: `人员${employeeNo}`,
  branchId: "ja",
  role: "learner",
  email: null,
  hireDate: "2026-03-01",
  active: true,
  ...over,
});
const row = (line: number, rec: EmployeeRecord | null): ValidatedRow => ({
  line,
  cells: {} as ValidatedRow["cells"],
  record: rec,
  errors: rec ? [] : [{ field: "employeeNo", code: "bad_employee_no" }],
});
const existing = (...people: ExistingEmployee[]) => new Map(people.map((p) => [p.employeeNo, p]));

describe("the import plan (pure)", () => {
  it("sorts rows into create, update (with the changed fields), unchanged and error", () => {
    const plan = planRows({
      rows: [
        row(2, record("E1")),
        row(3, record("E2", { name: "新名字", branchId: "pd" })),
        row(4, record("E3")),
        row(5, null),
      ],
      existing: existing({ id: "u2", ...record("E2") }, { id: "u3", ...record("E3") }),
      activeAdmins: 1,
    });
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "update", "unchanged", "error"]);
    expect(plan.rows[1]).toMatchObject({ userId: "u2", changes: ["name", "branch"] });
    expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 1, error: 1 });
  });

  it("refuses the row that would leave no active admin, counting admins the file adds first", () => {
    const admin = { id: "a1", ...record("E9", { role: "admin" as const }) };
    const demote = row(2, record("E9", { role: "learner" }));
    expect(planRows({ rows: [demote], existing: existing(admin), activeAdmins: 1 }).rows[0]).toMatchObject({
      action: "error",
      record: null,
      errors: [{ field: "role", code: "last_admin" }],
    });
    const withNewAdmin = planRows({
      rows: [row(2, record("E8", { role: "admin" })), demote],
      existing: existing(admin),
      activeAdmins: 1,
    });
    expect(withNewAdmin.rows.map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("fingerprints what the import would write: the same plan gives the same digest, a changed one another", () => {
    const rows = [row(2, record("E1")), row(3, record("E2", { name: "新" }))];
    const before = existing({ id: "u2", ...record("E2") });
    const a = planRows({ rows, existing: before, activeAdmins: 1 });
    expect(planRows({ rows, existing: before, activeAdmins: 1 }).digest).toBe(a.digest);
    const meanwhile = existing({ id: "u2", ...record("E2", { email: "e2@bank.cn" }) });
    expect(planRows({ rows, existing: meanwhile, activeAdmins: 1 }).digest).not.toBe(a.digest);
    const unchangedOnly = planRows({
      rows: [row(2, record("E3"))],
      existing: existing({ id: "u3", ...record("E3") }),
      activeAdmins: 1,
    });
    expect(unchangedOnly.digest).toBe(planRows({ rows: [], existing: new Map(), activeAdmins: 1 }).digest);
  });
});
