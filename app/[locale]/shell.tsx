import { AppShell } from "@/components/shell/app-shell";
import { signOutAction } from "./(auth)/actions";
import { requireUser } from "./(auth)/session";
import { switchLocale } from "./locale-actions";

/** What the shell's buttons call, handed to components/shell as props. */
export const shellActions = { signOut: signOutAction, switchLocale };

/** The frame of every signed-in area's pages: the header with the user's navigation, then the page. */
export async function SignedInShell({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} actions={shellActions}>
      {children}
    </AppShell>
  );
}
