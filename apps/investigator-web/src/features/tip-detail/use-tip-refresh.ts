import { useQueryClient } from "@tanstack/react-query";
import { messageFor, type Messages } from "../../i18n";
import { appCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/** After a change to a tip: reload it (an audited read) and every inbox view. */
export function useTipRefresh(id: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tips.byId.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.tips.list.pathKey() }),
    ]);
  };
}

/** A refusal from the API in words, by its stable code. */
export function triageErrorText(m: Messages, error: unknown): string {
  const code = appCode(error);
  return (messageFor(m.triage.errors, code) ?? m.triage.errors.generic)();
}
