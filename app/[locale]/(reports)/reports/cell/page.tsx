import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea, toViewer } from "@/app/[locale]/(auth)/session";
import { BranchTrail } from "@/components/reports/branch-trail";
import { ReportNav } from "@/components/reports/report-nav";
import { PageHeader } from "@/components/shell/page-header";
import { getCatalog } from "@/db/queries/content-catalog";
import { listItemPeople } from "@/db/queries/report-item-people";
import { findBranchInScope, listBranchTrail, reportCertification } from "@/db/queries/reports";
import { scopeOf } from "@/lib/auth/scope";
import { findCertification } from "@/lib/certification/catalog";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { formatPercent } from "@/lib/reports/rates";
import { needsTraining, parseSubject } from "@/lib/reports/subject";
import { bankDate } from "@/lib/training/assignment-status";
import { itemTitle } from "@/lib/training/item-title";
import { AssignSelection } from "./assign-selection";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.cell"))("metaTitle") };
}

/** The people behind one report cell (a branch × a chapter, role-play or skill), weakest first. */
export default async function CellPage({ searchParams }: { searchParams: Search }) {
  const user = await requireArea("reports");
  const scope = scopeOf(toViewer(user));
  if (!scope) notFound();
  const params = await searchParams;
  const [t, tReports, locale, catalog] = await Promise.all([
    getTranslations("reports.cell"),
    getTranslations("reports"),
    getLocale().then(toLocale),
    getCatalog(),
  ]);
  const branchId = typeof params.branch === "string" ? params.branch : "";
  const key = typeof params.subject === "string" ? params.subject : "";
  const own = params.own === "1";
  const branch = branchId ? await findBranchInScope({ id: branchId, scope }) : null;
  const subject = parseSubject(key, catalog, findCertification(reportCertification().id));
  if (!branch || !subject) notFound();

  const [people, trail] = await Promise.all([
    listItemPeople({ scope, branchPath: branch.path, own, subject }),
    listBranchTrail({ path: branch.path, scope }),
  ]);
  const training = itemTitle(catalog, subject.assignType, subject.assignSlug, locale);
  const skill = subject.competency
    ? catalog
        .findScenario(subject.assignSlug, locale)
        ?.scenario.competencies.find((c) => c.id === subject.competency)?.label
    : undefined;
  const what = skill ? `${training} · ${skill}` : training;
  const branchName = localName(branch, locale);
  const where = own ? t("ownStaff", { branch: branchName }) : branchName;
  const rule = subject.minPercent === null ? t("ruleChapter") : t("ruleScore", { min: subject.minPercent });

  return (
    <>
      <BranchTrail trail={trail} locale={locale} linkLast tail={what} />
      <PageHeader title={t("title", { what, where })} intro={`${t("intro")} ${rule}`} />
      <ReportNav current="overview" />
      <AssignSelection
        branchId={branch.id}
        itemType={subject.assignType}
        itemSlug={subject.assignSlug}
        minDate={bankDate(new Date())}
        people={people.map((p) => ({
          id: p.id,
          name: p.name,
          employeeNo: p.employeeNo,
          branch: localName(p, locale, "branchName"),
          score: formatPercent(p.bestPercent, locale),
          passed: p.passed,
          attempts: p.attempts,
          below: needsTraining(subject, p),
        }))}
        labels={{
          caption: t("caption", { what, where }),
          name: t("name"),
          employeeNo: t("employeeNo"),
          branch: t("branch"),
          score: t("score"),
          attempts: t("attempts"),
          state: t("state"),
          below: t("below"),
          ok: t("ok"),
          select: t("select"),
          empty: t("empty"),
          submit: t("submit", { training }),
          selectBelow: t("selectBelow"),
          selectNone: t("selectNone"),
          scrollHint: tReports("scrollHint"),
        }}
      />
    </>
  );
}
