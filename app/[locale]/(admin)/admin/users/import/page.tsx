import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { IMPORT_FIELDS } from "@/lib/admin-import/columns";
import { UPLOAD_PROBLEMS } from "@/lib/admin-import/upload";
import { MAX_IMPORT_ROWS } from "@/lib/admin-import/validate";
import { ImportUploadForm } from "./import-upload-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminImport"))("title") };
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ upload?: string }> }) {
  await requireArea("admin");
  const { upload } = await searchParams;
  const problem = UPLOAD_PROBLEMS.find((p) => p === upload);
  const t = await getTranslations("adminImport");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")}>
        <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
          {t("backToUsers")}
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <ImportUploadForm problem={problem} />
        <section aria-labelledby="format" className="rounded-lg bg-white p-5 text-sm ring-1 ring-slate-200">
          <h2 id="format" className="font-semibold">
            {t("format.title")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            {IMPORT_FIELDS.map((f) => (
              <li key={f}>
                <span className="font-medium">{t(`fields.${f}`)}</span>: {t(`format.${f}`)}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-slate-700">{t("format.files", { max: MAX_IMPORT_ROWS })}</p>
          <p className="mt-3 flex flex-wrap gap-3">
            <a
              href="/api/admin/import-template?lang=zh-CN"
              className="font-medium text-brand-700 underline"
              download
            >
              {t("format.templateZh")}
            </a>
            <a
              href="/api/admin/import-template?lang=en"
              className="font-medium text-brand-700 underline"
              download
            >
              {t("format.templateEn")}
            </a>
          </p>
        </section>
      </div>
    </>
  );
}
