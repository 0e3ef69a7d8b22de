import { LoginInputSchema } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { ErrorSummary } from "@trace/ui/error-summary";
import { Field, TextInput } from "@trace/ui/field";
import { Container, PageLayout } from "@trace/ui/page-layout";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, type Messages } from "../../i18n";
import { appCode, asStaffError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { EnrolStep, RecoveryCodesStep, VerifyStep } from "./second-factor-steps";
import { clearSessionNotice, useHasSessionEnded } from "./session-notice";

/** Password, then the second factor; no session exists until the second step succeeds. */
type Step =
  | { kind: "password" }
  | { kind: "verify" | "enrol"; challenge: string }
  | { kind: "recovery_codes"; codes: string[] };

type LoginField = "email" | "password";
type FieldErrors = Partial<Record<LoginField, string>>;

const FIELD_IDS: Record<LoginField, string> = { email: "login-email", password: "login-password" };

/** Our own words for each field, whatever the schema's message: the strings live in i18n. */
function fieldErrorsOf(m: Messages, email: string, password: string): FieldErrors {
  const parsed = LoginInputSchema.safeParse({ email, password });
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === "email" && !errors.email) {
      errors.email = email.trim() === "" ? m.login.emailRequired() : m.login.emailInvalid();
    }
    if (issue.path[0] === "password" && !errors.password)
      errors.password = m.login.passwordRequired();
  }
  return errors;
}

export function LoginPage() {
  const m = useMessages();
  useDocumentTitle(m.login.title());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hasSessionEnded = useHasSessionEnded();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [step, setStep] = useState<Step>({ kind: "password" });

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (result) => {
        setPassword("");
        setStep({ kind: result.next, challenge: result.challenge });
      },
      onError: () => setPassword(""),
    }),
  );
  async function signedIn() {
    clearSessionNotice();
    // The signed-in routes take over from here and open the page first asked for.
    await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
  }
  function restart() {
    login.reset();
    setStep({ kind: "password" });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitCount((n) => n + 1);
    const errors = fieldErrorsOf(m, email, password);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate({ email, password });
  }

  const summary = (Object.keys(fieldErrors) as LoginField[]).map((field) => ({
    fieldId: FIELD_IDS[field],
    message: fieldErrors[field],
  }));
  const isInvalidCredentials = appCode(login.error) === "invalid_credentials";
  const isThrottled = appCode(login.error) === "login_throttled";
  // Input the server refused (it should not, after the checks above) reads like wrong credentials.
  const isRefused = isInvalidCredentials || asStaffError(login.error)?.data?.code === "BAD_REQUEST";

  return (
    <PageLayout
      brand={<span className="iw-brand">{m.app.name()}</span>}
      skipLinkLabel={m.app.skipLink()}
    >
      <Container size="narrow">
        {step.kind === "verify" && (
          <VerifyStep challenge={step.challenge} onDone={signedIn} onRestart={restart} />
        )}
        {step.kind === "enrol" && (
          <EnrolStep
            challenge={step.challenge}
            onEnrolled={(codes) => setStep({ kind: "recovery_codes", codes })}
            onRestart={restart}
          />
        )}
        {step.kind === "recovery_codes" && (
          <RecoveryCodesStep codes={step.codes} onContinue={signedIn} />
        )}
        {step.kind === "password" && (
          <>
            <PageHeading>{m.login.heading()}</PageHeading>
            <p>{m.login.intro()}</p>
            {hasSessionEnded && !login.isError && (
              <Alert tone="warning" title={m.login.sessionEnded()} />
            )}
            {login.isError &&
              (isThrottled ? (
                <Alert tone="danger" live title={m.secondFactor.throttled()} />
              ) : isRefused ? (
                <Alert tone="danger" live title={m.login.invalidCredentials()} />
              ) : (
                <ErrorAlert live title={m.app.genericError()} error={login.error} />
              ))}
            <ErrorSummary
              heading={m.login.errorSummary()}
              errors={summary}
              focusKey={submitCount}
            />
            <form noValidate onSubmit={onSubmit} className="iw-login-form">
              <Field label={m.login.email()} id={FIELD_IDS.email} error={fieldErrors.email}>
                {(props) => (
                  <TextInput
                    {...props}
                    name="email"
                    type="email"
                    autoComplete="username"
                    spellCheck={false}
                    value={email}
                    onChange={(e) => setEmail(e.currentTarget.value)}
                  />
                )}
              </Field>
              <Field
                label={m.login.password()}
                id={FIELD_IDS.password}
                error={fieldErrors.password}
              >
                {(props) => (
                  <TextInput
                    {...props}
                    name="password"
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                  />
                )}
              </Field>
              <Button type="submit" isLoading={login.isPending}>
                {m.login.submit()}
              </Button>
            </form>
          </>
        )}
      </Container>
    </PageLayout>
  );
}
