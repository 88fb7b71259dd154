import { AppLayout } from "./AppLayout.tsx";
import { RequireSession } from "./RequireSession.tsx";

/** The frame of every page behind login (a route of its own so the sign-in page does not load it). */
export function SignedInLayout() {
  return (
    <RequireSession>
      <AppLayout />
    </RequireSession>
  );
}
