import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

/** The certificate a role-play result earned: what it is, its PDF and the learner's certificate page. */
export function CertificatePanel({
  certificateId,
  name,
  onDecision,
}: {
  certificateId: string;
  name: string;
  onDecision: boolean;
}) {
  const t = useTranslations("practice.result.certificate");
  return (
    <section
      aria-labelledby="certificate-earned"
      className="mt-4 rounded-lg border-2 border-emerald-600 bg-emerald-50 p-4"
    >
      <h2 id="certificate-earned" className="text-lg font-semibold text-emerald-950">
        {t("title")}
      </h2>
      <p className="mt-1 text-emerald-950">{t(onDecision ? "onDecision" : "earned", { name })}</p>
      <p className="mt-3 flex flex-wrap items-center gap-4">
        <a href={`/certificates/${certificateId}/pdf`} download className={buttonClass("primary")}>
          {t("download")}
        </a>
        <Link href="/me/certificates" className="text-brand-700 underline">
          {t("page")}
        </Link>
      </p>
    </section>
  );
}
