import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { normaliseCode } from "@/lib/certification/verification-code";
import { VerifyCodeForm } from "./verify-code-form";
import { VerifyPanel } from "./verify-panel";

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
    <VerifyPanel title={t("title")}>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      <VerifyCodeForm
        invalid={typeof code === "string" && !canonical}
        value={typeof code === "string" ? code : undefined}
      />
    </VerifyPanel>
  );
}
