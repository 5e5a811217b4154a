import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser, toViewer } from "@/app/[locale]/(auth)/session";
import { ReportNav } from "@/components/reports/report-nav";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { getCatalog } from "@/db/queries/content-catalog";
import { countCheckSelections, countScenarioChoices } from "@/db/queries/item-analysis";
import { can, canAnalyseItems } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { toLocale } from "@/lib/i18n/locales";
import { analyseQuestions, analyseSteps } from "@/lib/reports/item-analysis";
import { passItems } from "@/lib/reports/items";
import { formatPercent } from "@/lib/reports/rates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.items"))("title") };
}

type Option = { id: string; text: string; count: number; share: number | null; correct?: boolean };

async function OptionTable({
  caption,
  options,
  locale,
}: {
  caption: string;
  options: Option[];
  locale: string;
}) {
  const t = await getTranslations("reports.items");
  return (
    <Table
      caption={caption}
      framed={false}
      columns={[
        t("option"),
        { label: t("chosen"), align: "right" },
        { label: t("share"), className: "w-1/3" },
      ]}
    >
      {options.map((o) => (
        <tr key={o.id}>
          <th scope="row" className="px-3 py-2 text-left font-normal">
            {o.text}
            {o.correct && (
              <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">{t("key")}</span>
            )}
          </th>
          <td className="px-3 py-2 text-right tabular-nums">{o.count}</td>
          <td className="px-3 py-2">
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className="h-2 flex-1 rounded-full bg-slate-100">
                <span
                  className={`block h-2 rounded-full ${o.correct ? "bg-emerald-600" : "bg-slate-500"}`}
                  style={{ width: `${o.share ?? 0}%` }}
                />
              </span>
              <span className="w-14 text-right tabular-nums">{formatPercent(o.share, locale)}</span>
            </span>
          </td>
        </tr>
      ))}
    </Table>
  );
}

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
    const questions = entry?.result.ok ? entry.result.chapter.questions : [];
    const analysis = analyseQuestions(questions, await countCheckSelections({ slug, scope }));
    body = analysis.every((q) => q.answered === 0) ? (
      <EmptyState>{t("empty")}</EmptyState>
    ) : (
      <ol className="space-y-4">
        {analysis.map((q, i) => (
          <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-medium">{`${i + 1}. ${q.prompt}`}</h3>
            <p className="mb-2 text-sm text-slate-600">
              {t("answered", { count: q.answered })} ·{" "}
              {t("correct", { share: formatPercent(q.correctShare, locale) })}
            </p>
            <OptionTable caption={t("caption", { prompt: q.prompt })} options={q.options} locale={locale} />
          </li>
        ))}
      </ol>
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
