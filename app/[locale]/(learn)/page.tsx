import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { can, homeFor } from "@/lib/auth/roles";

export default async function LearnerHome() {
  const user = await requireUser();
  if (!can(user.role, "learn")) redirect(homeFor(user.role));
  const t = await getTranslations("home");
  return (
    <>
      <PageHeader title={t("learner.title")} intro={t("learner.intro", { name: user.name })} />
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
        <Link href="/learn" className="font-medium text-brand-700 underline">
          {t("comingSoon")}
        </Link>
      </p>
    </>
  );
}
