import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { parseAuditFilters } from "@/lib/audit/filters";
import { formatDateTime } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";
import { AuditEntries } from "./audit-entries";
import { auditView } from "./audit-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireArea("admin");
  const s = await searchParams;
  const get = (k: string) => (typeof s[k] === "string" ? (s[k] as string) : undefined);
  const filters = parseAuditFilters(get);
  const page = Math.max(1, Number(get("page")) || 1);
  const locale = toLocale(await getLocale());
  const [t, actions, { rows, hasMore }] = await Promise.all([
    getTranslations("adminAudit"),
    listAuditActions(),
    listAuditEntries({ filters, page }),
  ]);
  const entries = await auditView(rows, locale);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const pageLink = (p: number) => `/admin/audit?${new URLSearchParams([...query, ["page", String(p)]])}`;
  const label = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")}>
        <a href={`/api/admin/audit?${query}`} className={buttonClass()} download>
          {t("export")}
        </a>
      </PageHeader>
      <form
        method="get"
        className="mb-6 grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
      >
        <Select
          id="action"
          label={t("filters.action")}
          name="action"
          defaultValue={filters.action ?? ""}
          options={actions.map((a) => ({ value: a, label: label(a) }))}
          className="lg:col-span-2"
          any={t("filters.any")}
        />
        <Field
          id="actor"
          label={t("filters.actor")}
          name="actor"
          defaultValue={filters.actor}
          maxLength={32}
        />
        <Field
          id="target"
          label={t("filters.target")}
          name="target"
          defaultValue={filters.target}
          maxLength={64}
        />
        <Field id="from" label={t("filters.from")} name="from" type="date" defaultValue={filters.from} />
        <Field id="to" label={t("filters.to")} name="to" type="date" defaultValue={filters.to} />
        <div className="flex gap-3 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={buttonClass("dark")}>
            {t("filters.apply")}
          </button>
          <Link href="/admin/audit" className="rounded-md px-4 py-2 font-medium text-brand-700 underline">
            {t("filters.clear")}
          </Link>
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-600">{t("readOnly")}</p>
      {entries.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <AuditEntries
          entries={entries}
          when={(d) => formatDateTime(d, locale, { seconds: true })}
          labels={{
            ...(Object.fromEntries(
              (["when", "who", "what", "target", "before", "after"] as const).map((c) => [
                c,
                t(`columns.${c}`),
              ]),
            ) as Record<"when" | "who" | "what" | "target" | "before" | "after", string>),
            caption: t("title"),
            colon: locale === "en" ? ": " : "：",
          }}
        />
      )}
      {(page > 1 || hasMore) && (
        <nav aria-label={t("pages")} className="mt-3 flex gap-4 text-sm">
          {page > 1 && (
            <Link href={pageLink(page - 1)} className="text-brand-700 underline">
              {t("newer")}
            </Link>
          )}
          {hasMore && (
            <Link href={pageLink(page + 1)} className="text-brand-700 underline">
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
