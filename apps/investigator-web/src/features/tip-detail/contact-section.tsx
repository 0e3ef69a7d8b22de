import { RevealContactInputSchema } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextInput } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "../../i18n";
import { useTRPC, type TipDetailView } from "../../lib/trpc";
import { triageErrorText } from "./use-tip-refresh";

/**
 * Contact details are never part of the tip; they are decrypted on request, with a reason the
 * server records in the audit trail. They live in this component's state only.
 */
export function ContactSection({ tip }: { tip: TipDetailView }) {
  const m = useMessages();
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const reveal = useMutation(trpc.tips.revealContact.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const valid = RevealContactInputSchema.safeParse({ id: tip.id, reason }).success;
    setError(valid ? undefined : m.triage.contact.reasonRequired());
    if (valid) reveal.mutate({ id: tip.id, reason });
  }

  return (
    <Card as="section" heading={m.triage.contact.heading()} headingLevel={2}>
      {!tip.hasContact ? (
        <p className="iw-muted">{m.triage.contact.none()}</p>
      ) : reveal.isSuccess ? (
        <dl className="iw-dl">
          <div>
            <dt>{m.triage.contact.shown()}</dt>
            <dd className="iw-tip-text">{reveal.data.contact}</dd>
          </div>
        </dl>
      ) : (
        <form noValidate onSubmit={onSubmit} className="iw-stack">
          <p className="iw-note">{m.triage.contact.intro()}</p>
          <Field label={m.triage.contact.reason()} error={error} isRequired>
            {(props) => (
              <TextInput
                {...props}
                autoComplete="off"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            )}
          </Field>
          <div>
            <Button type="submit" variant="secondary" isLoading={reveal.isPending}>
              {m.triage.contact.show()}
            </Button>
          </div>
          {reveal.isError && (
            <Alert tone="danger" live>
              <p>{triageErrorText(m, reveal.error)}</p>
            </Alert>
          )}
        </form>
      )}
    </Card>
  );
}
