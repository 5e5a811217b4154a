import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser, toViewer } from "@/app/[locale]/(auth)/session";
import { ItemStatsList } from "@/components/reports/item-stats-list";
import { OptionTable } from "@/components/reports/option-table";
import { ReportNav } from "@/components/reports/report-nav";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { getCatalog } from "@/db/queries/content-catalog";
import { countScenarioChoices } from "@/db/queries/item-analysis";
import { itemSumsForChapter } from "@/db/queries/item-stats";
import { can, canAnalyseItems } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { toLocale } from "@/lib/i18n/locales";
import { analyseSteps } from "@/lib/reports/item-analysis";
import { type ItemSums, itemStatistics, MIN_SAMPLE } from "@/lib/reports/item-stats";
import { passItems } from "@/lib/reports/items";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.items"))("title") };
}

const EMPTY: ItemSums = {
  drawn: 0,
  correct: 0,
  sumPercent: 0,
  sumPercentSquared: 0,
  sumPercentCorrect: 0,
  picks: [],
};

/** Item analysis for trainers, managers (their branches) and admins. */
export default async function ItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!canAnalyseItems(user.role)) forbidden();
  // Trainers analyse content across the whole bank; managers see answers from their own branches.
  const scope = scopeOf(toViewer(user)) ?? "/";
  const [t, locale, params] = await Promise.all([
    getTranslations("reports.items"),
    getLocale().then(toLocale),
    searchParams,
  ]);
  const catalog = await getCatalog();
  const items = passItems(catalog, locale);
  const chosen = items.find((i) => i.key === params.item) ?? items[0];
  const [type, slug] = (chosen?.key ?? "").split(":") as ["chapter" | "scenario", string];

  let body: React.ReactNode = null;
  if (type === "chapter") {
    const entry = catalog.findChapter(slug, locale);
    const chapter = entry?.result.ok ? entry.result.chapter : null;
    const sums = await itemSumsForChapter({ slug, scope });
    const rows = (chapter?.questions ?? []).map((question, i) => {
      const s = sums.get(question.id) ?? EMPTY;
      return { question, number: i + 1, sums: s, stats: itemStatistics(s) };
    });
    const flagged = rows.filter((r) => r.stats.flags.length > 0);
    const onlyFlagged = params.flagged === "1";
    const href = (flag: boolean) =>
      `?item=${encodeURIComponent(chosen?.key ?? "")}${flag ? "&flagged=1" : ""}`;
    body = rows.every((r) => r.stats.drawn === 0) ? (
      <EmptyState>{t("emptyChapter")}</EmptyState>
    ) : (
      <>
        <div className="mb-4 space-y-1 text-sm text-slate-700">
          <p>{t("sampleNote", { pool: rows.length, draw: chapter?.draw ?? 0, min: MIN_SAMPLE })}</p>
          <p>{t("discriminationHelp")}</p>
          <p className="font-medium">
            {t("flagged", { count: flagged.length })} ·{" "}
            <Link href={href(!onlyFlagged)} className="text-brand-700 underline">
              {onlyFlagged ? t("allQuestions") : t("onlyFlagged")}
            </Link>
          </p>
        </div>
        <ItemStatsList questions={onlyFlagged ? flagged : rows} locale={locale} />
      </>
    );
  } else if (type === "scenario") {
    const scenario = catalog.findScenario(slug, locale)?.scenario;
    const steps = Object.entries(scenario?.steps ?? {}).flatMap(([id, step]) =>
      step.kind === "choice" || step.kind === "timed"
        ? [
            {
              id,
              label: step.customer,
              choices: [
                ...step.choices.map((c) => ({ id: c.id, text: c.text })),
                ...(step.kind === "timed" ? [{ id: "timeout", text: t("timeout") }] : []),
              ],
            },
          ]
        : [],
    );
    const analysis = analyseSteps(steps, await countScenarioChoices({ slug, scope }));
    body = analysis.every((s) => s.answered === 0) ? (
      <EmptyState>{t("empty")}</EmptyState>
    ) : (
      <ol className="space-y-4">
        {analysis.map((s) => (
          <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-medium">{t("step", { id: s.id })}</h3>
            <p className="text-sm text-slate-700">{s.label}</p>
            <p className="mb-2 text-sm text-slate-600">{t("answered", { count: s.answered })}</p>
            <OptionTable caption={t("caption", { prompt: s.id })} options={s.options} locale={locale} />
          </li>
        ))}
      </ol>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {can(user.role, "reports") && <ReportNav current="items" />}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          {t("choose")}
          <select
            name="item"
            defaultValue={chosen?.key}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {items.map((i) => (
              <option key={i.key} value={i.key}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass()}>
          {t("show")}
        </button>
      </form>
      <h2 className="mb-3 text-lg font-semibold">{chosen?.label}</h2>
      {body}
    </>
  );
}
