"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { runImport, storeUpload } from "@/db/queries/admin-import";
import { MAX_IMPORT_BYTES } from "@/lib/admin-import/validate";
import { linksForAdmin, mailSetPasswordLinks } from "../../set-password-links";

export type UploadState = { status: "idle" | "missing" | "too_large" | "wrong_type" };

const ACCEPTED = /\.(csv|txt|xlsx)$/i;

/** Keeps the uploaded file and opens its dry run; nothing about employees is written here. */
export const uploadImportAction = authorizedAction(
  "admin",
  z.object({ file: z.unknown() }),
  async ({ file }, admin): Promise<UploadState> => {
    if (!(file instanceof File) || file.size === 0) return { status: "missing" };
    if (file.size > MAX_IMPORT_BYTES) return { status: "too_large" };
    if (!ACCEPTED.test(file.name)) return { status: "wrong_type" };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const id = await storeUpload({ actorId: admin.id, fileName: file.name, bytes });
    redirect(`/admin/users/import/${id}`);
  },
);

export type ImportedAccount = { employeeNo: string; name: string; email: string | null; link: string };
export type ConfirmState =
  | { status: "idle" | "already" }
  | {
      status: "imported";
      created: ImportedAccount[];
      updated: number;
      skipped: number;
      unchanged: number;
      emailed: number;
      mailFailed: number;
    };

/**
 * Imports the valid rows of a previewed upload. The file is re-read and re-checked; when the result
 * differs from what the admin saw, nothing is written and the preview opens again with the new result.
 */
export const confirmImportAction = authorizedAction(
  "admin",
  z.object({ uploadId: z.uuid(), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
  async (data, admin): Promise<ConfirmState> => {
    const result = await runImport({ ...data, actorId: admin.id });
    if (result.status === "changed") redirect(`/admin/users/import/${data.uploadId}?changed=1`);
    if (result.status === "already") return { status: "already" };
    const mail = await mailSetPasswordLinks(result.created, "invite");
    const links = await linksForAdmin(result.created.map((a) => a.token));
    return {
      status: "imported",
      created: result.created.map((a, i) => ({
        employeeNo: a.employeeNo,
        name: a.name,
        email: a.email,
        link: links[i] ?? "",
      })),
      updated: result.updated,
      skipped: result.skipped,
      unchanged: result.unchanged,
      ...mail,
    };
  },
);
