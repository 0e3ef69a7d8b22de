import type { StaffRouter } from "@trace/api/trpc";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC } = createTRPCContext<StaffRouter>();

/**
 * The staff API on the same origin. The session is an HttpOnly cookie the server sets and the
 * browser sends by itself: the app stores no token anywhere.
 */
export function createTrpcClient() {
  return createTRPCClient<StaffRouter>({
    links: [httpBatchLink({ url: "/trpc" })],
  });
}

export type TrpcClient = ReturnType<typeof createTrpcClient>;

/** What the staff procedures return, as the client receives it (JSON over the wire). */
export type StaffOutputs = inferRouterOutputs<StaffRouter>;
export type TipDetailView = StaffOutputs["tips"]["byId"];
export type TipListRow = StaffOutputs["tips"]["list"]["items"][number];
