import "server-only";
import { getTranslations } from "next-intl/server";
import type { AuditRow } from "@/db/queries/audit";
import { auditNames } from "@/db/queries/audit-names";
import { getCatalog } from "@/db/queries/content-catalog";
import { type AuditText, auditFields, auditRefs, auditSubject } from "@/lib/audit/display";
import type { Locale } from "@/lib/i18n/locales";
import { itemTitle } from "@/lib/training/item-title";

const ITEM_TYPES = new Set(["chapter", "scenario", "certification"]);

/**
 * A page (or an export) of audit entries as people read them: who, the action, the subject by
 * name and the labelled fields before and after, in the reader's language. One read of names.
 */
export async function auditView(rows: AuditRow[], locale: Locale) {
  const [t, page, catalog, names] = await Promise.all([
    getTranslations({ locale, namespace: "audit" }),
    getTranslations({ locale, namespace: "adminAudit" }),
    getCatalog(),
    auditNames({ refs: auditRefs(rows) }),
  ]);
  const text: AuditText = {
    locale,
    translate: (key, values) => (t.has(key) ? t(key, values) : undefined),
    itemTitle: (type, slug) =>
      ITEM_TYPES.has(type) ? itemTitle(catalog, type as "chapter", slug, locale) : slug,
    competency: (slug, id) =>
      catalog.findScenario(slug, locale)?.scenario.competencies.find((c) => c.id === id)?.label,
  };
  const action = (a: string) => (page.has(`actions.${a}`) ? page(`actions.${a}`) : a);
  const who = (r: AuditRow) =>
    r.actorEmployeeNo
      ? `${r.actorName} (${r.actorEmployeeNo})`
      : r.actorAddress
        ? page("anonymous", { address: r.actorAddress })
        : r.targetType === "employee_no"
          ? page("anonymousUnknown")
          : page("system");
  return rows.map((r) => ({
    row: r,
    who: who(r),
    action: action(r.action),
    subject: auditSubject(r, names, text),
    before: auditFields(r.before, names, text, r),
    after: auditFields(r.after, names, text, r),
  }));
}
export type AuditViewRow = Awaited<ReturnType<typeof auditView>>[number];
