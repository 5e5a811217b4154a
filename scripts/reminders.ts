// npm run reminders — plans the due-soon, overdue and certificate-expiring notifications of the whole
// bank, stores each one once and, when SMTP_URL is set, e-mails every notification not sent yet.
// Safe to run as often as cron likes: a second run stores and sends nothing new.
import { type Db, db as defaultDb } from "../db/client";
import { listAssignmentsToRemind } from "../db/queries/assignments";
import { loadCatalog } from "../db/queries/content-catalog";
import {
  claimUnsentEmails,
  listLiveCertificates,
  markEmailed,
  releaseEmailClaims,
  storeNotifications,
} from "../db/queries/notifications";
import { certifications } from "../lib/certification/catalog";
import { env } from "../lib/env";
import { withMailer } from "../lib/mail/mailer";
import { reminderEmail } from "../lib/reminders/messages";
import { planReminders } from "../lib/reminders/plan";

const CLAIM_SIZE = 100;

type MailOptions = { db: Db; now: Date; smtpUrl: string; appUrl: string; from: string };

/**
 * Sends what is claimable, a claim at a time. A message that fails is given back at the end (so
 * the next run retries it, and this run does not loop on it); a claim where every send failed ends
 * the run, as the mail server is likely down.
 */
async function sendEmails({ db, now, smtpUrl, appUrl, from }: MailOptions) {
  const catalog = await loadCatalog({ db });
  const failed: string[] = [];
  let sent = 0;
  try {
    await withMailer({ smtpUrl, from, label: "reminders" }, async (mailer) => {
      for (;;) {
        const claimed = await claimUnsentEmails({ limit: CLAIM_SIZE, now, db });
        if (claimed.length === 0) break;
        const delivered: string[] = [];
        for (const n of claimed) {
          const mail = {
            to: { name: n.name, address: n.email },
            ...reminderEmail({ ...n, appUrl, catalog }),
          };
          if (await mailer.send(mail)) delivered.push(n.id);
          else failed.push(n.id);
        }
        await markEmailed({ ids: delivered, now, db });
        sent += delivered.length;
        if (delivered.length === 0) break;
      }
    });
  } finally {
    await releaseEmailClaims({ ids: failed, db });
  }
  return { sent, failed: failed.length };
}

/** One reminder run: plan and store notifications for everyone, then e-mail them if SMTP is configured. */
export async function runReminders({
  db = defaultDb,
  now = new Date(),
  smtpUrl = env.SMTP_URL,
  appUrl = env.APP_URL,
  from = env.MAIL_FROM,
}: {
  db?: Db;
  now?: Date;
  /** Where to send e-mail; null sends none (undefined falls back to SMTP_URL). */
  smtpUrl?: string | null;
  appUrl?: string;
  from?: string;
} = {}) {
  const [due, held] = await Promise.all([
    listAssignmentsToRemind({ now, db }),
    listLiveCertificates({ now, db }),
  ]);
  const drafts = planReminders({
    assignments: due,
    certificates: held,
    certifications: certifications(),
    now,
  });
  const stored = await storeNotifications({ drafts, now, db });
  const mail = smtpUrl ? await sendEmails({ db, now, smtpUrl, appUrl, from }) : { sent: 0, failed: 0 };
  return { stored, ...mail };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { stored, sent, failed } = await runReminders();
  console.log(
    `reminders: ${stored} new notifications, ${sent} emails sent${failed ? `, ${failed} failed (retried next run)` : ""}`,
  );
  if (failed) process.exitCode = 1;
}
