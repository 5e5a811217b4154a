import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { CertificateStatusBadge } from "@/components/certificates/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listCertificates } from "@/db/queries/certificates";
import { findCertification } from "@/lib/certification/catalog";
import { certificateStatus } from "@/lib/certification/rules";
import { formatDate } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("certificates"))("title") };
}

/** Every certificate cycle the learner has held, newest first, each with its PDF and verify page. */
export default async function MyCertificates() {
  const user = await requireArea("learn");
  const [t, locale, rows] = await Promise.all([
    getTranslations("certificates"),
    getLocale().then(toLocale),
    listCertificates({ userId: user.id }),
  ]);
  const date = (d: Date) => formatDate(d, locale);
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} />
      {rows.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((c) => {
            const def = findCertification(c.certificationId);
            return (
              <li key={c.id} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">
                    {def?.name[locale] ?? c.certificationId} · {t("cycle", { cycle: c.cycle })}
                  </h2>
                  {def && <CertificateStatusBadge status={certificateStatus(def, c, now)} />}
                </div>
                <p className="mt-1 text-sm text-slate-700">
                  {t(`kind.${c.kind}`)} · {t("issuedOn", { date: date(c.issuedAt) })} ·{" "}
                  {t("validUntil", { date: date(c.expiresAt) })} · <span className="font-mono">{c.code}</span>
                </p>
                <div className="mt-2 flex gap-4 text-sm">
                  <a
                    href={`/certificates/${c.id}/pdf`}
                    className="font-medium text-brand-700 underline"
                    download
                  >
                    {t("download")}
                  </a>
                  <a href={`/verify/${c.code}`} className="font-medium text-brand-700 underline">
                    {t("verifyLink")}
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
