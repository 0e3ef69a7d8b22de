import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

/**
 * Ends the session on the server, forgets every cached answer, then loads the login page afresh:
 * a full page load, so nothing of the session (tips included) stays in the tab's memory.
 * An already-expired session is handled by the query client (it signs the user out too).
 */
export function useLogout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        window.location.assign("/login");
      },
    }),
  );
}

/** Ends every session of this account, on every device, then leaves like `useLogout`. */
export function useLogoutEverywhere() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logoutEverywhere.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        window.location.assign("/login");
      },
    }),
  );
}
