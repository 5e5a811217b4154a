import { z } from "zod";
import { CONTENT_KINDS, SLUG } from "@/lib/content/sources";

/** A module or scenario named in a path (`/author/<kind>/<slug>`, `/api/author/<kind>/<slug>/…`). */
export const itemParams = z.object({
  kind: z.enum(CONTENT_KINDS),
  slug: z.string().regex(SLUG).max(60),
});
