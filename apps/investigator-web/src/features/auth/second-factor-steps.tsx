import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { ErrorSummary } from "@trace/ui/error-summary";
import { Checkbox, Field, TextInput } from "@trace/ui/field";
import { Spinner } from "@trace/ui/spinner";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { PageHeading } from "../../app/page-heading";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { appCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/** What the second step can tell the person; anything else is a generic error with its reference. */
function StepError({ error, onRestart }: { error: unknown; onRestart: () => void }) {
  const m = useMessages();
  const code = appCode(error);
  if (code === "second_factor_invalid")
    return <Alert tone="danger" live title={m.secondFactor.codeRefused()} />;
  if (code === "login_throttled")
    return <Alert tone="danger" live title={m.secondFactor.throttled()} />;
  if (code === "login_challenge_invalid")
    return (
      <Alert tone="danger" live title={m.secondFactor.challengeExpired()}>
        <Button variant="secondary" size="small" onClick={onRestart}>
          {m.secondFactor.startAgain()}
        </Button>
      </Alert>
    );
  return <ErrorAlert live title={m.app.genericError()} error={error} />;
}

function CodeForm({
  id,
  label,
  hint,
  requiredMessage,
  submitLabel,
  isLoading,
  isNumeric,
  onSubmit,
}: {
  id: string;
  label: string;
  hint: string;
  requiredMessage: string;
  submitLabel: string;
  isLoading: boolean;
  isNumeric: boolean;
  onSubmit: (code: string) => void;
}) {
  const m = useMessages();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [submitCount, setSubmitCount] = useState(0);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitCount((n) => n + 1);
    const isMissing = code.trim() === "";
    setError(isMissing ? requiredMessage : undefined);
    if (!isMissing) onSubmit(code.trim());
  }
  return (
    <>
      <ErrorSummary
        heading={m.login.errorSummary()}
        errors={error ? [{ fieldId: id, message: error }] : []}
        focusKey={submitCount}
      />
      <form noValidate onSubmit={submit} className="iw-login-form">
        <Field label={label} hint={hint} id={id} error={error}>
          {(props) => (
            <TextInput
              {...props}
              name={id}
              autoComplete="one-time-code"
              inputMode={isNumeric ? "numeric" : "text"}
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
          )}
        </Field>
        <Button type="submit" isLoading={isLoading}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

/** Step two for an enrolled account: the app's code, or one recovery code. */
export function VerifyStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: string;
  onDone: () => void;
  onRestart: () => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const [method, setMethod] = useState<"totp" | "recovery_code">("totp");
  const verify = useMutation(trpc.auth.verifySecondFactor.mutationOptions({ onSuccess: onDone }));
  const isTotp = method === "totp";
  return (
    <>
      <PageHeading>{m.secondFactor.verifyHeading()}</PageHeading>
      <p>{isTotp ? m.secondFactor.verifyIntro() : m.secondFactor.recoveryCodeHint()}</p>
      {verify.isError && <StepError error={verify.error} onRestart={onRestart} />}
      <CodeForm
        key={method}
        id={isTotp ? "login-code" : "login-recovery-code"}
        label={isTotp ? m.secondFactor.code() : m.secondFactor.recoveryCode()}
        hint={isTotp ? m.secondFactor.codeHint() : ""}
        requiredMessage={
          isTotp ? m.secondFactor.codeRequired() : m.secondFactor.recoveryCodeRequired()
        }
        submitLabel={m.secondFactor.verify()}
        isLoading={verify.isPending}
        isNumeric={isTotp}
        onSubmit={(code) => verify.mutate({ challenge, method, code })}
      />
      <p>
        <Button
          variant="secondary"
          size="small"
          onClick={() => {
            verify.reset();
            setMethod(isTotp ? "recovery_code" : "totp");
          }}
        >
          {isTotp ? m.secondFactor.useRecoveryCode() : m.secondFactor.useAuthenticator()}
        </Button>
      </p>
    </>
  );
}

/** First login (or after a reset): scan or type the key, prove it with a code. */
export function EnrolStep({
  challenge,
  onEnrolled,
  onRestart,
}: {
  challenge: string;
  onEnrolled: (recoveryCodes: string[]) => void;
  onRestart: () => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const start = useMutation(trpc.auth.startEnrolment.mutationOptions());
  const confirm = useMutation(
    trpc.auth.confirmEnrolment.mutationOptions({
      onSuccess: (result) => onEnrolled(result.recoveryCodes),
    }),
  );
  const { mutate: startEnrolment } = start;
  useEffect(() => startEnrolment({ challenge }), [startEnrolment, challenge]);

  return (
    <>
      <PageHeading>{m.secondFactor.enrolHeading()}</PageHeading>
      <p>{m.secondFactor.enrolIntro()}</p>
      {start.isError && <StepError error={start.error} onRestart={onRestart} />}
      {start.isPending && <Spinner label={m.secondFactor.loadingEnrolment()} />}
      {start.data && (
        <>
          <img
            className="iw-qr-code"
            width={200}
            height={200}
            alt={m.secondFactor.qrAlt()}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrCodeSvg)}`}
          />
          <Field label={m.secondFactor.manualKey()} id="enrol-manual-key">
            {(props) => (
              <TextInput
                {...props}
                readOnly
                className="iw-manual-key"
                spellCheck={false}
                value={start.data.secret}
              />
            )}
          </Field>
          {confirm.isError && <StepError error={confirm.error} onRestart={onRestart} />}
          <CodeForm
            id="enrol-code"
            label={m.secondFactor.code()}
            hint={m.secondFactor.codeHint()}
            requiredMessage={m.secondFactor.codeRequired()}
            submitLabel={m.secondFactor.confirm()}
            isLoading={confirm.isPending}
            isNumeric
            onSubmit={(code) => confirm.mutate({ challenge, code })}
          />
        </>
      )}
    </>
  );
}

/** Shown once, right after enrolment; the session is already open behind it. */
export function RecoveryCodesStep({
  codes,
  onContinue,
}: {
  codes: string[];
  onContinue: () => void;
}) {
  const m = useMessages();
  const [isSaved, setIsSaved] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <>
      <PageHeading>{m.secondFactor.recoveryHeading()}</PageHeading>
      <p>{m.secondFactor.recoveryIntro()}</p>
      <ul className="iw-recovery-codes" aria-label={m.secondFactor.recoveryList()}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <form
        noValidate
        className="iw-login-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!isSaved) return setError(m.secondFactor.savedRequired());
          onContinue();
        }}
      >
        <Checkbox
          id="recovery-saved"
          label={m.secondFactor.savedCodes()}
          checked={isSaved}
          error={error}
          onChange={(e) => setIsSaved(e.currentTarget.checked)}
        />
        <Button type="submit">{m.secondFactor.continue()}</Button>
      </form>
    </>
  );
}
