import { getTranslations } from "next-intl/server";
import type { CertificateStatus } from "@/lib/certification/rules";

const TONE: Record<CertificateStatus, string> = {
  valid: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  expiring: "bg-amber-100 text-amber-900 ring-amber-300",
  expired: "bg-slate-200 text-slate-800 ring-slate-300",
  revoked: "bg-red-100 text-red-900 ring-red-300",
};

export async function CertificateStatusBadge({
  status,
  size = "sm",
}: {
  status: CertificateStatus;
  size?: "sm" | "lg";
}) {
  const t = await getTranslations("certificates.status");
  const scale = size === "lg" ? "px-3 py-1 text-lg" : "px-2 py-0.5 text-sm";
  return (
    <span className={`inline-block rounded-full font-semibold ring-1 ${TONE[status]} ${scale}`}>
      {t(status)}
    </span>
  );
}
