import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, TextInput } from "@trace/ui/field";
import { useState } from "react";
import { t } from "../../i18n";

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
  const a = t.referrals.agencies;
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
      <Alert tone="warning" live title={a.newSecretTitle}>
        <p>{a.newSecretText}</p>
      </Alert>
      <Field label={a.newSecretLabel(agencyCode)}>
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
        <Button onClick={() => void copySecret()}>{a.copy}</Button>
        <Button variant="secondary" onClick={onDone}>
          {a.done}
        </Button>
      </div>
      <p role="status" className="iw-note">
        {copy === "copied" ? a.copied : copy === "failed" ? a.copyFailed : ""}
      </p>
    </div>
  );
}
