import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { getContentItem, getRevision } from "@/db/queries/content-authoring";
import { itemParams } from "@/lib/authoring/item-params";
import { lineDiff, withContext } from "@/lib/content/line-diff";
import { toLocale } from "@/lib/i18n/locales";

type Props = {
  params: Promise<{ kind: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const TONE = { same: "", added: "bg-emerald-50", removed: "bg-red-50" } as const;
const SIGN = { same: " ", added: "+", removed: "−" } as const;

/** The line-by-line difference between any two revisions of an item, in one language. */
export default async function DiffPage({ params, searchParams }: Props) {
  await requireArea("author");
  const parsed = itemParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { kind, slug } = parsed.data;
  const query = await searchParams;
  const item = await getContentItem({ kind, slug });
  if (!item || item.revisions.length === 0) notFound();
  const numbers = item.revisions.map((r) => r.number);
  const pick = (v: unknown, fallback: number) => (numbers.includes(Number(v)) ? Number(v) : fallback);
  const to = pick(query.to, numbers[0] as number);
  const from = pick(query.from, numbers.find((n) => n < to) ?? to);
  const locale = toLocale(typeof query.locale === "string" ? query.locale : undefined);
  const [older, newer, t] = await Promise.all([
    getRevision({ kind, slug, number: from }),
    getRevision({ kind, slug, number: to }),
    getTranslations("authoring"),
  ]);
  const text = (r: typeof older) => (locale === "en" ? (r?.sourceEn ?? "") : (r?.sourceZh ?? ""));
  const all = lineDiff(text(older), text(newer));
  const lines = withContext(all);
  const select = "rounded-md border border-slate-300 px-2 py-1.5";
  return (
    <>
      <Link href={`/author/${kind}/${slug}`} className="text-sm text-brand-700 hover:underline">
        ← {t("diff.back")}
      </Link>
      <PageHeader title={t("diff.title")} intro={`${t(`kind.${kind}`)} · ${slug}`} />
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        {(["from", "to"] as const).map((name) => (
          <label key={name} className="grid gap-1">
            <span className="font-medium">{t(`diff.${name}`)}</span>
            <select name={name} defaultValue={name === "from" ? from : to} className={select}>
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {t("revisionN", { n })}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="grid gap-1">
          <span className="font-medium">{t("diff.locale")}</span>
          <select name="locale" defaultValue={locale} className={select}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="submit" className={buttonClass()}>
          {t("diff.show")}
        </button>
      </form>
      {all.every((l) => l.kind === "same") ? (
        <EmptyState>{t("diff.same")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="w-full font-mono text-xs">
            <caption className="sr-only">{t("diff.caption", { from, to })}</caption>
            <tbody>
              {lines.map((line, i) =>
                line === null ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
                  <tr key={i}>
                    <td colSpan={4} className="bg-slate-50 px-2 text-slate-500">
                      ⋯
                    </td>
                  </tr>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a diff line is its position
                  <tr key={i} className={TONE[line.kind]}>
                    <td className="w-10 px-2 text-right text-slate-500">{line.oldLine ?? ""}</td>
                    <td className="w-10 px-2 text-right text-slate-500">{line.newLine ?? ""}</td>
                    <td
                      className="w-4"
                      aria-label={line.kind === "same" ? undefined : t(`diff.${line.kind}`)}
                    >
                      {SIGN[line.kind]}
                    </td>
                    <td className="px-2 whitespace-pre-wrap">{line.text}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
