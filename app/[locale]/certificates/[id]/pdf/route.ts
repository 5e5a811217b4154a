import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getCurrentUser, toViewer } from "@/app/[locale]/(auth)/session";
import { getCertificateWithHolder } from "@/db/queries/certificates";
import { canViewUser } from "@/lib/auth/scope";
import { certificateIssuer } from "@/lib/certificate-pdf/issuer";
import { type CertificatePdfLabels, renderCertificatePdf } from "@/lib/certificate-pdf/render";
import { findCertification } from "@/lib/certification/catalog";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { publicUrl } from "@/lib/http/public-url";
import { formatDate } from "@/lib/i18n/dates";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";

const LABELS = [
  "intro",
  "employeeNo",
  "branch",
  "certification",
  "issuedAt",
  "expiresAt",
  "code",
  "verifyHint",
  "revoked",
] as const;

/** The certificate as a PDF, in the viewer's language, for the holder, their managers and admins. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  return handleRoute(request, async () => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized:session");
    const { id, locale: segment } = await params;
    const notFound = new AppError("not_found:certificate");
    if (!z.uuid().safeParse(id).success) throw notFound;
    const found = await getCertificateWithHolder({ id });
    // Someone else's certificate outside the viewer's scope looks exactly like a missing one.
    if (
      !found ||
      !canViewUser(toViewer(user), { id: found.certificate.userId, branchPath: found.branchPath })
    ) {
      throw notFound;
    }
    const definition = findCertification(found.certificate.certificationId);
    if (!definition) throw notFound;

    const locale = toLocale(segment);
    const t = await getTranslations({ locale, namespace: "certificates.pdf" });
    const labels = Object.fromEntries(LABELS.map((k) => [k, t(k)])) as Omit<
      CertificatePdfLabels,
      "title" | "signatory"
    >;
    const issuerText = await getTranslations({ locale, namespace: "certificatePdf" });
    const date = (d: Date) => formatDate(d, locale, "long");
    const { certificate } = found;
    const pdf = await renderCertificatePdf({
      labels: {
        ...labels,
        title: t("title", { name: definition.name[locale] }),
        signatory: issuerText("signatory"),
      },
      holderName: found.holderName,
      employeeNo: found.employeeNo,
      branchName: localName(found, locale, "branchName"),
      certificationName: definition.name[locale],
      issuedOn: date(certificate.issuedAt),
      expiresOn: date(certificate.expiresAt),
      code: certificate.code,
      verifyUrl: publicUrl(`/verify/${certificate.code}`),
      revoked: certificate.revokedAt !== null,
      issuer: certificateIssuer(env, locale),
    });
    return new Response(pdf, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="certificate-${certificate.code}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
