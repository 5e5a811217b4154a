import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { DataExportLink } from "@/components/account/data-export-link";
import { branchOptionLabel } from "@/components/admin/branch-label";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { listBranchTree } from "@/db/queries/admin-branches";
import { getUserForAdmin } from "@/db/queries/admin-users";
import { secondFactorStatus } from "@/db/queries/second-factor";
import { ROLES } from "@/lib/auth/roles";
import { formatDate } from "@/lib/i18n/dates";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { UserActions } from "./user-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("detailTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("admin");
  const { id } = await params;
  const user = await getUserForAdmin({ id: id.slice(0, 64) });
  if (!user) notFound();
  const [t, tRoles, locale, tree, format, factor] = await Promise.all([
    getTranslations("adminUsers"),
    getTranslations("roles"),
    getLocale(),
    listBranchTree(),
    getFormatter(),
    secondFactorStatus({ userId: user.id }),
  ]);
  const facts: [string, string][] = [
    [t("fields.employeeNo"), user.employeeNo],
    [t("fields.branch"), `${localName(user, locale, "branchName")} (${user.branchCode})`],
    [t("fields.role"), tRoles(user.role)],
    [t("fields.email"), user.email ?? "—"],
    [t("fields.hireDate"), formatDate(user.hireDate, toLocale(locale))],
    [t("fields.status"), user.active ? t("active") : t("inactive")],
    [t("fields.password"), user.hasPassword ? t("passwordSet") : t("passwordNotSet")],
    [
      t("fields.secondFactor"),
      factor
        ? t("secondFactorOn", {
            date: format.dateTime(factor.enrolledAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" }),
            left: factor.recoveryCodesLeft,
          })
        : t("secondFactorOff"),
    ],
  ];
  return (
    <>
      <PageHeader title={user.name} intro={t("detailIntro")}>
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </PageHeader>
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded-lg bg-white p-5 text-sm ring-1 ring-slate-200 sm:grid-cols-2">
        {facts.map(([k, v]) => (
          <div key={k} className="flex gap-2">
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      <UserActions
        userId={user.id}
        role={user.role}
        branchId={user.branchId}
        active={user.active}
        secondFactor={factor !== null}
        branches={tree
          .filter((b) => b.active || b.id === user.branchId)
          .map((b) => ({ id: b.id, label: branchOptionLabel(b, locale) }))}
        roles={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
      />
      <section aria-labelledby="person-data" className="mt-6 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="person-data" className="font-semibold">
          {t("data.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("data.hint")}</p>
        <DataExportLink userId={user.id} label={t("data.download", { name: user.name })} />
      </section>
      <p className="mt-6 text-sm">
        <Link
          href={`/admin/audit?target=${encodeURIComponent(user.employeeNo)}`}
          className="font-medium text-brand-700 underline"
        >
          {t("history")}
        </Link>
      </p>
    </>
  );
}
