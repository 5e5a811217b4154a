import { getFormatter, getTranslations } from "next-intl/server";
import { requireApiUser, toViewer } from "@/app/[locale]/(auth)/session";
import { getCatalog } from "@/db/queries/content-catalog";
import { streamPeople } from "@/db/queries/report-people";
import { findBranchInScope, getOverview } from "@/db/queries/reports";
import { scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { attachment, csvStream, type Sheet, xlsxStream } from "@/lib/reports/export-stream";
import { passItems } from "@/lib/reports/items";
import { parsePeopleFilter } from "@/lib/reports/people-filter";

const FILES = /^(people|branches)\.(csv|xlsx)$/;

/** The filtered people list or the branch comparison as CSV (UTF-8 with BOM) or XLSX, streamed. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ file: string; locale: string }> },
) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("reports");
    const scope = scopeOf(toViewer(user));
    if (!scope) throw new AppError("forbidden:reports");
    const { file, locale: rawLocale } = await params;
    const match = FILES.exec(file);
    if (!match) throw new AppError("not_found:export");
    const [, kind, ext] = match as unknown as [string, "people" | "branches", "csv" | "xlsx"];
    const locale = toLocale(rawLocale);
    const query = new URL(request.url).searchParams;
    const [t, tRoles, tPeople, format] = await Promise.all([
      getTranslations({ locale, namespace: "reports" }),
      getTranslations({ locale, namespace: "roles" }),
      getTranslations({ locale, namespace: "reports.people" }),
      getFormatter({ locale }),
    ]);
    const day = (ms: number) =>
      format.dateTime(new Date(ms), { year: "numeric", month: "2-digit", day: "2-digit" });

    let sheet: Sheet;
    if (kind === "people") {
      const { page: _, ...filter } = parsePeopleFilter(query);
      if (filter.branch && !(await findBranchInScope({ id: filter.branch, scope }))) {
        throw new AppError("not_found:branch");
      }
      const people = streamPeople({ scope, filter });
      sheet = {
        header: [
          "employeeNo",
          "name",
          "branch",
          "role",
          "hireDate",
          "chapters",
          "scenarios",
          "certification",
          "overdueCol",
        ].map((k) => tPeople(k)),
        rows: (async function* () {
          for await (const chunk of people) {
            yield chunk.map((p) => [
              p.employeeNo,
              p.name,
              localName(p, locale, "branchName"),
              tRoles(p.role),
              p.hireDate,
              p.chaptersPassed,
              p.scenariosPassed,
              p.certifiedUntil !== null
                ? tPeople(p.expiring ? "certState.expiring" : "certState.valid", {
                    date: day(p.certifiedUntil),
                  })
                : tPeople(p.expired ? "certState.expired" : "certState.none"),
              p.overdue,
            ]);
          }
        })(),
      };
    } else {
      const branchId = query.get("branch");
      const drill = branchId ? await findBranchInScope({ id: branchId, scope }) : null;
      if (branchId && !drill) throw new AppError("not_found:branch");
      const items = passItems(await getCatalog(), locale);
      const overview = await getOverview({
        rootPath: drill?.path ?? scope,
        items: { passed: items.map((i) => i.key), competencies: [] },
      });
      const name = (b: { name: string; nameEn: string }) => localName(b, locale);
      sheet = {
        header: [
          t("overview.branch"),
          t("overview.headcount"),
          `${t("overview.certified")} %`,
          `${t("overview.expiring")} %`,
          `${t("overview.expired")} %`,
          t("overview.overdue"),
          ...items.map((i) => `${i.label} %`),
        ],
        rows: (async function* () {
          yield overview.rows.map((r) => [
            r.own ? t("overview.ownStaff", { branch: name(r.branch) }) : name(r.branch),
            r.headcount,
            r.certifiedShare,
            r.expiringShare,
            r.expiredShare,
            r.overdueAssignments,
            ...items.map((i) => r.passedShare[i.key] ?? null),
          ]);
        })(),
      };
    }
    const filename = t(`export.filename.${kind}`);
    const body = ext === "csv" ? csvStream(sheet) : xlsxStream(sheet, filename);
    return new Response(body, { headers: attachment(filename, ext) });
  });
}
