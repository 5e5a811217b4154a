import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { ExamRunner } from "@/components/exam/exam-runner";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { findCertification } from "@/lib/certification/catalog";
import { toLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ certification: string }> };

export async function generateMetadata({ params }: Props) {
  const def = findCertification((await params).certification);
  const t = await getTranslations("exam");
  return { title: def ? t("title", { name: def.name[toLocale(await getLocale())] }) : undefined };
}

/**
 * The certification exam. The page itself only frames it: the runner asks the server for the
 * learner's attempt, which holds the questions, the deadline and the saved answers.
 */
export default async function ExamPage({ params }: Props) {
  await requireArea("learn");
  const def = findCertification((await params).certification);
  if (!def?.exam) notFound();
  const [t, th, locale] = await Promise.all([
    getTranslations("exam"),
    getTranslations("home.learner"),
    getLocale().then(toLocale),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/#certification" className="text-sm text-brand-700 hover:underline">
        ← {th("title")}
      </Link>
      <PageHeader title={t("title", { name: def.name[locale] })} intro={t("intro")} />
      <ExamRunner certificationId={def.id} />
    </div>
  );
}
