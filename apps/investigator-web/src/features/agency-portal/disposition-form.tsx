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
import { useMessages, type Messages } from "../../i18n";
import { appCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { apiFieldMessages, referralErrorText } from "../referrals/referral-errors";
import { dispositionProblems } from "./disposition";

const optionsOf = (m: Messages) =>
  REFERRAL_DISPOSITIONS.map((d) => ({
    value: d,
    label: m.referrals.labels.disposition[d](),
  }));

/** The five outcomes; "other" needs a note saying what happened. */
export function DispositionForm({
  referralId,
  onUpdated,
}: {
  referralId: string;
  onUpdated: (data: ReferralDetail) => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const [disposition, setDisposition] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ disposition?: string; note?: string }>({});
  const dispose = useMutation(trpc.agencyPortal.dispose.mutationOptions({ onSuccess: onUpdated }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = dispositionProblems(disposition, note, REFERRAL_NOTE_MAX);
    const next = {
      disposition: problems.disposition && m.referrals.portal.detail.dispositionRequired(),
      note:
        problems.note === "required"
          ? m.referrals.portal.detail.noteRequired()
          : problems.note === "too_long"
            ? m.referrals.portal.detail.noteTooLong({ max: REFERRAL_NOTE_MAX })
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
    (appCode(dispose.error) === "referral_note_required"
      ? m.referrals.portal.detail.noteRequired()
      : undefined);
  const showFormError = dispose.isError && !noteError && !server.disposition;
  return (
    <form noValidate onSubmit={onSubmit} className="iw-stack">
      <RadioGroup
        legend={m.referrals.portal.detail.disposition()}
        hint={m.referrals.portal.detail.dispositionHint()}
        name="disposition"
        options={optionsOf(m)}
        value={disposition}
        onChange={(value) => setDisposition(value)}
        error={errors.disposition ?? server.disposition}
        isRequired
      />
      <Field
        label={m.referrals.portal.detail.note()}
        hint={m.referrals.portal.detail.noteHint()}
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
          {m.referrals.portal.detail.record()}
        </Button>
      </div>
      {showFormError && (
        <ErrorAlert live title={referralErrorText(m, dispose.error)} error={dispose.error} />
      )}
    </form>
  );
}
