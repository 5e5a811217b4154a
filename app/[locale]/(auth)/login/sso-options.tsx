import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import type { SsoButton } from "@/lib/auth/sso-env";
import { ssoSignIn } from "../actions";
import { AutoSubmit } from "./auto-submit";

/**
 * One button per configured provider. Inside the WeCom app the WeCom button uses its silent
 * in-app login, and starts by itself unless the page is showing why the last attempt failed.
 */
export async function SsoOptions({
  buttons,
  oidcName,
  inWeCom,
  autoStart,
}: {
  buttons: SsoButton[];
  oidcName: string;
  inWeCom: boolean;
  autoStart: boolean;
}) {
  const t = await getTranslations("login");
  return (
    <section aria-labelledby="sso-heading" className="mt-6 border-t border-slate-200 pt-5">
      <h2 id="sso-heading" className="text-sm font-medium text-slate-700">
        {t("ssoHeading")}
      </h2>
      <div className="mt-3 space-y-2">
        {buttons.map((id) => {
          const provider = id === "wecom" && inWeCom ? "wecom-app" : id;
          return (
            <ActionForm key={id} action={ssoSignIn}>
              <input type="hidden" name="provider" value={provider} />
              <button type="submit" className={`w-full text-sm ${buttonClass("secondary", "lg")}`}>
                {id === "oidc" ? oidcName : t(`providers.${id}`)}
              </button>
              {provider === "wecom-app" && autoStart && <AutoSubmit label={t("ssoInWeCom")} />}
            </ActionForm>
          );
        })}
      </div>
    </section>
  );
}
