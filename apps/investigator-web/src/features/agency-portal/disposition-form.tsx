import {
  REFERRAL_DISPOSITIONS,
  REFERRAL_NOTE_MAX,
  type ReferralDetail,
  type ReferralDisposition,
} from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Field, RadioGroup, TextArea } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { t } from "../../i18n";
import { appCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { apiFieldMessages, referralErrorText } from "../referrals/referral-errors";
import { dispositionProblems } from "./disposition";

const OPTIONS = REFERRAL_DISPOSITIONS.map((d) => ({
  value: d,
  label: t.referrals.labels.disposition[d],
}));

/** The five outcomes; "other" needs a note saying what happened. */
export function DispositionForm({
  referralId,
  onUpdated,
}: {
  referralId: string;
  onUpdated: (data: ReferralDetail) => void;
}) {
  const pd = t.referrals.portal.detail;
  const trpc = useTRPC();
  const [disposition, setDisposition] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ disposition?: string; note?: string }>({});
  const dispose = useMutation(trpc.agencyPortal.dispose.mutationOptions({ onSuccess: onUpdated }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = dispositionProblems(disposition, note, REFERRAL_NOTE_MAX);
    const next = {
      disposition: problems.disposition && pd.dispositionRequired,
      note:
        problems.note === "required"
          ? pd.noteRequired
          : problems.note === "too_long"
            ? pd.noteTooLong(REFERRAL_NOTE_MAX)
            : undefined,
    };
    setErrors(next);
    if (next.disposition || next.note) return;
    dispose.mutate({
      referralId,
      disposition: disposition as ReferralDisposition,
      note: note.trim() === "" ? undefined : note.trim(),
    });
  }

  const server = apiFieldMessages(dispose.error);
  const noteError =
    errors.note ??
    server.note ??
    (appCode(dispose.error) === "referral_note_required" ? pd.noteRequired : undefined);
  const showFormError = dispose.isError && !noteError && !server.disposition;
  return (
    <form noValidate onSubmit={onSubmit} className="iw-stack">
      <RadioGroup
        legend={pd.disposition}
        hint={pd.dispositionHint}
        name="disposition"
        options={OPTIONS}
        value={disposition}
        onChange={(value) => setDisposition(value)}
        error={errors.disposition ?? server.disposition}
        isRequired
      />
      <Field
        label={pd.note}
        hint={pd.noteHint}
        error={noteError}
        isRequired={disposition === "other"}
      >
        {(props) => (
          <TextArea
            {...props}
            rows={3}
            maxLength={REFERRAL_NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        )}
      </Field>
      <div>
        <Button type="submit" isLoading={dispose.isPending}>
          {pd.record}
        </Button>
      </div>
      {showFormError && (
        <ErrorAlert live title={referralErrorText(dispose.error)} error={dispose.error} />
      )}
    </form>
  );
}
