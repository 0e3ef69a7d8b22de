import { IdSchema, TRIAGE_OUTCOMES, TIP_NOTE_MAX, type TriageOutcome } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, RadioGroup, TextArea, TextInput } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages, type Messages } from "../../i18n";
import { useTRPC, type TipDetailView } from "../../lib/trpc";
import { triageErrorText, useTipRefresh } from "./use-tip-refresh";

const outcomeOptions = (m: Messages) =>
  TRIAGE_OUTCOMES.map((o) => ({ value: o, label: m.triage.outcomes[o]() }));

/** Outcome, original of a duplicate and an internal note; the server applies the domain rule. */
export function TriageSection({ tip }: { tip: TipDetailView }) {
  const m = useMessages();
  const trpc = useTRPC();
  const refresh = useTipRefresh(tip.id);
  const [outcome, setOutcome] = useState<string>(
    tip.triageStatus === "new" || tip.triageStatus === "routed" ? "" : tip.triageStatus,
  );
  const [duplicateOf, setDuplicateOf] = useState(tip.duplicateOfId ?? "");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ outcome?: string; duplicateOf?: string }>({});
  const save = useMutation({
    ...trpc.tips.triage.mutationOptions(),
    onSuccess: async () => {
      setNote("");
      await refresh();
    },
  });

  if (tip.triageStatus === "routed") {
    return (
      <Card as="section" heading={m.triage.triage.heading()} headingLevel={2}>
        <p>{m.triage.triage.routed()}</p>
      </Card>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!outcome) next.outcome = m.triage.triage.chooseOutcome();
    if (outcome === "duplicate") {
      if (duplicateOf.trim() === "") next.duplicateOf = m.triage.triage.duplicateOfRequired();
      else if (!IdSchema.safeParse(duplicateOf.trim()).success)
        next.duplicateOf = m.triage.triage.duplicateOfInvalid();
    }
    setErrors(next);
    if (next.outcome || next.duplicateOf) return;
    save.mutate({
      id: tip.id,
      outcome: outcome as TriageOutcome,
      duplicateOfId: outcome === "duplicate" ? duplicateOf.trim() : undefined,
      note: note.trim() === "" ? undefined : note,
    });
  }

  return (
    <Card as="section" heading={m.triage.triage.heading()} headingLevel={2}>
      <form noValidate onSubmit={onSubmit} className="iw-stack">
        <RadioGroup
          legend={m.triage.triage.outcome()}
          name="outcome"
          options={outcomeOptions(m)}
          value={outcome}
          onChange={(value) => setOutcome(value)}
          error={errors.outcome}
        />
        {outcome === "duplicate" && (
          <Field
            label={m.triage.triage.duplicateOf()}
            hint={m.triage.triage.duplicateOfHint()}
            error={errors.duplicateOf}
          >
            {(props) => (
              <TextInput
                {...props}
                className="iw-mono"
                autoComplete="off"
                spellCheck={false}
                value={duplicateOf}
                onChange={(e) => setDuplicateOf(e.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <Field label={m.triage.triage.note()} hint={m.triage.triage.noteHint()}>
          {(props) => (
            <TextArea
              {...props}
              rows={3}
              maxLength={TIP_NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          )}
        </Field>
        <div>
          <Button type="submit" isLoading={save.isPending}>
            {m.triage.triage.submit()}
          </Button>
        </div>
        {save.isError && (
          <Alert tone="danger" live>
            <p>{triageErrorText(m, save.error)}</p>
          </Alert>
        )}
        {save.isSuccess && <Alert tone="success" title={m.triage.triage.saved()} />}
      </form>
    </Card>
  );
}
