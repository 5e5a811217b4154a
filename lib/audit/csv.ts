import type { AuditField } from "./display";

/** The audit export's columns, in order; their headers are `audit.csv.<column>` in the reader's language. */
export const AUDIT_CSV_COLUMNS = [
  "time",
  "actor",
  "actorEmployeeNo",
  "actorAddress",
  "action",
  "actionCode",
  "subject",
  "targetType",
  "targetId",
  "before",
  "after",
] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

export function auditCsvHeader(header: (column: AuditCsvColumn) => string): string[] {
  return AUDIT_CSV_COLUMNS.map(header);
}

/** Labelled fields in one cell: "角色：管理者；机构：浦东支行" / "Role: Manager; Branch: Pudong". */
export function fieldsCell(fields: AuditField[], english: boolean): string {
  const [colon, separator] = english ? [": ", "; "] : ["：", "；"];
  return fields.map((f) => (f.label ? `${f.label}${colon}${f.value}` : f.value)).join(separator);
}
