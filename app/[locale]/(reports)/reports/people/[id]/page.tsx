import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireArea, toViewer } from "@/app/[locale]/(auth)/session";
import { ReportNav } from "@/components/reports/report-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { listAssignmentsForUser } from "@/db/queries/assignments";
import { getCatalog } from "@/db/queries/content-catalog";
import { findPersonInScope, getPersonRecord } from "@/db/queries/report-person";
import { scopeOf } from "@/lib/auth/scope";
import { findCertification } from "@/lib/certification/catalog";
import { certificateStatus } from "@/lib/certification/rules";
import { formatDate, formatDateTime } from "@/lib/i18n/dates";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { bestCompetencies } from "@/lib/reports/person";
import { formatPercent } from "@/lib/reports/rates";
import { itemTitle } from "@/lib/training/item-title";

type Params = Promise<{ id: string }>;

const td = "whitespace-nowrap px-3 py-2";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await requireArea("reports");
  const scope = scopeOf(toViewer(user));
  const person = scope ? await findPersonInScope({ id: (await params).id, scope }) : null;
  return { title: person?.name ?? (await getTranslations("reports.people"))("title") };
}

export default async function PersonPage({ params }: { params: Params }) {
  const user = await requireArea("reports");
  const scope = scopeOf(toViewer(user));
  if (!scope) notFound();
  const person = await findPersonInScope({ id: (await params).id, scope });
  if (!person) notFound();

  const now = new Date();
  const [t, tReports, tRoles, tAssign, tCert, format, locale, record, assignments] = await Promise.all([
    getTranslations("reports.person"),
    getTranslations("reports"),
    getTranslations("roles"),
    getTranslations("assignments"),
    getTranslations("certificates"),
    getFormatter(),
    getLocale().then(toLocale),
    getPersonRecord({ userId: person.id }),
    listAssignmentsForUser({ userId: person.id, now }),
  ]);
  const catalog = await getCatalog();
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  const day = (d: Date | string) => formatDate(d, locale);
  const attempts = [
    ...record.checks.map((c) => ({
      key: `c-${c.id}`,
      kind: t("chapter"),
      item: itemTitle(catalog, "chapter", c.slug, locale),
      at: c.at,
      percent: c.percent as number | null,
      result: c.passed ? t("passed") : t("failed"),
    })),
    ...record.plays.map((p) => ({
      key: `s-${p.id}`,
      kind: t("scenario"),
      item: itemTitle(catalog, "scenario", p.slug, locale),
      at: p.completedAt ?? p.at,
      percent: p.percent,
      result: p.status !== "completed" ? t("inProgress") : p.passed ? t("passed") : t("failed"),
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const best = bestCompetencies(record.plays, record.scores);
  const branch = localName(person, locale, "branchName");
  // The certificate held now, newest cycle first (the list is ordered so).
  const held = record.certificates.find((c) => {
    const def = findCertification(c.certificationId);
    const status = def ? certificateStatus(def, c, now) : "valid";
    return status === "valid" || status === "expiring";
  });

  return (
    <>
      <PageHeader
        title={person.name}
        intro={t("intro", {
          employeeNo: person.employeeNo,
          branch,
          role: tRoles(person.role),
          hireDate: day(person.hireDate),
        })}
      >
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/reports/people" className="text-sm text-brand-700 underline">
            {t("back")}
          </Link>
          {held && (
            <a href={`/certificates/${held.id}/pdf`} className="text-sm text-brand-700 underline">
              {t("certificatePdf", { code: held.code })}
            </a>
          )}
          {person.active && person.role === "learner" && (
            <Link
              href={`/reports/assign?employeeNo=${encodeURIComponent(person.employeeNo)}`}
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t("assign")}
            </Link>
          )}
        </div>
      </PageHeader>
      <ReportNav current="people" />
      {!person.active && <p className="mb-6 rounded-md bg-amber-50 p-3 text-amber-900">{t("inactive")}</p>}
      {record.relearn.length > 0 && (
        <p role="note" className="mb-6 rounded-md border border-orange-300 bg-orange-50 p-3 text-orange-950">
          {t("relearn", {
            items: format.list(
              record.relearn.map((r) =>
                itemTitle(catalog, r.itemType as "chapter" | "scenario", r.itemSlug, locale),
              ),
              { type: "conjunction" },
            ),
          })}
        </p>
      )}

      <Section id="competencies" title={t("competencies")}>
        <Table
          scrollHint={tReports("scrollHint")}
          caption={t("competencies")}
          columns={[t("item"), t("competency"), t("percent")]}
          empty={t("competenciesEmpty")}
          isEmpty={best.size === 0}
        >
          {[...best].flatMap(([slug, b]) => {
            const s = catalog.findScenario(slug, locale)?.scenario;
            return (s?.competencies ?? []).map((c, i) => (
              <tr key={`${slug}-${c.id}`}>
                <td className="min-w-36 px-3 py-2">
                  {i === 0 ? t("bestRun", { title: s?.title ?? slug, percent: b.percent }) : ""}
                </td>
                <td className={td}>{c.label}</td>
                <td className={`${td} tabular-nums`}>
                  {formatPercent(b.competencies[c.id] ?? null, locale)}
                </td>
              </tr>
            ));
          })}
        </Table>
      </Section>

      <Section id="assignments" title={t("assignments")}>
        <Table
          scrollHint={tReports("scrollHint")}
          caption={t("assignments")}
          columns={[t("item"), t("due"), t("status")]}
          empty={t("assignmentsEmpty")}
          isEmpty={assignments.length === 0}
        >
          {assignments.map((a) => (
            <tr key={a.id}>
              <td className="min-w-40 px-3 py-2">
                {`${tAssign(`type.${a.itemType}`)} · ${itemTitle(catalog, a.itemType, a.itemSlug, locale)}`}
              </td>
              <td className={`${td} whitespace-nowrap`}>{day(a.dueDate)}</td>
              <td className={`${td} ${a.status === "overdue" ? "font-semibold text-red-800" : ""}`}>
                {tAssign(`status.${a.status}`)}
                {a.late ? ` · ${tAssign("late")}` : ""}
              </td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section id="certificates" title={t("certificates")}>
        <Table
          scrollHint={tReports("scrollHint")}
          caption={t("certificates")}
          columns={["cycle", "code", "issued", "expires", "status"].map((k) => t(k))}
          empty={t("certificatesEmpty")}
          isEmpty={record.certificates.length === 0}
        >
          {record.certificates.map((c) => {
            const def = findCertification(c.certificationId);
            const status = def ? certificateStatus(def, c, now) : "valid";
            return (
              <tr key={c.id}>
                <td className={td}>{`${tCert("cycle", { cycle: c.cycle })} · ${tCert(`kind.${c.kind}`)}`}</td>
                <td className={`${td} font-mono`}>{c.code}</td>
                <td className={td}>{day(c.issuedAt)}</td>
                <td className={td}>{day(c.expiresAt)}</td>
                <td className={td}>
                  {tCert(`status.${status}`)}
                  {c.revokedAt ? ` · ${day(c.revokedAt)}` : ""}
                </td>
              </tr>
            );
          })}
        </Table>
      </Section>

      <Section id="attempts" title={t("attempts")}>
        <Table
          scrollHint={tReports("scrollHint")}
          caption={t("attempts")}
          columns={["date", "kind", "item", "score", "result"].map((k) => t(k))}
          empty={t("attemptsEmpty")}
          isEmpty={attempts.length === 0}
        >
          {attempts.map((a) => (
            <tr key={a.key}>
              <td className={`${td} tabular-nums`}>{date(a.at)}</td>
              <td className={td}>{a.kind}</td>
              <td className={td}>{a.item}</td>
              <td className={`${td} tabular-nums`}>{a.percent === null ? "—" : `${a.percent}%`}</td>
              <td className={td}>{a.result}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
