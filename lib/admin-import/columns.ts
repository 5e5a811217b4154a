/** The columns of an employee import, in template order. */
export const IMPORT_FIELDS = ["employeeNo", "name", "branch", "role", "email", "hireDate", "active"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ImportField[] = ["employeeNo", "name", "branch", "role", "hireDate"];

/** Header names accepted for each column, compared after `normaliseHeader`. */
const ALIASES: Record<ImportField, string[]> = {
  employeeNo: [
    "员工号",
    "工号",
    "员工编号",
    "员工编码",
    "employeeno",
    "employeenumber",
    "empno",
    "staffno",
    "id",
  ],
  name: ["姓名", "员工姓名", "name", "fullname"],
  branch: [
    "机构",
    "所属机构",
    "网点",
    "所属网点",
    "部门",
    "branch",
    "branchcode",
    "branchpath",
    "organisation",
    "organization",
  ],
  role: ["角色", "岗位角色", "role"],
  email: ["邮箱", "电子邮箱", "邮件", "email", "emailaddress", "mail"],
  hireDate: ["入职日期", "入行日期", "hiredate", "startdate", "joined"],
  active: ["在职", "是否在职", "状态", "启用", "active", "status", "enabled"],
};

/** The headers of the downloadable template, per language. */
export const TEMPLATE_HEADERS: Record<"zh-CN" | "en", Record<ImportField, string>> = {
  "zh-CN": {
    employeeNo: "员工号",
    name: "姓名",
    branch: "机构",
    role: "角色",
    email: "邮箱",
    hireDate: "入职日期",
    active: "在职",
  },
  en: {
    employeeNo: "employee_no",
    name: "name",
    branch: "branch",
    role: "role",
    email: "email",
    hireDate: "hire_date",
    active: "active",
  },
};

/** "Employee No. (员工号)" → "employeeno": case, spaces, punctuation and a trailing note in brackets do not matter. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .replace(/[（(].*?[)）]\s*$/, "")
    .toLowerCase()
    .replace(/[\s_\-./:：*]+/g, "");
}

/** Which field each column holds (undefined for columns we ignore). */
export function mapHeaders(headers: readonly string[]): (ImportField | undefined)[] {
  const seen = new Set<ImportField>();
  return headers.map((h) => {
    const key = normaliseHeader(h);
    const field = IMPORT_FIELDS.find(
      (f) => ALIASES[f].includes(key) || normaliseHeader(TEMPLATE_HEADERS.en[f]) === key,
    );
    if (!field || seen.has(field)) return undefined;
    seen.add(field);
    return field;
  });
}
