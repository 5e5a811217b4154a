import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { getSecuritySettings } from "@/db/queries/app-settings";
import { latestAuditArchive } from "@/db/queries/audit";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { env } from "@/lib/env";
import { SecurityForm } from "./security-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSecurity"))("title") };
}

/** The security settings: who needs a second factor (stored, audited), and what the deployment configures. */
export default async function SecurityPage() {
  await requireArea("admin");
  const [t, format, settings, archive] = await Promise.all([
    getTranslations("adminSecurity"),
    getFormatter(),
    getSecuritySettings(),
    latestAuditArchive(),
  ]);
  const facts = [
    t("idle", { minutes: Math.round(SESSION_TIMING.idleMs / 60_000) }),
    env.PASSWORD_MAX_AGE_DAYS ? t("passwordAge", { days: env.PASSWORD_MAX_AGE_DAYS }) : t("passwordAgeOff"),
    t("retention", { days: env.AUDIT_RETENTION_DAYS }),
    archive
      ? t("lastArchive", {
          date: format.dateTime(archive.createdAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" }),
          entries: archive.entries,
          file: archive.file,
        })
      : t("noArchive"),
  ];
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-4 md:grid-cols-2">
        <SecurityForm managersRequired={settings.managersRequired} />
        <section aria-labelledby="facts-title" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 id="facts-title" className="font-semibold">
            {t("facts")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
