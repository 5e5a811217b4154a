"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { revokeCertificate } from "@/db/queries/certificates";

export type RevokeState = { status: "idle" | "revoked" | "already" };

/** An administrator revokes a certificate with a reason; audited, and the verify page shows it at once. */
export const revokeCertificateAction = authorizedAction(
  "admin",
  z.object({ certificateId: z.uuid(), reason: z.string().trim().min(4).max(500) }),
  async ({ certificateId, reason }, admin): Promise<RevokeState> => {
    const revoked = await revokeCertificate({
      id: certificateId,
      actorId: admin.id,
      reason,
      now: new Date(),
    });
    if (!revoked) return { status: "already" };
    revalidatePath("/admin/certificates");
    return { status: "revoked" };
  },
);
