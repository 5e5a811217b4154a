import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CertificateStatusBadge } from "@/components/certificates/status-badge";
import { findCertificateForVerify } from "@/db/queries/certificates";
import { certificateIssuer } from "@/lib/certificate-pdf/issuer";
import { codeFromPath } from "@/lib/certification/verification-code";
import { verifyView } from "@/lib/certification/verify-view";
import { env } from "@/lib/env";
import { VERIFY_LIMITED_HEADER } from "@/lib/http/proxy-markers";
import { formatDate } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";
import { VerifyPanel } from "../verify-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title"), robots: { index: false } };
}

/**
 * Public: anyone holding a code (or scanning the QR on the PDF) can check a certificate. proxy.ts
 * counts the look-up against the address's limit and answers 429 past it (marking the request);
 * an unknown code is a 404 (not-found.tsx), so HR systems can read the answer from its status.
 */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations("verify");
  if ((await headers()).has(VERIFY_LIMITED_HEADER)) {
    return (
      <VerifyPanel title={t("title")}>
        <p role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-amber-900">
          {t("rateLimited")}
        </p>
      </VerifyPanel>
    );
  }

  const code = codeFromPath((await params).code);
  const found = code ? await findCertificateForVerify({ code }) : null;
  const view = found ? verifyView(found, new Date()) : null;
  if (!view || !code) notFound();

  const locale = toLocale(await getLocale());
  const date = (d: Date) => formatDate(d, locale);
  const issuer = await getTranslations("certificatePdf");
  const rows: [string, string][] = [
    [t("holder"), view.holder],
    [t("branch"), view.branch[locale]],
    [t("certification"), view.certification[locale]],
    [t("issuedAt"), date(view.issuedAt)],
    [t("expiresAt"), date(view.expiresAt)],
    [t("code"), code],
    [issuer("issuer"), certificateIssuer(env, locale).name],
  ];
  return (
    <VerifyPanel title={t("title")}>
      <div className="mt-4">
        <CertificateStatusBadge status={view.status} size="lg" />
        {view.status === "revoked" && view.revokedAt && (
          <p className="mt-2 text-red-800">{t("revokedOn", { date: date(view.revokedAt) })}</p>
        )}
        <p className="mt-2 text-slate-700">{t(`explain.${view.status}`)}</p>
      </div>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </VerifyPanel>
  );
}
