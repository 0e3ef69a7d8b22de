import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc";
import { SignedInRoutes, SignedOutRoutes } from "./routes";
import { StartupError, StartupSpinner } from "./startup";

/** `auth.me` decides: no user, the login page; a user, the app. */
export function App() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.data) return <SignedInRoutes user={me.data} />;
  if (me.data === null) return <SignedOutRoutes />;
  if (me.isError) return <StartupError error={me.error} onRetry={() => void me.refetch()} />;
  return <StartupSpinner />;
}
