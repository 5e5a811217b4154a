import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { Table } from "@/components/ui/table";
import { getOutboxStatus } from "@/db/queries/xapi-outbox";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminXapi"))("title") };
}

const FAILED_SHOWN = 50;

/** The LRS address without any credentials written into it. */
function shownLrs(url: string | undefined): string | null {
  if (!url) return null;
  const u = new URL(url);
  u.username = "";
  u.password = "";
  return u.toString();
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/** The forwarder's state for admins: the queue, the statements that failed and why, the last success. */
export default async function XapiPage() {
  await requireArea("admin");
  const [t, locale, status] = await Promise.all([
    getTranslations("adminXapi"),
    getLocale().then(toLocale),
    getOutboxStatus({ failedLimit: FAILED_SHOWN }),
  ]);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, { seconds: true }) : t("never"));
  const lrs = shownLrs(env.LRS_URL);
  const seconds = env.XAPI_FORWARD_INTERVAL_SECONDS;
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <dl className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t("lrs")}>
          {lrs ? <span className="break-all font-mono text-sm">{lrs}</span> : t("noLrs")}
        </Fact>
        <Fact label={t("schedule")}>{seconds > 0 ? t("interval", { seconds }) : t("cronOnly")}</Fact>
        <Fact label={t("queued")}>
          <span className="tabular-nums">{status.queued}</span>
        </Fact>
        <Fact label={t("failedCount")}>
          <span className="tabular-nums">{status.failedCount}</span>
        </Fact>
        <Fact label={t("oldest")}>{status.oldestQueuedAt ? when(status.oldestQueuedAt) : t("none")}</Fact>
        <Fact label={t("lastSuccess")}>{when(status.lastSuccessAt)}</Fact>
        <Fact label={t("lastError")}>
          {status.lastError ? (
            <>
              <span className="block">{when(status.lastErrorAt)}</span>
              <span className="block break-all text-sm text-red-800">{status.lastError}</span>
            </>
          ) : (
            t("none")
          )}
        </Fact>
        {status.paused && (
          <Fact label={t("paused")}>
            <span className="block">{when(status.pausedUntil)}</span>
            <span className="block text-sm text-slate-600">
              {t("pausedNote", { failures: status.failures })}
            </span>
          </Fact>
        )}
      </dl>
      <h2 className="mb-3 text-lg font-semibold">{t("failedTitle")}</h2>
      {status.failedCount > status.failed.length && (
        <p className="mb-2 text-sm text-slate-600">
          {t("failedMore", { shown: status.failed.length, count: status.failedCount })}
        </p>
      )}
      <Table
        caption={t("failedTitle")}
        columns={[
          { label: t("columns.seq"), key: "seq", align: "right" },
          t("columns.statement"),
          t("columns.created"),
          { label: t("columns.attempts"), key: "attempts", align: "right" },
          t("columns.reason"),
          t("columns.next"),
        ]}
        empty={t("failedNone")}
        isEmpty={status.failed.length === 0}
      >
        {status.failed.map((f) => (
          <tr key={f.seq} className="align-top">
            <td className="px-3 py-2 text-right tabular-nums">{f.seq}</td>
            <td className="min-w-64 px-3 py-2">
              <span className="block font-medium">{f.verb?.split("/").at(-1)}</span>
              <span className="block break-all text-xs text-slate-600">{f.object}</span>
              <span className="block font-mono text-xs text-slate-500">{f.id}</span>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{when(f.createdAt)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{f.attempts}</td>
            <td className="min-w-64 px-3 py-2 break-all text-xs">{f.lastError}</td>
            <td className="px-3 py-2 whitespace-nowrap">{when(f.nextAttemptAt)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
