import { formatDate, formatDateTime } from "../i18n/dates";
import type { Locale } from "../i18n/locales";

/**
 * How an audit entry reads for people: labelled, translated fields instead of raw JSON keys, and
 * names instead of ids. Pure: the names come from one read per page (db/queries/audit-names.ts),
 * the words from `audit.*` in the message files through `translate`.
 */
export type AuditNames = {
  /** By user id and by employee number: "王晓明 (E1001)". */
  users: Map<string, { name: string; employeeNo: string }>;
  /** By branch id and by branch code. */
  branches: Map<string, { name: string; nameEn: string; code: string }>;
  certificates: Map<string, { code: string; holder: string; employeeNo: string; certificationId: string }>;
  attempts: Map<string, { holder: string; employeeNo: string; scenarioSlug: string }>;
};

export type AuditText = {
  locale: Locale;
  /** A message under `audit.`, or undefined when there is none (unknown keys stay readable). */
  translate: (key: string, values?: Record<string, string>) => string | undefined;
  /** A chapter's, role-play's or certification's title in the reader's language (the slug if gone). */
  itemTitle: (type: string, slug: string) => string;
  /** A role-play's competency ("ownership") by its label there ("责任担当"). */
  competency: (scenarioSlug: string, id: string) => string | undefined;
};

export type AuditEntryLike = {
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
};

export type AuditField = { key: string; label: string; value: string };

export const emptyNames = (): AuditNames => ({
  users: new Map(),
  branches: new Map(),
  certificates: new Map(),
  attempts: new Map(),
});

/** The ids a page of entries needs names for, so one read fetches them all. */
export function auditRefs(rows: readonly AuditEntryLike[]) {
  const refs = {
    userIds: new Set<string>(),
    employeeNos: new Set<string>(),
    branchKeys: new Set<string>(),
    certificateIds: new Set<string>(),
    attemptIds: new Set<string>(),
  };
  for (const r of rows) {
    const id = r.targetId;
    if (id) {
      if (r.targetType === "user") refs.userIds.add(id);
      else if (r.targetType === "employee_no") refs.employeeNos.add(id);
      else if (r.targetType === "branch") refs.branchKeys.add(id);
      else if (r.targetType === "certificate") refs.certificateIds.add(id);
      else if (r.targetType === "scenario_attempt" || r.targetType === "attempt")
        refs.attemptIds.add(attemptIdOf(id));
    }
    for (const value of [r.before, r.after]) {
      if (!isRecord(value)) continue;
      for (const key of ["branch", "branchId", "parentId"] as const)
        if (typeof value[key] === "string") refs.branchKeys.add(value[key]);
      if (typeof value.userId === "string") refs.userIds.add(value.userId);
    }
  }
  return refs;
}
export type AuditRefs = ReturnType<typeof auditRefs>;

/** A review or appeal is about one step of an attempt: "<attempt id>#<step id>". */
function attemptIdOf(targetId: string): string {
  return targetId.split("#")[0] ?? targetId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const person = (p: { name: string; employeeNo: string }) => `${p.name} (${p.employeeNo})`;

/** What the entry is about, by name: a person, a branch, a certificate, a chapter, an attempt. */
export function auditSubject(entry: AuditEntryLike, names: AuditNames, text: AuditText): string {
  const id = entry.targetId ?? "";
  const kind = text.translate(`targets.${entry.targetType}`) ?? entry.targetType;
  const labelled = (name: string) => text.translate("subjectOf", { kind, name }) ?? `${kind}: ${name}`;
  switch (entry.targetType) {
    case "user": {
      const found = names.users.get(id);
      return found ? person(found) : labelled(id);
    }
    case "employee_no": {
      // Failed sign-ins: the account someone tried, which may not exist.
      const found = names.users.get(id);
      const account = found ? person(found) : id;
      return text.translate("attemptedAccount", { account }) ?? labelled(account);
    }
    case "branch": {
      const found = names.branches.get(id);
      return found ? labelled(branchName(found, text.locale)) : labelled(id);
    }
    case "certificate": {
      const found = names.certificates.get(id);
      if (!found) return labelled(id);
      const title = text.itemTitle("certification", found.certificationId);
      return `${labelled(found.code)} · ${title} · ${person({ name: found.holder, employeeNo: found.employeeNo })}`;
    }
    case "scenario_attempt":
    case "attempt": {
      const found = names.attempts.get(attemptIdOf(id));
      if (!found) return labelled(id);
      const title = text.itemTitle("scenario", found.scenarioSlug);
      return `${labelled(title)} · ${person({ name: found.holder, employeeNo: found.employeeNo })}`;
    }
    case "content": {
      const [type, slug] = id.split(":");
      if (!type || !slug) return labelled(id);
      const typeLabel = text.translate(`values.itemType.${type}`) ?? type;
      const name = text.itemTitle(type, slug);
      return text.translate("subjectOf", { kind: typeLabel, name }) ?? `${typeLabel}: ${name}`;
    }
    case "setting": {
      return labelled(text.translate(`settings.${id}`) ?? id);
    }
    default:
      return id ? labelled(id) : kind;
  }
}

/** Points are changes: +2, −6. */
function signed(n: number, locale: Locale) {
  return n.toLocaleString(locale, { signDisplay: "exceptZero" });
}

function branchName(b: { name: string; nameEn: string; code: string }, locale: Locale) {
  return `${locale === "en" ? b.nameEn : b.name} (${b.code})`;
}

const DATE_KEYS = new Set(["dueDate", "hireDate"]);
const MOMENT_KEYS = new Set(["linkExpiresAt", "lockedUntil", "expiresAt", "issuedAt"]);

/** The fields of a before or after value, labelled and in the reader's words. Unknown keys keep their name. */
export function auditFields(
  value: unknown,
  names: AuditNames,
  text: AuditText,
  entry?: Pick<AuditEntryLike, "targetType" | "targetId">,
): AuditField[] {
  if (value === null || value === undefined) return [];
  if (!isRecord(value)) return [{ key: "", label: "", value: String(value) }];
  const itemType = typeof value.itemType === "string" ? value.itemType : undefined;
  const scenarioSlug =
    entry?.targetId && (entry.targetType === "scenario_attempt" || entry.targetType === "attempt")
      ? names.attempts.get(attemptIdOf(entry.targetId))?.scenarioSlug
      : undefined;
  return Object.entries(value).map(([key, v]) => ({
    key,
    label: text.translate(`fields.${key}`) ?? key,
    value: fieldValue(key, v, { names, text, itemType, scenarioSlug }),
  }));
}

function fieldValue(
  key: string,
  value: unknown,
  ctx: { names: AuditNames; text: AuditText; itemType?: string; scenarioSlug?: string },
): string {
  const { text, names } = ctx;
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return text.translate(value ? "values.yes" : "values.no") ?? String(value);
  if (typeof value === "string") {
    if (key === "branch" || key === "branchId" || key === "parentId") {
      const found = names.branches.get(value);
      return found ? branchName(found, text.locale) : value;
    }
    if (key === "userId") {
      const found = names.users.get(value);
      return found ? person(found) : value;
    }
    if (key === "itemSlug" && ctx.itemType) return text.itemTitle(ctx.itemType, value);
    if (key === "certificationId") return text.itemTitle("certification", value);
    if (DATE_KEYS.has(key)) return formatDate(value, text.locale);
    if (MOMENT_KEYS.has(key)) return formatDateTime(value, text.locale);
    return text.translate(`values.${key}.${value}`) ?? value;
  }
  if (typeof value === "number") return value.toLocaleString(text.locale);
  if (Array.isArray(value))
    return value
      .map((v) => (typeof v === "string" ? (text.translate(`values.${key}.${v}`) ?? v) : JSON.stringify(v)))
      .join(text.locale === "en" ? ", " : "、");
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => {
        const label =
          (key === "points" && ctx.scenarioSlug ? text.competency(ctx.scenarioSlug, k) : undefined) ??
          text.translate(`values.${key}.${k}`) ??
          k;
        return `${label} ${typeof v === "number" ? signed(v, text.locale) : fieldValue(k, v, ctx)}`;
      })
      .join(text.locale === "en" ? ", " : "，");
  return String(value);
}
