"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/app/[locale]/(auth)/session";
import { revokeCertificate } from "@/db/queries/certificates";
import { can } from "@/lib/auth/roles";

export type RevokeState = { status: "idle" | "revoked" | "invalid" | "already" | "forbidden" };

const schema = z.object({
  certificateId: z.uuid(),
  reason: z.string().trim().min(4).max(500),
});

/** An administrator revokes a certificate with a reason; audited, and the verify page shows it at once. */
export async function revokeCertificateAction(_prev: RevokeState, formData: FormData): Promise<RevokeState> {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "admin")) return { status: "forbidden" };
  const parsed = schema.safeParse({
    certificateId: formData.get("certificateId"),
    reason: formData.get("reason"),
  });
  if (!parsed.success) return { status: "invalid" };
  const revoked = await revokeCertificate({
    id: parsed.data.certificateId,
    actorId: user.id,
    reason: parsed.data.reason,
    now: new Date(),
  });
  if (!revoked) return { status: "already" };
  revalidatePath("/admin/certificates");
  return { status: "revoked" };
}
