import { createTransport } from "nodemailer";

export type Mail = { to: { name: string; address: string }; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<boolean> };

/**
 * The one way the app sends e-mail (set-password links, reminders): `use` gets a mailer on one SMTP
 * connection, closed afterwards. A failed message is logged under `label` and answered with false,
 * so one bad address never stops the others.
 */
export async function withMailer<T>(
  { smtpUrl, from, label }: { smtpUrl: string; from: string; label: string },
  use: (mailer: Mailer) => Promise<T>,
): Promise<T> {
  const transport = createTransport(smtpUrl);
  try {
    return await use({
      async send(mail) {
        try {
          await transport.sendMail({ from, ...mail });
          return true;
        } catch (e) {
          console.warn(`${label}: mail to ${mail.to.address} failed: ${e instanceof Error ? e.message : e}`);
          return false;
        }
      },
    });
  } finally {
    transport.close();
  }
}
