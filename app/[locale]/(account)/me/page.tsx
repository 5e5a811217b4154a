import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { DataExportLink } from "@/components/account/data-export-link";
import { PageHeader } from "@/components/shell/page-header";
import { localName } from "@/lib/i18n/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

const INCLUDED = [
  "profile",
  "checks",
  "plays",
  "summaries",
  "certificates",
  "assignments",
  "notifications",
] as const;

/** The signed-in person's own details, and the download of everything the platform keeps about them. */
export default async function ProfilePage() {
  const user = await requireUser();
  const [t, tRoles, locale] = await Promise.all([
    getTranslations("profile"),
    getTranslations("roles"),
    getLocale(),
  ]);
  const facts: [string, string][] = [
    [t("fields.employeeNo"), user.employeeNo],
    [t("fields.name"), user.name],
    [t("fields.branch"), localName(user, locale, "branchName")],
    [t("fields.role"), tRoles(user.role)],
    [t("fields.email"), user.email ?? "—"],
    [t("fields.hireDate"), user.hireDate],
  ];
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <dl className="mb-8 grid gap-x-6 gap-y-2 rounded-lg bg-white p-5 text-sm ring-1 ring-slate-200 sm:grid-cols-2">
        {facts.map(([k, v]) => (
          <div key={k} className="flex gap-2">
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="my-data" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="my-data" className="text-lg font-semibold text-slate-900">
          {t("data.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("data.intro")}</p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {INCLUDED.map((k) => (
            <li key={k}>{t(`data.included.${k}`)}</li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-600">{t("data.format")}</p>
        <DataExportLink userId={user.id} label={t("data.download")} />
      </section>
    </>
  );
}
