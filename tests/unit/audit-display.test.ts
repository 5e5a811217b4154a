import { describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, auditCsvHeader, fieldsCell } from "@/lib/audit/csv";
import { type AuditText, auditFields, auditRefs, auditSubject, emptyNames } from "@/lib/audit/display";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/** The message files' `audit` block, looked up as next-intl does (nested keys, {placeholders}). */
function text(locale: Locale): AuditText {
  const messages = (locale === "en" ? en : zh).audit as Record<string, unknown>;
  return {
    locale,
    translate: (key, values = {}) => {
      let node: unknown = messages;
      for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
      return typeof node === "string"
        ? node.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "")
        : undefined;
    },
    itemTitle: (type, slug) => (type === "chapter" && slug === "greeting" ? "迎宾问候" : slug),
    competency: (slug, id) => (slug === "complaint" && id === "ownership" ? "责任担当" : undefined),
  };
}

const names = emptyNames();
names.users.set("u-1", { name: "钱多", employeeNo: "E7002" });
names.users.set("E1001", { name: "王晓明", employeeNo: "E1001" });
names.branches.set("EAST-PD", { name: "浦东支行", nameEn: "Pudong Sub-branch", code: "EAST-PD" });
names.branches.set("br-east", { name: "华东分行", nameEn: "East China Branch", code: "EAST" });
names.attempts.set("a-1", { holder: "王晓明", employeeNo: "E1001", scenarioSlug: "complaint" });

const entry = (over: Partial<Parameters<typeof auditSubject>[0]>) => ({
  action: "user.update",
  targetType: "user",
  targetId: "u-1",
  before: null,
  after: null,
  ...over,
});

describe("auditFields", () => {
  it("labels the fields and translates their values in both languages", () => {
    const after = { employeeNo: "E7002", role: "manager", branch: "EAST-PD", active: true, via: "import" };
    expect(auditFields(after, names, text("zh-CN"))).toEqual([
      { key: "employeeNo", label: "员工号", value: "E7002" },
      { key: "role", label: "角色", value: "管理者" },
      { key: "branch", label: "机构", value: "浦东支行 (EAST-PD)" },
      { key: "active", label: "在职", value: "是" },
      { key: "via", label: "方式", value: "批量导入" },
    ]);
    expect(auditFields(after, names, text("en")).map((f) => `${f.label}: ${f.value}`)).toEqual([
      "Employee no.: E7002",
      "Role: Manager",
      "Branch: Pudong Sub-branch (EAST-PD)",
      "Active: Yes",
      "Through: Employee import",
    ]);
  });

  it("names a role-play's competencies and signs the points", () => {
    const e = entry({ targetType: "scenario_attempt", targetId: "a-1#arrive" });
    const [points] = auditFields({ points: { ownership: -6, composure: 2 } }, names, text("zh-CN"), e);
    expect(points).toEqual({ key: "points", label: "得分", value: "责任担当 -6，composure +2" });
  });

  it("writes dates on the bank's calendar and item slugs as titles", () => {
    const fields = auditFields(
      {
        itemType: "chapter",
        itemSlug: "greeting",
        dueDate: "2026-12-22",
        lockedUntil: "2026-12-01T20:05:00Z",
      },
      names,
      text("zh-CN"),
    );
    expect(fields.map((f) => f.value)).toEqual(["章节", "迎宾问候", "2026年12月22日", "2026年12月2日 04:05"]);
  });

  it("keeps unknown keys readable under their own name", () => {
    expect(auditFields({ somethingNew: "x", nested: { a: 1 } }, names, text("en"))).toEqual([
      { key: "somethingNew", label: "somethingNew", value: "x" },
      { key: "nested", label: "nested", value: "a +1" },
    ]);
    expect(auditFields(null, names, text("en"))).toEqual([]);
  });
});

describe("auditSubject", () => {
  it("names people, branches and role-play attempts instead of ids", () => {
    expect(auditSubject(entry({}), names, text("zh-CN"))).toBe("钱多 (E7002)");
    expect(auditSubject(entry({ targetType: "branch", targetId: "br-east" }), names, text("en"))).toBe(
      "Branch: East China Branch (EAST)",
    );
    expect(
      auditSubject(entry({ targetType: "scenario_attempt", targetId: "a-1#arrive" }), names, text("zh-CN")),
    ).toBe("演练记录：complaint · 王晓明 (E1001)");
    expect(
      auditSubject(entry({ targetType: "content", targetId: "chapter:greeting" }), names, text("zh-CN")),
    ).toBe("章节：迎宾问候");
  });

  it("shows a failed sign-in's account as the one attempted, known or not", () => {
    const failed = entry({ action: "auth.signin_failed", targetType: "employee_no", targetId: "E1001" });
    expect(auditSubject(failed, names, text("en"))).toBe("Attempted account 王晓明 (E1001)");
    expect(auditSubject({ ...failed, targetId: "E9999" }, names, text("zh-CN"))).toBe(
      "尝试登录的账户：E9999",
    );
  });

  it("keeps an unknown subject's type and id", () => {
    expect(auditSubject(entry({ targetId: "gone" }), names, text("en"))).toBe("Person: gone");
    expect(auditSubject(entry({ targetType: "widget", targetId: "w1" }), names, text("en"))).toBe(
      "widget: w1",
    );
  });
});

describe("auditRefs", () => {
  it("collects each id a page needs once, by kind", () => {
    const refs = auditRefs([
      entry({ after: { branch: "EAST-PD" }, before: { branch: "EAST-JA" } }),
      entry({ targetType: "employee_no", targetId: "E1001" }),
      entry({ targetType: "scenario_attempt", targetId: "a-1#s1" }),
      entry({ targetType: "scenario_attempt", targetId: "a-1#s2" }),
    ]);
    expect(refs.userIds).toEqual(new Set(["u-1"]));
    expect(refs.employeeNos).toEqual(new Set(["E1001"]));
    expect(refs.branchKeys).toEqual(new Set(["EAST-PD", "EAST-JA"]));
    expect(refs.attemptIds).toEqual(new Set(["a-1"]));
  });
});

describe("the audit CSV", () => {
  const header = (locale: Locale) => auditCsvHeader((c) => text(locale).translate(`csv.${c}`) ?? c);

  it("has headers in the viewer's language, naming Beijing time", () => {
    expect(header("zh-CN")[0]).toBe("时间（北京时间）");
    expect(header("en")[0]).toBe("Time (Beijing time)");
    expect(header("zh-CN")).toContain("修改后");
    expect(header("en")).toContain("After");
  });

  it("translates every column in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const t = text(locale);
      for (const c of AUDIT_CSV_COLUMNS) expect(t.translate(`csv.${c}`), `${locale} ${c}`).toBeTruthy();
    }
  });

  it("writes labelled fields into one cell", () => {
    const fields = auditFields({ role: "manager", branch: "EAST-PD" }, names, text("zh-CN"));
    expect(fieldsCell(fields, false)).toBe("角色：管理者；机构：浦东支行 (EAST-PD)");
  });
});
