"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createBranch, moveBranch, renameBranch, setBranchActive } from "@/db/queries/admin-branches";
import { currentAdmin } from "../admin-user";

export type BranchState = {
  status:
    | "idle"
    | "forbidden"
    | "invalid"
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

async function run(
  formData: FormData,
  schema: z.ZodType,
  act: (data: never, actorId: string) => Promise<BranchState["status"]>,
) {
  const admin = await currentAdmin();
  if (!admin) return { status: "forbidden" as const };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" as const };
  const status = await act(parsed.data as never, admin.id);
  revalidatePath("/", "layout");
  return { status };
}

export async function createBranchAction(_prev: BranchState, formData: FormData): Promise<BranchState> {
  const schema = z.object({
    parentId: id,
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/),
    name,
    nameEn: name,
  });
  return run(formData, schema, (d: z.infer<typeof schema>, actorId) => createBranch({ actorId, ...d }));
}

export async function renameBranchAction(_prev: BranchState, formData: FormData): Promise<BranchState> {
  const schema = z.object({ id, name, nameEn: name });
  return run(formData, schema, async (d: z.infer<typeof schema>, actorId) =>
    (await renameBranch({ actorId, ...d })) ? "renamed" : "not_found",
  );
}

export async function moveBranchAction(_prev: BranchState, formData: FormData): Promise<BranchState> {
  const schema = z.object({ id, parentId: id });
  return run(formData, schema, (d: z.infer<typeof schema>, actorId) => moveBranch({ actorId, ...d }));
}

export async function setBranchActiveAction(_prev: BranchState, formData: FormData): Promise<BranchState> {
  const schema = z.object({ id, active: z.enum(["true", "false"]) });
  return run(formData, schema, (d: z.infer<typeof schema>, actorId) =>
    setBranchActive({ actorId, id: d.id, active: d.active === "true" }),
  );
}
