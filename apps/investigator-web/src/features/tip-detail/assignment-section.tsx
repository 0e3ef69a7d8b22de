import type { StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { useMutation } from "@tanstack/react-query";
import { useMessages } from "../../i18n";
import { useTRPC, type TipDetailView } from "../../lib/trpc";
import { triageErrorText, useTipRefresh } from "./use-tip-refresh";

export function AssignmentSection({ tip, user }: { tip: TipDetailView; user: StaffUser }) {
  const m = useMessages();
  const trpc = useTRPC();
  const refresh = useTipRefresh(tip.id);
  const assign = useMutation({ ...trpc.tips.assign.mutationOptions(), onSuccess: refresh });
  const unassign = useMutation({ ...trpc.tips.unassign.mutationOptions(), onSuccess: refresh });
  const isMine = tip.assignee?.id === user.id;
  const failed = assign.error ?? unassign.error;
  return (
    <Card as="section" heading={m.triage.assignment.heading()} headingLevel={2}>
      <p>
        {tip.assignee === null
          ? m.triage.assignment.none()
          : isMine
            ? m.triage.assignment.toYou()
            : m.triage.assignment.to({ name: tip.assignee.displayName })}
      </p>
      {tip.triageStatus !== "routed" &&
        (isMine ? (
          <Button
            variant="secondary"
            isLoading={unassign.isPending}
            onClick={() => unassign.mutate({ id: tip.id })}
          >
            {m.triage.assignment.unassign()}
          </Button>
        ) : (
          <Button isLoading={assign.isPending} onClick={() => assign.mutate({ id: tip.id })}>
            {m.triage.assignment.assign()}
          </Button>
        ))}
      {failed && (
        <Alert tone="danger" live>
          <p>{triageErrorText(m, failed)}</p>
        </Alert>
      )}
    </Card>
  );
}
