import type { StaffRouter } from "@trace/api/trpc";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { reportSessionEnded } from "../features/auth/session-notice";
import { isSessionEnded, isWorthRetrying } from "../lib/errors";
import type { TrpcClient } from "../lib/trpc";

/**
 * One QueryClient for the app. Any call answered "unauthenticated" (the session expired or was
 * revoked) signs the user out locally: the auth gate then shows the login page with a notice,
 * and no tip data stays in memory.
 */
export function createQueryClient(trpcClient: TrpcClient): QueryClient {
  const onError = (error: unknown) => {
    if (isSessionEnded(error)) {
      forgetSession(queryClient, trpc);
      reportSessionEnded();
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => isWorthRetrying(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  const trpc = createTRPCOptionsProxy<StaffRouter>({ client: trpcClient, queryClient });
  return queryClient;
}

/**
 * Marks the user signed out, then drops every other cached answer. In that order: `auth.me`
 * keeps its observer (the auth gate), which switches to the login page, while the pages that
 * showed tips unmount; clearing the whole cache first would orphan that observer.
 */
export function forgetSession(queryClient: QueryClient, trpc: TRPCOptionsProxy<StaffRouter>): void {
  const meKey = trpc.auth.me.queryKey();
  queryClient.setQueryData(meKey, null);
  const me = queryClient.getQueryCache().find({ queryKey: meKey, exact: true });
  queryClient.removeQueries({ predicate: (query) => query !== me });
}
