import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { normaliseCode } from "@/lib/certification/verification-code";
import { VerifyCodeForm } from "./verify-code-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title"), robots: { index: false } };
}

/** Type a code from a paper certificate; a well-formed one goes to its verify page. */
export default async function VerifyIndex({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const canonical = typeof code === "string" ? normaliseCode(code) : null;
  if (canonical) redirect(`/verify/${canonical}`);
  const t = await getTranslations("verify");
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      <VerifyCodeForm
        invalid={typeof code === "string" && !canonical}
        value={typeof code === "string" ? code : undefined}
      />
    </section>
  );
}
