import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { ScenarioPlayer } from "@/components/scenario/scenario-player";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { replayStart } from "@/lib/scenario/replay";
import { finishedAttempt } from "../../finished-attempt";

type Props = {
  params: Promise<{ slug: string; attemptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const query = z.object({ from: z.string().min(1).max(80) });

export async function generateMetadata() {
  return { title: (await getTranslations("practice.replay"))("title") };
}

/** A practice replay of the learner's own finished attempt from one of its steps; it is not counted. */
export default async function ReplayPage({ params, searchParams }: Props) {
  const user = await requireArea("learn");
  const { slug, attemptId } = await params;
  const parsed = query.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { from } = parsed.data;
  const { attempt, scenario } = await finishedAttempt({ slug, attemptId, userId: user.id });
  if (!replayStart(scenario, attempt.state, from)) notFound();
  const t = await getTranslations("practice.replay");
  return (
    <div className="mx-auto max-w-3xl">
      <Link
        href={`/practice/${slug}/result/${attemptId}/path`}
        className="text-sm text-brand-700 hover:underline"
      >
        ← {t("backToPath")}
      </Link>
      <PageHeader title={t("heading", { title: scenario.title })} />
      <ScenarioPlayer
        slug={slug}
        replay={{ attemptId, from }}
        intro={
          <p className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
            {t("notCounted")}
          </p>
        }
      />
    </div>
  );
}
