import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ReceiptProvider } from "../features/receipt/receipt-context";
import { queryClient } from "../lib/trpc";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ReceiptProvider>{children}</ReceiptProvider>
    </QueryClientProvider>
  );
}
