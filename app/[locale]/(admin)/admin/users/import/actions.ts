"use server";

import { redirect } from "next/navigation";
import { createTransport } from "nodemailer";
import { z } from "zod";
import { runImport, storeUpload } from "@/db/queries/admin-import";
import { setPasswordEmail } from "@/lib/admin-import/invite-email";
import { MAX_IMPORT_BYTES } from "@/lib/admin-import/validate";
import { setPasswordPath } from "@/lib/auth/one-time-token";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { publicUrl } from "@/lib/http/public-url";
import { currentAdmin } from "../../admin-user";

export type UploadState = { status: "idle" | "forbidden" | "missing" | "too_large" | "wrong_type" };

const ACCEPTED = /\.(csv|txt|xlsx)$/i;

/** Keeps the uploaded file and opens its dry run; nothing about employees is written here. */
export async function uploadImportAction(_prev: UploadState, formData: FormData): Promise<UploadState> {
  const admin = await currentAdmin();
  if (!admin) return { status: "forbidden" };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "missing" };
  if (file.size > MAX_IMPORT_BYTES) return { status: "too_large" };
  if (!ACCEPTED.test(file.name)) return { status: "wrong_type" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const id = await storeUpload({ actorId: admin.id, fileName: file.name, bytes });
  redirect(`/admin/users/import/${id}`);
}

export type ImportedAccount = { employeeNo: string; name: string; email: string | null; link: string };
export type ConfirmState =
  | { status: "idle" | "forbidden" | "invalid" | "expired" | "already" }
  | {
      status: "imported";
      created: ImportedAccount[];
      updated: number;
      skipped: number;
      unchanged: number;
      emailed: number;
      mailFailed: number;
    };

const confirmSchema = z.object({ uploadId: z.uuid(), digest: z.string().regex(/^[0-9a-f]{64}$/) });

async function emailLinks(
  accounts: { name: string; employeeNo: string; email: string | null; token: string }[],
) {
  const withEmail = accounts.filter((a) => a.email);
  if (!env.SMTP_URL || withEmail.length === 0) return { emailed: 0, mailFailed: 0 };
  const transport = createTransport(env.SMTP_URL);
  let emailed = 0;
  let mailFailed = 0;
  try {
    for (const a of withEmail) {
      const link = publicUrl(setPasswordPath(a.token));
      const { subject, text } = setPasswordEmail({ ...a, link, purpose: "invite" });
      try {
        await transport.sendMail({
          from: env.MAIL_FROM,
          to: { name: a.name, address: a.email as string },
          subject,
          text,
        });
        emailed++;
      } catch (e) {
        mailFailed++;
        console.warn(`import: mail to ${a.email} failed: ${e instanceof Error ? e.message : e}`);
      }
    }
  } finally {
    transport.close();
  }
  return { emailed, mailFailed };
}

/**
 * Imports the valid rows of a previewed upload. The file is re-read and re-checked; when the result
 * differs from what the admin saw, nothing is written and the preview opens again with the new result.
 */
export async function confirmImportAction(_prev: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const admin = await currentAdmin();
  if (!admin) return { status: "forbidden" };
  const parsed = confirmSchema.safeParse({
    uploadId: formData.get("uploadId"),
    digest: formData.get("digest"),
  });
  if (!parsed.success) return { status: "invalid" };
  let result: Awaited<ReturnType<typeof runImport>>;
  try {
    result = await runImport({ ...parsed.data, actorId: admin.id });
  } catch (e) {
    if (isAppError(e) && e.kind === "not_found") return { status: "expired" };
    throw e;
  }
  if (result.status === "changed") redirect(`/admin/users/import/${parsed.data.uploadId}?changed=1`);
  if (result.status === "already") return { status: "already" };
  const mail = await emailLinks(result.created);
  return {
    status: "imported",
    created: result.created.map((a) => ({
      employeeNo: a.employeeNo,
      name: a.name,
      email: a.email,
      link: publicUrl(setPasswordPath(a.token)),
    })),
    updated: result.updated,
    skipped: result.skipped,
    unchanged: result.unchanged,
    ...mail,
  };
}
