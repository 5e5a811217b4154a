import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { type PathOption, pathMap, stepLabel } from "@/lib/scenario/path-map";
import { finishedAttempt } from "../../../finished-attempt";

type Props = { params: Promise<{ slug: string; attemptId: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("practice.path"))("title") };
}

/**
 * "Review my path": the branch map of the learner's own finished attempt as a list, each step
 * visited with every way on from it, the one taken marked and the rest dimmed, and a practice
 * replay from any step.
 */
export default async function PathPage({ params }: Props) {
  const user = await requireArea("learn");
  const { slug, attemptId } = await params;
  const { attempt, scenario } = await finishedAttempt({ slug, attemptId, userId: user.id });
  const map = pathMap(scenario, attempt.state);
  const [t, tp] = await Promise.all([getTranslations("practice.path"), getTranslations("practice")]);
  const optionText = (o: PathOption) =>
    o.kind === "choice"
      ? o.text
      : o.kind === "timeout"
        ? t("timeout")
        : o.kind === "branch"
          ? t("branch", { points: o.minPoints ?? 0 })
          : t("otherwise");

  return (
    <div className="mx-auto max-w-3xl">
      <Link href={`/practice/${slug}/result/${attemptId}`} className="text-sm text-brand-700 hover:underline">
        ← {t("backToResult")}
      </Link>
      <PageHeader title={t("heading", { title: scenario.title })} intro={t("intro")} />
      <ol className="space-y-4" aria-label={t("mapLabel")}>
        {map.steps.map((step, i) => (
          <li key={step.stepId} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{t("step", { number: i + 1 })}</h2>
            <p className="mt-1 text-slate-800">
              <span className="font-medium">{tp("labelled", { label: tp("customer") })}</span>
              {step.customer}
            </p>
            {step.prompt && <p className="mt-1 text-sm text-slate-700">{step.prompt}</p>}
            <ul className="mt-3 space-y-2" aria-label={t("options")}>
              {step.options.map((o, j) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: a step's options keep their order
                  key={j}
                  className={
                    o.taken
                      ? "rounded-md border-2 border-brand-600 bg-brand-50 p-2"
                      : "rounded-md border border-dashed border-slate-300 p-2 text-slate-600"
                  }
                >
                  <span className={o.taken ? "font-semibold text-brand-800" : "font-medium"}>
                    {tp("labelled", { label: t(o.taken ? "taken" : "notTaken") })}
                  </span>
                  {optionText(o)}
                  <span className="block text-sm">{t("leadsTo", { step: stepLabel(scenario, o.next) })}</span>
                </li>
              ))}
            </ul>
            <p className="mt-3">
              <Link
                href={`/practice/${slug}/replay/${attemptId}?from=${encodeURIComponent(step.stepId)}`}
                className={buttonClass("secondary")}
              >
                {t("replay", { number: i + 1 })}
              </Link>
            </p>
          </li>
        ))}
        <li className="rounded-lg border-l-4 border-slate-600 bg-slate-50 p-4">
          <h2 className="font-semibold">{t("end")}</h2>
          <p className="mt-1">{stepLabel(scenario, map.end)}</p>
        </li>
      </ol>
    </div>
  );
}
