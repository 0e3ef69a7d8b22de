import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { createTrpcClient, TRPCProvider } from "../lib/trpc";
import { createQueryClient } from "./query-client";

export function Providers({ children }: { children: ReactNode }) {
  const [trpcClient] = useState(createTrpcClient);
  const [queryClient] = useState(() => createQueryClient(trpcClient));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
