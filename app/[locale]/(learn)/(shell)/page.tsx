import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { AssignmentList } from "@/components/home/assignment-list";
import { CertificateCard } from "@/components/home/certificate-card";
import { CertificationProgress } from "@/components/home/certification-progress";
import { DailyReview } from "@/components/home/daily-review";
import { NotificationList } from "@/components/home/notification-list";
import { SearchBox } from "@/components/search/search-box";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { certificationsWaitingOnAppeal } from "@/db/queries/appeals";
import { listAssignmentsForUser } from "@/db/queries/assignments";
import { listCertificates } from "@/db/queries/certificates";
import { getCatalog } from "@/db/queries/content-catalog";
import { getChapterStandings, getLatestReading } from "@/db/queries/learning";
import { listNotifications, notificationCount, unreadCount } from "@/db/queries/notifications";
import { getScenarioStandings } from "@/db/queries/practice";
import { examStep } from "@/db/use-cases/exam-step";
import { can, homeFor } from "@/lib/auth/roles";
import { certifications } from "@/lib/certification/catalog";
import { toLocale } from "@/lib/i18n/locales";
import { itemTitle } from "@/lib/training/item-title";
import { markNotificationsRead } from "./notification-actions";

/** 我的培训: what is due, certificates, notifications, where to continue and progress towards certification. */
export default async function LearnerHome() {
  const user = await requireUser();
  if (!can(user.role, "learn")) redirect(homeFor(user.role));
  const now = new Date();
  const [
    t,
    tc,
    locale,
    chapters,
    scenarios,
    latest,
    assignments,
    held,
    notes,
    unread,
    total,
    catalog,
    waiting,
  ] = await Promise.all([
    getTranslations("home.learner"),
    getTranslations("certificates"),
    getLocale().then(toLocale),
    getChapterStandings({ userId: user.id }),
    getScenarioStandings({ userId: user.id }),
    getLatestReading({ userId: user.id }),
    listAssignmentsForUser({ userId: user.id, now }),
    listCertificates({ userId: user.id }),
    listNotifications({ userId: user.id, limit: 8 }),
    unreadCount({ userId: user.id }),
    notificationCount({ userId: user.id }),
    getCatalog(),
    certificationsWaitingOnAppeal({ userId: user.id, now }),
  ]);
  const slugs = catalog.chapterSlugs();
  const relearn = slugs.filter((s) => chapters.get(s)?.relearn);
  const resume = latest && !chapters.get(latest.moduleSlug)?.passed ? latest.moduleSlug : null;
  const next = resume ?? slugs.find((s) => !chapters.get(s)?.passed) ?? slugs[0] ?? "";
  const defs = certifications();
  const newest = defs.flatMap((def) => {
    const certificate = held.find((c) => c.certificationId === def.id);
    return certificate ? [{ def, certificate }] : [];
  });
  const passed = slugs.filter((s) => chapters.get(s)?.passed).length;
  const exams = await Promise.all(defs.map((def) => examStep({ userId: user.id, def, now })));

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro", { name: user.name })}>
        <div className="w-full space-y-2 sm:w-80">
          <p className="text-sm text-slate-700">
            {t("chapters")} · {t("passedOf", { passed, total: slugs.length })}
          </p>
          <SearchBox />
        </div>
      </PageHeader>
      <section
        aria-labelledby="continue-title"
        className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4"
      >
        <h2 id="continue-title" className="text-lg font-semibold">
          {t("continueTitle")}
        </h2>
        {passed === slugs.length ? (
          <p className="mt-1">
            {t("allPassed")}{" "}
            <Link href="/learn" className="font-medium text-brand-700 underline">
              {t("review")}
            </Link>
          </p>
        ) : (
          <Link href={`/learn/${next}`} className="mt-1 inline-block font-medium text-brand-700 underline">
            {resume
              ? t("continue", { title: itemTitle(catalog, "chapter", resume, locale) })
              : t("startFirst", {
                  n: slugs.indexOf(next) + 1,
                  title: itemTitle(catalog, "chapter", next, locale),
                })}
          </Link>
        )}
      </section>
      {relearn.length > 0 && (
        <section
          aria-labelledby="relearn-title"
          className="mb-6 rounded-lg border border-orange-300 bg-orange-50 p-4"
        >
          <h2 id="relearn-title" className="text-lg font-semibold">
            {t("relearnTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("relearnIntro")}</p>
          <ul className="mt-2 list-disc pl-5">
            {relearn.map((slug) => (
              <li key={slug}>
                <Link href={`/learn/${slug}`} className="font-medium text-brand-700 underline">
                  {itemTitle(catalog, "chapter", slug, locale)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid gap-x-6 lg:grid-cols-[3fr_2fr]">
        <div>
          <DailyReview />
          <AssignmentList items={assignments} locale={locale} />
          {defs.map((def, i) => (
            <CertificationProgress
              key={def.id}
              definition={def}
              chapters={chapters}
              scenarios={scenarios}
              waiting={waiting.some((w) => w.id === def.id)}
              exam={exams[i] ?? null}
              locale={locale}
            />
          ))}
        </div>
        <div>
          <section aria-labelledby="certificates-title" className="mb-6">
            <h2 id="certificates-title" className="mb-2 text-lg font-semibold">
              {tc("title")}
            </h2>
            {newest.length === 0 ? (
              <EmptyState compact>{tc("none")}</EmptyState>
            ) : (
              newest.map(({ def, certificate }) => (
                <CertificateCard
                  key={certificate.id}
                  certificate={certificate}
                  definition={def}
                  locale={locale}
                  renewalChapterTitle={itemTitle(catalog, "chapter", def.renewal.chapters[0] ?? "", locale)}
                  now={now}
                />
              ))
            )}
            {held.length > 0 && (
              <Link href="/me/certificates" className="mt-2 inline-block text-sm text-brand-700 underline">
                {tc("history")}
              </Link>
            )}
          </section>
          <NotificationList
            markRead={markNotificationsRead}
            items={notes}
            unread={unread}
            total={total}
            locale={locale}
            completed={
              new Set(
                assignments.filter((a) => a.status === "completed").map((a) => `${a.itemType}:${a.itemSlug}`),
              )
            }
          />
        </div>
      </div>
    </>
  );
}
