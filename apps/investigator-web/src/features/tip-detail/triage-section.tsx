import { IdSchema, TRIAGE_OUTCOMES, TIP_NOTE_MAX, type TriageOutcome } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, RadioGroup, TextArea, TextInput } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { t } from "../../i18n";
import { useTRPC, type TipDetailView } from "../../lib/trpc";
import { triageErrorText, useTipRefresh } from "./use-tip-refresh";

const OUTCOME_OPTIONS = TRIAGE_OUTCOMES.map((o) => ({ value: o, label: t.triage.outcomes[o] }));

/** Outcome, original of a duplicate and an internal note; the server applies the domain rule. */
export function TriageSection({ tip }: { tip: TipDetailView }) {
  const trpc = useTRPC();
  const refresh = useTipRefresh(tip.id);
  const s = t.triage.triage;
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
      <Card as="section" heading={s.heading} headingLevel={2}>
        <p>{s.routed}</p>
      </Card>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!outcome) next.outcome = s.chooseOutcome;
    if (outcome === "duplicate") {
      if (duplicateOf.trim() === "") next.duplicateOf = s.duplicateOfRequired;
      else if (!IdSchema.safeParse(duplicateOf.trim()).success)
        next.duplicateOf = s.duplicateOfInvalid;
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
    <Card as="section" heading={s.heading} headingLevel={2}>
      <form noValidate onSubmit={onSubmit} className="iw-stack">
        <RadioGroup
          legend={s.outcome}
          name="outcome"
          options={OUTCOME_OPTIONS}
          value={outcome}
          onChange={(value) => setOutcome(value)}
          error={errors.outcome}
        />
        {outcome === "duplicate" && (
          <Field label={s.duplicateOf} hint={s.duplicateOfHint} error={errors.duplicateOf}>
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
        <Field label={s.note} hint={s.noteHint}>
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
            {s.submit}
          </Button>
        </div>
        {save.isError && (
          <Alert tone="danger" live>
            <p>{triageErrorText(save.error)}</p>
          </Alert>
        )}
        {save.isSuccess && <Alert tone="success" title={s.saved} />}
      </form>
    </Card>
  );
}
