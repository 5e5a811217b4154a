import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { ContentEditor } from "@/components/author/content-editor";
import { RollbackButton } from "@/components/author/rollback-button";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { getContentItem } from "@/db/queries/content-authoring";
import { itemParams } from "@/lib/authoring/item-params";
import { sourceTitle } from "@/lib/content/source-title";
import { formatDateTime } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ kind: string; slug: string }> };

/** Edit one module or scenario: the editor with live preview, then its revision history. */
export default async function EditContentPage({ params }: Props) {
  await requireArea("author");
  const parsed = itemParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { kind, slug } = parsed.data;
  const item = await getContentItem({ kind, slug });
  if (!item) notFound();
  const [t, tr, locale] = await Promise.all([
    getTranslations("authoring"),
    getTranslations("authoring.revisions"),
    getLocale().then(toLocale),
  ]);
  const current = item.revisions[0]?.number;
  const base = `/api/author/${kind}/${slug}/revisions`;
  return (
    <>
      <Link href="/author" className="text-sm text-brand-700 hover:underline">
        ← {t("editor.back")}
      </Link>
      <PageHeader
        title={sourceTitle(item.draft.sourceZh) ?? slug}
        intro={`${t(`kind.${kind}`)} · ${slug} · ${current ? t("revisionN", { n: current }) : t("never")}`}
      />
      <ContentEditor
        kind={kind}
        slug={slug}
        draft={{ "zh-CN": item.draft.sourceZh, en: item.draft.sourceEn ?? "", version: item.draft.version }}
      />
      <section aria-labelledby="revisions-title" className="mt-10">
        <h2 id="revisions-title" className="mb-3 text-lg font-semibold">
          {tr("title")}
        </h2>
        <Table
          caption={tr("caption")}
          columns={[tr("number"), tr("note"), tr("author"), tr("date"), tr("actions")]}
          empty={tr("none")}
          isEmpty={item.revisions.length === 0}
        >
          {item.revisions.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2 whitespace-nowrap">
                {t("revisionN", { n: r.number })}
                {r.number === current && (
                  <span className="ml-2 text-xs text-emerald-800">{tr("current")}</span>
                )}
                {r.major && (
                  <span className="ml-2 rounded-full bg-orange-100 px-2 text-xs text-orange-900">
                    {tr("major")}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">
                {r.note}
                {r.rollbackOf && (
                  <span className="block text-xs text-slate-600">
                    {tr("rollbackOf", { n: r.rollbackOf })}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">{r.author ?? "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.createdAt, locale)}</td>
              <td className="space-y-1 px-3 py-2">
                <div className="flex flex-wrap gap-3 text-sm">
                  <a href={`${base}/${r.number}?locale=zh-CN`} className="text-brand-700 underline">
                    {tr("export", { locale: "中文" })}
                  </a>
                  <a href={`${base}/${r.number}?locale=en`} className="text-brand-700 underline">
                    {tr("export", { locale: "English" })}
                  </a>
                  {current && r.number !== current && (
                    <Link
                      href={`/author/${kind}/${slug}/diff?from=${r.number}&to=${current}`}
                      className="text-brand-700 underline"
                    >
                      {tr("diff")}
                    </Link>
                  )}
                </div>
                {r.number !== current && <RollbackButton kind={kind} slug={slug} number={r.number} />}
              </td>
            </tr>
          ))}
        </Table>
      </section>
    </>
  );
}
