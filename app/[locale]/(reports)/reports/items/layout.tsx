import { forbidden } from "next/navigation";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { canAnalyseItems } from "@/lib/auth/roles";

/**
 * The role is checked here, outside the page's loading boundary: a learner gets a 403 status with
 * the 403 page, not a 200 whose stream turns into it once the page behind `loading.tsx` renders.
 */
export default async function ItemsLayout({ children }: { children: React.ReactNode }) {
  if (!canAnalyseItems((await requireUser()).role)) forbidden();
  return children;
}
