import { getTranslations } from "next-intl/server";
import { VerifyCodeForm } from "../verify-code-form";
import { VerifyPanel } from "../verify-panel";

/** An unknown code (status 404): says so and offers to type it again. */
export default async function UnknownCode() {
  const t = await getTranslations("verify");
  return (
    <VerifyPanel title={t("title")}>
      <p role="status" className="mt-3 rounded-md bg-slate-100 p-3">
        {t("notFound")}
      </p>
      <VerifyCodeForm />
    </VerifyPanel>
  );
}
