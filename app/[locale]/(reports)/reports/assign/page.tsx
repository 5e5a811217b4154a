import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea, toViewer } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { listBranchesUnder } from "@/db/queries/branches";
import { getCatalog } from "@/db/queries/content-catalog";
import { scopeOf } from "@/lib/auth/scope";
import { certifications } from "@/lib/certification/catalog";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { bankDate } from "@/lib/training/assignment-status";
import { itemTitle } from "@/lib/training/item-title";
import { AssignForm } from "./assign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assign"))("title") };
}

/** `?employeeNo=` (from a person page) starts the form on that one person. */
export default async function AssignPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { employeeNo } = await searchParams;
  const user = await requireArea("reports");
  const scope = scopeOf(toViewer(user));
  if (!scope) notFound();
  const [t, locale, branches] = await Promise.all([
    getTranslations("assign"),
    getLocale().then(toLocale),
    listBranchesUnder({ path: scope }),
  ]);
  const catalog = await getCatalog();
  const depth = (path: string) => path.split("/").filter(Boolean).length;
  const top = Math.min(...branches.map((b) => depth(b.path)));
  const groups = [
    { type: "chapter" as const, slugs: catalog.chapterSlugs() },
    { type: "scenario" as const, slugs: catalog.scenarioSlugs() },
    { type: "certification" as const, slugs: certifications().map((c) => c.id) },
  ].map((g) => ({
    label: t(`groups.${g.type}`),
    options: g.slugs.map((slug) => ({
      value: `${g.type}:${slug}`,
      label: itemTitle(catalog, g.type, slug, locale),
    })),
  }));
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <AssignForm
        items={groups}
        branches={branches.map((b) => ({
          id: b.id,
          label: `${"　".repeat(depth(b.path) - top)}${localName(b, locale)}`,
        }))}
        minDate={bankDate(new Date())}
        employeeNo={typeof employeeNo === "string" ? employeeNo.slice(0, 32) : undefined}
      />
    </>
  );
}
