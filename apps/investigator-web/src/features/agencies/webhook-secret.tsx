import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, TextInput } from "@trace/ui/field";
import { useState } from "react";
import { useMessages } from "../../i18n";

/**
 * A signing secret shown the one time it exists in clear: a read-only field to select, a copy
 * button, and a plain warning that it cannot be shown again.
 */
export function WebhookSecret({
  agencyCode,
  secret,
  onDone,
}: {
  agencyCode: string;
  secret: string;
  onDone: () => void;
}) {
  const m = useMessages();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copySecret() {
    try {
      // Missing outside a secure context (plain http on another host than localhost).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div className="iw-stack">
      <Alert tone="warning" live title={m.referrals.agencies.newSecretTitle()}>
        <p>{m.referrals.agencies.newSecretText()}</p>
      </Alert>
      <Field label={m.referrals.agencies.newSecretLabel({ code: agencyCode })}>
        {(props) => (
          <TextInput
            {...props}
            readOnly
            autoComplete="off"
            spellCheck={false}
            className="iw-mono"
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </Field>
      <div className="iw-actions">
        <Button onClick={() => void copySecret()}>{m.referrals.agencies.copy()}</Button>
        <Button variant="secondary" onClick={onDone}>
          {m.referrals.agencies.done()}
        </Button>
      </div>
      <p role="status" className="iw-note">
        {copy === "copied"
          ? m.referrals.agencies.copied()
          : copy === "failed"
            ? m.referrals.agencies.copyFailed()
            : ""}
      </p>
    </div>
  );
}
