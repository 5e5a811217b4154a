"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/app/[locale]/(auth)/authorized-action";
import { createBranch, moveBranch, renameBranch, setBranchActive } from "@/db/queries/admin-branches";

export type BranchState = {
  status:
    | "idle"
    | "created"
    | "duplicate"
    | "bad_parent"
    | "renamed"
    | "moved"
    | "cycle"
    | "unchanged"
    | "not_found"
    | "conflict"
    | "updated"
    | "not_empty";
};

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(64);

/** Every branch change shows on every page (navigation, lists), so the whole layout renders again. */
function done(status: BranchState["status"]): BranchState {
  revalidatePath("/", "layout");
  return { status };
}

export const createBranchAction = authorizedAction(
  "admin",
  z.object({
    parentId: id,
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/),
    name,
    nameEn: name,
  }),
  async (data, admin) => done(await createBranch({ actorId: admin.id, ...data })),
);

export const renameBranchAction = authorizedAction(
  "admin",
  z.object({ id, name, nameEn: name }),
  async (data, admin) => done((await renameBranch({ actorId: admin.id, ...data })) ? "renamed" : "not_found"),
);

export const moveBranchAction = authorizedAction(
  "admin",
  z.object({ id, parentId: id }),
  async (data, admin) => done(await moveBranch({ actorId: admin.id, ...data })),
);

export const setBranchActiveAction = authorizedAction(
  "admin",
  z.object({ id, active: z.enum(["true", "false"]) }),
  async (data, admin) =>
    done(await setBranchActive({ actorId: admin.id, id: data.id, active: data.active === "true" })),
);
