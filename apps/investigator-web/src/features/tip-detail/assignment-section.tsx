import type { StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { useMutation } from "@tanstack/react-query";
import { t } from "../../i18n";
import { useTRPC, type TipDetailView } from "../../lib/trpc";
import { triageErrorText, useTipRefresh } from "./use-tip-refresh";

export function AssignmentSection({ tip, user }: { tip: TipDetailView; user: StaffUser }) {
  const trpc = useTRPC();
  const refresh = useTipRefresh(tip.id);
  const a = t.triage.assignment;
  const assign = useMutation({ ...trpc.tips.assign.mutationOptions(), onSuccess: refresh });
  const unassign = useMutation({ ...trpc.tips.unassign.mutationOptions(), onSuccess: refresh });
  const isMine = tip.assignee?.id === user.id;
  const failed = assign.error ?? unassign.error;
  return (
    <Card as="section" heading={a.heading} headingLevel={2}>
      <p>{tip.assignee === null ? a.none : isMine ? a.toYou : a.to(tip.assignee.displayName)}</p>
      {tip.triageStatus !== "routed" &&
        (isMine ? (
          <Button
            variant="secondary"
            isLoading={unassign.isPending}
            onClick={() => unassign.mutate({ id: tip.id })}
          >
            {a.unassign}
          </Button>
        ) : (
          <Button isLoading={assign.isPending} onClick={() => assign.mutate({ id: tip.id })}>
            {a.assign}
          </Button>
        ))}
      {failed && (
        <Alert tone="danger" live>
          <p>{triageErrorText(failed)}</p>
        </Alert>
      )}
    </Card>
  );
}
