import { requireUser } from "@/app/[locale]/(auth)/session";
import { shellActions } from "@/app/[locale]/shell-actions";
import { AppShell } from "@/components/shell/app-shell";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} actions={shellActions}>
      {children}
    </AppShell>
  );
}
