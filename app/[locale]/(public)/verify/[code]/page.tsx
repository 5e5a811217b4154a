import type { Metadata } from "next";
import { headers } from "next/headers";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CertificateStatusBadge } from "@/components/certificates/status-badge";
import { findCertificateForVerify } from "@/db/queries/certificates";
import { hitRateLimit } from "@/db/queries/rate-limit";
import { findCertification } from "@/lib/certification/catalog";
import { maskName } from "@/lib/certification/mask-name";
import { certificateStatus } from "@/lib/certification/rules";
import { normaliseCode } from "@/lib/certification/verification-code";
import { clientIp } from "@/lib/http/client-ip";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { VerifyCodeForm } from "../verify-code-form";

const VERIFY_LIMIT = { limit: 30, windowMs: 10 * 60_000 };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title"), robots: { index: false } };
}

/** Public: anyone holding a code (or scanning the QR on the PDF) can check a certificate. */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations("verify");
  const ip = clientIp((await headers()).get("x-forwarded-for"));
  const { allowed } = await hitRateLimit({ key: `verify:${ip}`, ...VERIFY_LIMIT });
  if (!allowed) {
    return (
      <Panel title={t("title")}>
        <p role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-amber-900">
          {t("rateLimited")}
        </p>
      </Panel>
    );
  }

  const code = normaliseCode(decodeURIComponent((await params).code));
  const found = code ? await findCertificateForVerify({ code }) : null;
  const definition = found && findCertification(found.certificationId);
  if (!found || !definition || !code) {
    return (
      <Panel title={t("title")}>
        <p role="status" className="mt-3 rounded-md bg-slate-100 p-3">
          {t("notFound")}
        </p>
        <VerifyCodeForm />
      </Panel>
    );
  }

  const locale = await getLocale();
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const status = certificateStatus(definition, found, new Date());
  const rows: [string, string][] = [
    [t("holder"), maskName(found.holderName)],
    [t("branch"), localName(found, locale, "branchName")],
    [t("certification"), definition.name[toLocale(locale)]],
    [t("issuedAt"), date(found.issuedAt)],
    [t("expiresAt"), date(found.expiresAt)],
    [t("code"), code],
  ];
  return (
    <Panel title={t("title")}>
      <div className="mt-4">
        <CertificateStatusBadge status={status} size="lg" />
        {status === "revoked" && found.revokedAt && (
          <p className="mt-2 text-red-800">{t("revokedOn", { date: date(found.revokedAt) })}</p>
        )}
        <p className="mt-2 text-slate-700">{t(`explain.${status}`)}</p>
      </div>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </section>
  );
}
