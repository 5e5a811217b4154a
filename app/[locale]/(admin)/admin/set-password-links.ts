import "server-only";
import { headers } from "next/headers";
import { setPasswordMail } from "@/lib/admin-import/invite-email";
import { setPasswordPath, type TokenPurpose } from "@/lib/auth/one-time-token";
import { env } from "@/lib/env";
import { withMailer } from "@/lib/mail/mailer";

/** Set-password links as the admin sees them: on the address they are using (e-mails use APP_URL). */
export async function linksForAdmin(tokens: string[]): Promise<string[]> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? (env.APP_URL.startsWith("https:") ? "https" : "http");
  const origin = host ? `${proto}://${host}` : env.APP_URL;
  return tokens.map((token) => `${origin}${setPasswordPath(token)}`);
}

/** E-mails set-password links to the people who have an address, when SMTP_URL is set. */
export async function mailSetPasswordLinks(
  accounts: { name: string; employeeNo: string; email: string | null; token: string }[],
  purpose: TokenPurpose,
): Promise<{ emailed: number; mailFailed: number }> {
  const withEmail = accounts.flatMap((a) => (a.email ? [{ ...a, email: a.email }] : []));
  if (!env.SMTP_URL || withEmail.length === 0) return { emailed: 0, mailFailed: 0 };
  return withMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, label: purpose }, async (mailer) => {
    let emailed = 0;
    for (const a of withEmail) {
      if (await mailer.send(setPasswordMail({ ...a, purpose, appUrl: env.APP_URL }))) emailed++;
    }
    return { emailed, mailFailed: withEmail.length - emailed };
  });
}
