import { can, type StaffUser } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextArea, TextInput } from "@trace/ui/field";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import type { StaffObjectView } from "./object-detail-page";

/** The publication steps this user may take on this object now; the API decides again. */
export function LifecycleSection({ object, user }: { object: StaffObjectView; user: StaffUser }) {
  const m = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = (data: StaffObjectView) => {
    queryClient.setQueryData(trpc.objects.byId.queryKey({ id: object.id }), data);
    void queryClient.invalidateQueries({ queryKey: trpc.objects.list.queryKey() });
  };
  const submit = useMutation(trpc.objects.submit.mutationOptions({ onSuccess }));
  const back = useMutation(trpc.objects.returnToDraft.mutationOptions({ onSuccess }));
  const found = useMutation(trpc.objects.markOriginFound.mutationOptions({ onSuccess }));
  const error = submit.error ?? back.error ?? found.error;

  const canEdit = can(user.role, "object.edit");
  const { status } = object;
  const isAuthor = object.author.id === user.id;
  const steps = [
    status === "draft" && canEdit && (
      <Button
        key="submit"
        isLoading={submit.isPending}
        onClick={() => submit.mutate({ id: object.id })}
      >
        {m.objects.lifecycle.submit()}
      </Button>
    ),
    status === "in_review" && canEdit && (
      <Button
        key="back"
        variant="secondary"
        isLoading={back.isPending}
        onClick={() => back.mutate({ id: object.id })}
      >
        {m.objects.lifecycle.returnToDraft()}
      </Button>
    ),
    status === "published" && can(user.role, "object.resolve") && (
      <Button
        key="found"
        isLoading={found.isPending}
        onClick={() => found.mutate({ id: object.id })}
      >
        {m.objects.lifecycle.markOriginFound()}
      </Button>
    ),
  ].filter(Boolean);
  const showApprove = status === "in_review" && can(user.role, "object.approve");
  const showWithdraw = status !== "withdrawn" && can(user.role, "object.withdraw");

  return (
    <>
      <Card as="section" heading={m.objects.lifecycle.heading()} headingLevel={2}>
        {steps.length > 0 && <div className="iw-actions">{steps}</div>}
        {showApprove &&
          (isAuthor ? (
            <p className="iw-note">{m.objects.lifecycle.ownObject()}</p>
          ) : (
            <ApproveForm object={object} onSuccess={onSuccess} />
          ))}
        {steps.length === 0 && !showApprove && (
          <p className="iw-muted">{m.objects.lifecycle.nothingToDo()}</p>
        )}
        {error && <ErrorAlert title={error.message} error={error} />}
      </Card>
      {showWithdraw && <WithdrawForm object={object} onSuccess={onSuccess} />}
    </>
  );
}

function ApproveForm({
  object,
  onSuccess,
}: {
  object: StaffObjectView;
  onSuccess: (data: StaffObjectView) => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const approve = useMutation(trpc.objects.approve.mutationOptions({ onSuccess }));
  const [when, setWhen] = useState<"now" | "later">("now");
  const [at, setAt] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (when === "later") {
      const date = at ? new Date(at) : null;
      if (!date || Number.isNaN(date.getTime())) {
        setMissing(true);
        return;
      }
      setMissing(false);
      approve.mutate({ id: object.id, publishAt: date.toISOString() });
    } else {
      approve.mutate({ id: object.id, publishAt: null });
    }
  };
  return (
    <form onSubmit={submit} noValidate className="iw-form">
      <fieldset>
        <legend>{m.objects.lifecycle.when()}</legend>
        <label>
          <input
            type="radio"
            name="when"
            checked={when === "now"}
            onChange={() => setWhen("now")}
          />{" "}
          {m.objects.lifecycle.publishNow()}
        </label>
        <label>
          <input
            type="radio"
            name="when"
            checked={when === "later"}
            onChange={() => setWhen("later")}
          />{" "}
          {m.objects.lifecycle.publishLater()}
        </label>
      </fieldset>
      {when === "later" && (
        <Field
          label={m.objects.lifecycle.publishAt()}
          error={missing ? m.objects.lifecycle.publishAtRequired() : undefined}
          isRequired
        >
          {(props) => (
            <TextInput
              {...props}
              type="datetime-local"
              value={at}
              onChange={(e) => setAt(e.target.value)}
            />
          )}
        </Field>
      )}
      {approve.isError && <ErrorAlert title={approve.error.message} error={approve.error} />}
      <Button type="submit" isLoading={approve.isPending}>
        {m.objects.lifecycle.approve()}
      </Button>
    </form>
  );
}

function WithdrawForm({
  object,
  onSuccess,
}: {
  object: StaffObjectView;
  onSuccess: (data: StaffObjectView) => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const withdraw = useMutation(trpc.objects.withdraw.mutationOptions({ onSuccess }));
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(!trimmed);
    if (trimmed) withdraw.mutate({ id: object.id, reason: trimmed });
  };
  return (
    <Card as="section" heading={m.objects.lifecycle.withdrawHeading()} headingLevel={2}>
      <form onSubmit={submit} noValidate className="iw-form">
        <Field
          label={m.objects.lifecycle.reason()}
          hint={m.objects.lifecycle.withdrawHint()}
          isRequired
          error={missing ? m.objects.lifecycle.reasonRequired() : undefined}
        >
          {(props) => (
            <TextArea
              {...props}
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        {withdraw.isError && <ErrorAlert title={withdraw.error.message} error={withdraw.error} />}
        <Button type="submit" variant="danger" isLoading={withdraw.isPending}>
          {m.objects.lifecycle.withdraw()}
        </Button>
      </form>
    </Card>
  );
}
