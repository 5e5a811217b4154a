import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { branchResolver, type ImportBranch } from "@/lib/admin-import/branch-resolver";
import { mapHeaders } from "@/lib/admin-import/columns";
import { decodeText, detectKind } from "@/lib/admin-import/decode";
import { readTable } from "@/lib/admin-import/read-table";
import { importTemplateCsv } from "@/lib/admin-import/template";
import { MAX_IMPORT_ROWS, parseHireDate, validateTable } from "@/lib/admin-import/validate";

const BRANCHES: ImportBranch[] = [
  { id: "hq", code: "HQ", active: true, names: ["总行"], namesEn: ["Head Office"] },
  {
    id: "east",
    code: "EAST",
    active: true,
    names: ["总行", "华东分行"],
    namesEn: ["Head Office", "East China Branch"],
  },
  {
    id: "ja",
    code: "EAST-JA",
    active: true,
    names: ["总行", "华东分行", "静安支行"],
    namesEn: ["Head Office", "East China Branch", "Jing'an Sub-branch"],
  },
  { id: "old", code: "OLD", active: false, names: ["总行", "旧网点"], namesEn: ["Head Office", "Old"] },
];

const HEADER = ["员工号", "姓名", "机构", "角色", "邮箱", "入职日期", "在职"];
const good = ["E5001", "张三", "总行/华东分行/静安支行", "学员", "zhang@bank.cn", "2026-03-01", "是"];

function validate(rows: string[][], header = HEADER) {
  return validateTable([header, ...rows], BRANCHES);
}

describe("decoding an uploaded file", () => {
  const csv = `${HEADER.join(",")}\r\n${good.join(",")}\r\n`;

  it("reads UTF-8 with and without a BOM", async () => {
    const plain = new TextEncoder().encode(csv);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    for (const bytes of [plain, withBom]) {
      expect(decodeText(bytes).encoding).toBe("utf-8");
      expect(await readTable(bytes)).toEqual([HEADER, good]);
    }
  });

  it("reads GBK as Chinese Excel saves it", async () => {
    const gbk = new Uint8Array(iconv.encode(csv, "gbk"));
    expect(decodeText(gbk).encoding).toBe("gb18030");
    expect(await readTable(gbk)).toEqual([HEADER, good]);
  });

  it("reads semicolon- and tab-separated exports", async () => {
    const semi = new TextEncoder().encode(`${HEADER.join(";")}\n${good.join(";")}\n`);
    expect(await readTable(semi)).toEqual([HEADER, good]);
  });

  it("reads the first sheet of an XLSX file, dates and links included", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("员工");
    ws.addRow(HEADER);
    ws.addRow([
      "E5001",
      "张三",
      "总行/华东分行/静安支行",
      "学员",
      { text: "zhang@bank.cn", hyperlink: "mailto:zhang@bank.cn" },
      new Date(Date.UTC(2026, 2, 1)),
      "是",
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(detectKind(bytes)).toBe("xlsx");
    expect(await readTable(bytes)).toEqual([HEADER, good]);
  });

  it("offers a template in each language that validates cleanly", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const table = await readTable(new TextEncoder().encode(importTemplateCsv(locale)));
      const result = validateTable(table, [
        ...BRANCHES,
        { id: "pd", code: "EAST-PD", active: true, names: ["总行", "华东分行", "浦东支行"], namesEn: [] },
      ]);
      expect(result.problems).toEqual([]);
      expect(result.rows.map((r) => r.errors)).toEqual([[], []]);
    }
  });
});

describe("headers", () => {
  it("accepts Chinese and English names, any case and spacing", () => {
    expect(mapHeaders(["Employee No", "NAME", "branch", "Role", "E-mail", "hire_date", "Active"])).toEqual([
      "employeeNo",
      "name",
      "branch",
      "role",
      "email",
      "hireDate",
      "active",
    ]);
    expect(mapHeaders(["工号", "姓名（必填）", "备注"])).toEqual(["employeeNo", "name", undefined]);
  });

  it("reports missing columns for the whole file", () => {
    expect(
      validateTable(
        [
          ["员工号", "姓名"],
          ["E1", "张三"],
        ],
        BRANCHES,
      ).problems,
    ).toEqual([{ code: "missing_columns", columns: ["branch", "role", "hireDate"] }]);
  });

  it("reports an empty file and too many rows", () => {
    expect(validateTable([], BRANCHES).problems).toEqual([{ code: "empty" }]);
    expect(validate([]).problems).toEqual([{ code: "empty" }]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`E${i}`, ...good.slice(1)]);
    expect(validate(many).problems[0]).toMatchObject({ code: "too_many_rows" });
  });
});

describe("row validation", () => {
  it("accepts a good row and normalises it", () => {
    const { rows } = validate([["E5001", "张三", "east-ja", "Learner", "Zhang@Bank.CN", "2026/3/1", ""]]);
    expect(rows[0]?.errors).toEqual([]);
    expect(rows[0]?.record).toEqual({
      employeeNo: "E5001",
      name: "张三",
      branchId: "ja",
      role: "learner",
      email: "zhang@bank.cn",
      hireDate: "2026-03-01",
      active: true,
    });
    expect(rows[0]?.line).toBe(2);
  });

  const cases: [string, string[], string, string][] = [
    ["missing value", ["", "张三", "HQ", "学员", "", "2026-03-01", "是"], "employeeNo", "missing_value"],
    [
      "bad employee number",
      ["E 1", "张三", "HQ", "学员", "", "2026-03-01", "是"],
      "employeeNo",
      "bad_employee_no",
    ],
    [
      "unknown branch",
      ["E1", "张三", "总行/华北分行", "学员", "", "2026-03-01", "是"],
      "branch",
      "unknown_branch",
    ],
    ["inactive branch", ["E1", "张三", "OLD", "学员", "", "2026-03-01", "是"], "branch", "inactive_branch"],
    ["invalid role", ["E1", "张三", "HQ", "行长", "", "2026-03-01", "是"], "role", "invalid_role"],
    ["invalid email", ["E1", "张三", "HQ", "学员", "zhang@", "2026-03-01", "是"], "email", "invalid_email"],
    ["bad date", ["E1", "张三", "HQ", "学员", "", "2026-02-30", "是"], "hireDate", "bad_date"],
    ["bad active flag", ["E1", "张三", "HQ", "学员", "", "2026-03-01", "也许"], "active", "invalid_active"],
  ];
  for (const [what, row, field, code] of cases) {
    it(`reports ${what}`, () => {
      const [result] = validate([row]).rows;
      expect(result?.record).toBeNull();
      expect(result?.errors).toContainEqual(expect.objectContaining({ field, code }));
    });
  }

  it("reports every occurrence of a duplicate employee number with the other lines", () => {
    const { rows } = validate([good, ["E5002", ...good.slice(1)], ["e5001", ...good.slice(1)]]);
    expect(rows[0]?.errors).toEqual([{ field: "employeeNo", code: "duplicate_in_file", detail: "4" }]);
    expect(rows[2]?.errors).toEqual([{ field: "employeeNo", code: "duplicate_in_file", detail: "2" }]);
    expect(rows[1]?.record).not.toBeNull();
  });

  it("skips blank lines but keeps spreadsheet line numbers", () => {
    const { rows } = validate([good, ["", "", ""], ["E5002", ...good.slice(1)]]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it("reads hire dates in the forms HR exports use", () => {
    expect(parseHireDate("2026年3月1日")).toBe("2026-03-01");
    expect(parseHireDate("20260301")).toBe("2026-03-01");
    expect(parseHireDate("2026.03.01")).toBe("2026-03-01");
    expect(parseHireDate("01/03/2026")).toBeNull();
    expect(parseHireDate("1900-01-01")).toBeNull();
  });
});

describe("branch paths", () => {
  const resolve = branchResolver(BRANCHES);
  it("finds a branch by code or by its full path in either language", () => {
    expect(resolve("EAST-JA")).toEqual({ branch: BRANCHES[2] });
    expect(resolve(" 总行 / 华东分行 / 静安支行 ")).toEqual({ branch: BRANCHES[2] });
    expect(resolve("总行／华东分行")).toEqual({ branch: BRANCHES[1] });
    expect(resolve("/总行/华东分行/静安支行/")).toEqual({ branch: BRANCHES[2] });
    expect(resolve("Head Office/East China Branch")).toEqual({ branch: BRANCHES[1] });
  });
  it("does not guess from a partial path or a bare name of a deeper branch", () => {
    expect(resolve("华东分行/静安支行")).toEqual({ problem: "unknown_branch" });
    expect(resolve("静安支行")).toEqual({ problem: "unknown_branch" });
  });
});

describe("CSV exports", () => {
  it("neutralises cells Excel would run as formulas", async () => {
    const { neutralise } = await import("@/lib/csv/csv");
    expect(neutralise('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralise("@cmd")).toBe("'@cmd");
    expect(neutralise("＠cmd")).toBe("'＠cmd");
    expect(neutralise("张三")).toBe("张三");
  });
});
