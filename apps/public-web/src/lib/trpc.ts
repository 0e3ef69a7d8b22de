import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { PublicRouter } from "@trace/api/trpc";
import { shouldRetryQuery } from "./errors";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 60_000, retry: shouldRetryQuery, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** Procedures whose input must never appear in a URL (and so in logs or browser history). */
const POST_ONLY_PATHS = new Set(["tips.status"]);

export const trpcClient = createTRPCClient<PublicRouter>({
  links: [
    splitLink({
      condition: (op) => POST_ONLY_PATHS.has(op.path),
      // A query sent as POST: the receipt code travels in the body. The public API allows this.
      true: httpLink({ url: "/trpc", methodOverride: "POST" }),
      false: httpBatchLink({ url: "/trpc" }),
    }),
  ],
});

/** Query and mutation option factories for TanStack Query, typed from the API's router. */
export const trpc = createTRPCOptionsProxy<PublicRouter>({ client: trpcClient, queryClient });
