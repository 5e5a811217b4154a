import { getTranslations } from "next-intl/server";
import { CertificateStatusBadge } from "@/components/certificates/status-badge";
import { Link } from "@/components/ui/link";
import type { CertificateRow } from "@/db/schema";
import type { Certification } from "@/lib/certification/definition";
import { certificateStatus } from "@/lib/certification/rules";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";

/** The newest certificate of one certification: status, dates, code, the PDF and the verify page. */
export async function CertificateCard({
  certificate,
  definition,
  locale,
  renewalChapterTitle,
  now,
}: {
  certificate: CertificateRow;
  definition: Certification;
  locale: Locale;
  renewalChapterTitle: string;
  now: Date;
}) {
  const t = await getTranslations("certificates");
  const date = (d: Date) => formatDate(d, locale);
  const status = certificateStatus(definition, certificate, now);
  const complaintMin = definition.renewal.scenarios[0]?.minPercent ?? 80;
  return (
    <article className="rounded-lg border border-emerald-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{definition.name[locale]}</h3>
        <CertificateStatusBadge status={status} />
      </div>
      <p className="text-sm text-slate-600">
        {t(`kind.${certificate.kind}`)} · {t("cycle", { cycle: certificate.cycle })}
      </p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("pdf.issuedAt")}</dt>
        <dd>{date(certificate.issuedAt)}</dd>
        <dt className="text-slate-600">{t("pdf.expiresAt")}</dt>
        <dd>{date(certificate.expiresAt)}</dd>
        <dt className="text-slate-600">{t("pdf.code")}</dt>
        <dd className="font-mono tracking-wider">{certificate.code}</dd>
      </dl>
      {status === "expiring" && (
        <p className="mt-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          {t("renewalOpen", {
            chapter: renewalChapterTitle,
            min: complaintMin,
            date: date(certificate.expiresAt),
          })}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-4 text-sm">
        <a
          href={`/certificates/${certificate.id}/pdf`}
          className="font-medium text-brand-700 underline"
          download
        >
          {t("download")}
        </a>
        <Link href={`/verify/${certificate.code}`} className="font-medium text-brand-700 underline">
          {t("verifyLink")}
        </Link>
      </div>
    </article>
  );
}
