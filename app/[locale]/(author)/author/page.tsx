import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { getCatalog } from "@/db/queries/content-catalog";
import { listContentItems } from "@/db/queries/content-list";
import { sourceTitle } from "@/lib/content/source-title";
import { formatDateTime } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";
import { inCurriculumOrder } from "@/lib/training/curriculum-order";
import { itemTitle } from "@/lib/training/item-title";
import { CreateContentForm } from "./create-content-form";

export async function generateMetadata() {
  return { title: (await getTranslations("authoring"))("title") };
}

/** Every module and scenario with its status, last editor and publish, and learners' pass rate. */
export default async function AuthorHome() {
  await requireArea("author");
  const [t, tLearn, tReview, tItems, format, locale, items, catalog] = await Promise.all([
    getTranslations("authoring"),
    getTranslations("learn"),
    getTranslations("review"),
    getTranslations("reports.items"),
    getFormatter(),
    getLocale().then(toLocale),
    listContentItems(),
    getCatalog(),
  ]);
  const rows = inCurriculumOrder(items, {
    chapters: catalog.chapterSlugs(),
    scenarios: catalog.scenarioSlugs(),
  });
  const title = (r: (typeof rows)[number]) =>
    r.publishedNumber === null
      ? (sourceTitle(r.draftZh) ?? r.slug)
      : itemTitle(catalog, r.kind, r.slug, locale);
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ul className="mb-6 space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <li>
          <Link href="/author/reviews" className="font-medium text-brand-700 underline">
            {tReview("queueLink")}
          </Link>
        </li>
        <li>
          <Link href="/reports/items" className="font-medium text-brand-700 underline">
            {tItems("authorLink")}
          </Link>
        </li>
      </ul>
      <Table
        caption={t("listCaption")}
        columns={["title", "kind", "status", "editor", "published", "passRate"].map((c) => t(`col.${c}`))}
        empty={t("empty")}
        isEmpty={rows.length === 0}
      >
        {rows.map((r) => (
          <tr key={`${r.kind}:${r.slug}`}>
            <td className="px-3 py-2">
              {r.chapterNumber !== null && (
                <span className="block text-xs text-slate-600">
                  {tLearn("chapterN", { n: r.chapterNumber })}
                </span>
              )}
              <Link
                href={`/author/${r.kind}/${r.slug}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {title(r)}
              </Link>
              <span className="block font-mono text-xs text-slate-500">{r.slug}</span>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{t(`kind.${r.kind}`)}</td>
            <td className="px-3 py-2">
              <span
                className={`rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${
                  r.publishedNumber === null
                    ? "bg-slate-100 text-slate-800"
                    : "bg-emerald-100 text-emerald-900"
                }`}
              >
                {r.publishedNumber === null ? t("status.draft") : t("status.published")}
              </span>
              {r.publishedNumber !== null && r.unpublishedChanges && (
                <span className="mt-1 block text-xs text-amber-800">{t("status.changed")}</span>
              )}
            </td>
            <td className="px-3 py-2">
              {r.editor ?? "—"}
              <span className="block text-xs text-slate-500">{date(r.editedAt)}</span>
            </td>
            <td className="px-3 py-2">
              {r.publishedNumber === null ? t("never") : t("revisionN", { n: r.publishedNumber })}
              <span className="block text-xs text-slate-500">{date(r.publishedAt)}</span>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {r.learners === 0
                ? t("noLearners")
                : t("passRate", {
                    rate: format.number(r.passed / r.learners, {
                      style: "percent",
                      maximumFractionDigits: 0,
                    }),
                    passed: r.passed,
                    learners: r.learners,
                  })}
            </td>
          </tr>
        ))}
      </Table>
      <CreateContentForm />
    </>
  );
}
