import { TRIAGE_OUTCOMES, type TriageOutcome } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, Select, TextInput } from "@trace/ui/field";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { messageFor, useMessages, type Messages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";

// A duplicate names one original per tip: that is done on the tip's own page, not in bulk.
const bulkOutcomes = (m: Messages) =>
  TRIAGE_OUTCOMES.filter((o) => o !== "duplicate").map((o) => ({
    value: o,
    label: m.triage.outcomes[o](),
  }));

/** One outcome for every selected tip; the server applies the rule tip by tip and reports each. */
export function BulkTriageForm({
  selected,
  onDone,
}: {
  selected: readonly string[];
  onDone: () => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [outcome, setOutcome] = useState<string>("not_useful");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const run = useMutation({
    ...trpc.tips.triageMany.mutationOptions(),
    onSuccess: async () => {
      setNote("");
      onDone();
      await queryClient.invalidateQueries({ queryKey: trpc.tips.list.pathKey() });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected.length === 0) {
      setError(m.triage.inbox.bulkNoneSelected());
      return;
    }
    setError(undefined);
    run.mutate({
      ids: [...selected],
      outcome: outcome as Exclude<TriageOutcome, "duplicate">,
      note: note.trim() === "" ? undefined : note,
    });
  }

  const results = run.data?.results ?? [];
  const failed = results.filter((r) => !r.ok);
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={headingId} className="iw-bulk">
      <h2 id={headingId} className="iw-filters__heading">
        {m.triage.inbox.bulkHeading()}
      </h2>
      <p role="status">{m.triage.inbox.bulkSelected({ n: selected.length })}</p>
      <div className="iw-filters__grid">
        <Field label={m.triage.inbox.bulkOutcome()} error={error}>
          {(props) => (
            <Select
              {...props}
              options={bulkOutcomes(m)}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={m.triage.inbox.bulkNote()}>
          {(props) => (
            <TextInput {...props} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          )}
        </Field>
      </div>
      <div className="iw-filters__actions">
        <Button type="submit" isLoading={run.isPending}>
          {m.triage.inbox.bulkSubmit()}
        </Button>
      </div>
      {run.isSuccess && (
        <Alert tone={failed.length > 0 ? "warning" : "success"} live>
          <p>
            {m.triage.inbox.bulkDone({ ok: results.length - failed.length, failed: failed.length })}
          </p>
          {failed.length > 0 && (
            <ul>
              {failed.map((f) => (
                <li key={f.id}>
                  <span className="iw-mono">{f.id}</span>:{" "}
                  {!f.ok && (messageFor(m.triage.errors, f.error) ?? m.triage.errors.generic)()}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {run.isError && (
        <Alert tone="danger" live>
          <p>{m.triage.errors.generic()}</p>
        </Alert>
      )}
    </form>
  );
}
