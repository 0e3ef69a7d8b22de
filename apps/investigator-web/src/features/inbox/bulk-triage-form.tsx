import { TRIAGE_OUTCOMES, type TriageOutcome } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, Select, TextInput } from "@trace/ui/field";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";

// A duplicate names one original per tip: that is done on the tip's own page, not in bulk.
const BULK_OUTCOMES = TRIAGE_OUTCOMES.filter((o) => o !== "duplicate").map((o) => ({
  value: o,
  label: t.triage.outcomes[o],
}));

/** One outcome for every selected tip; the server applies the rule tip by tip and reports each. */
export function BulkTriageForm({
  selected,
  onDone,
}: {
  selected: readonly string[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const b = t.triage.inbox;
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
      setError(b.bulkNoneSelected);
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
        {b.bulkHeading}
      </h2>
      <p role="status">{b.bulkSelected(selected.length)}</p>
      <div className="iw-filters__grid">
        <Field label={b.bulkOutcome} error={error}>
          {(props) => (
            <Select
              {...props}
              options={BULK_OUTCOMES}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={b.bulkNote}>
          {(props) => (
            <TextInput {...props} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          )}
        </Field>
      </div>
      <div className="iw-filters__actions">
        <Button type="submit" isLoading={run.isPending}>
          {b.bulkSubmit}
        </Button>
      </div>
      {run.isSuccess && (
        <Alert tone={failed.length > 0 ? "warning" : "success"} live>
          <p>{b.bulkDone(results.length - failed.length, failed.length)}</p>
          {failed.length > 0 && (
            <ul>
              {failed.map((f) => (
                <li key={f.id}>
                  <span className="iw-mono">{f.id}</span>:{" "}
                  {!f.ok && (t.triage.errors[f.error] ?? t.triage.errors.generic)}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {run.isError && (
        <Alert tone="danger" live>
          <p>{t.triage.errors.generic}</p>
        </Alert>
      )}
    </form>
  );
}
