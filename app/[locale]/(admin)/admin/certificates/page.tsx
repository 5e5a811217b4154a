import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { CertificateStatusBadge } from "@/components/certificates/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { searchCertificates } from "@/db/queries/certificates";
import { findCertification } from "@/lib/certification/catalog";
import { certificateStatus } from "@/lib/certification/rules";
import { formatDate } from "@/lib/i18n/dates";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { RevokeForm } from "./revoke-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminCertificates"))("title") };
}

export default async function AdminCertificates({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireArea("admin");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 60) : "";
  const [t, locale, rows] = await Promise.all([
    getTranslations("adminCertificates"),
    getLocale().then(toLocale),
    searchCertificates({ query }),
  ]);
  const date = (d: Date) => formatDate(d, locale);
  const now = new Date();

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <form method="get" className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field id="q" label={t("search")} name="q" defaultValue={query} maxLength={60} className="flex-1" />
        <button type="submit" className={buttonClass()}>
          {t("searchButton")}
        </button>
      </form>
      <Table
        caption={t("title")}
        columns={(["holder", "code", "certification", "dates", "status", "actions"] as const).map((c) =>
          t(`columns.${c}`),
        )}
        empty={t("none")}
        isEmpty={rows.length === 0}
      >
        {rows.map((r) => {
          const def = findCertification(r.certificationId);
          const status = def ? certificateStatus(def, r, now) : "valid";
          return (
            <tr key={r.id} className="align-top">
              <td className="px-3 py-2">
                <span className="font-medium">{r.holderName}</span>
                <span className="block text-slate-600">
                  {r.employeeNo} · {localName(r, locale, "branchName")}
                </span>
              </td>
              <td className="px-3 py-2 font-mono">
                <a href={`/verify/${r.code}`} className="text-brand-700 underline">
                  {r.code}
                </a>
              </td>
              <td className="px-3 py-2">
                {def?.name[toLocale(locale)] ?? r.certificationId}
                <span className="block text-slate-600">{t("cycle", { cycle: r.cycle })}</span>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {date(r.issuedAt)} – {date(r.expiresAt)}
              </td>
              <td className="px-3 py-2">
                <CertificateStatusBadge status={status} />
                {r.revokedAt && (
                  <span className="mt-1 block text-slate-700">
                    {t("revokedBecause", { date: date(r.revokedAt), reason: r.revokeReason ?? "" })}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">
                {!r.revokedAt && <RevokeForm certificateId={r.id} code={r.code} />}
              </td>
            </tr>
          );
        })}
      </Table>
    </>
  );
}
