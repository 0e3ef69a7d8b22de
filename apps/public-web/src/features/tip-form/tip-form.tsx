// First: zod must be jitless before any module of this chunk builds a schema (see the file).
import "../../lib/zod-config";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { ErrorSummary } from "@trace/ui/error-summary";
import { Checkbox, Field, RadioGroup, Select, TextArea, TextInput } from "@trace/ui/field";
import { DEFAULT_RETENTION_POLICY, TIP_CONFIDENCES, TIP_LIMITS } from "@trace/domain";
import { useFormMessages, useLocale, type Messages } from "../../i18n";
import { WithFormMessages } from "../../i18n/form-messages";
import { classifyApiError, minutesToWait, type ApiFailure } from "../../lib/errors";
import { countryOptions } from "../../lib/format";
import { trpcClient, type PublicInputs } from "../../lib/trpc";
import { HotlineGuidance } from "../receipt/hotline-guidance";
import { RECEIPT_PATH, useReceipt } from "../receipt/receipt-context";
import {
  EMPTY_TIP_FORM,
  TIP_FIELD_IDS,
  errorSummaryEntries,
  mapTipFieldErrors,
  validateTipForm,
  type TipFormErrors,
  type TipFormValues,
} from "./tip-form-model";
import { createIdempotencyKeys } from "./idempotency-key";
import { TipPhotos } from "./tip-photos";
import { useProofOfWork } from "./use-proof-of-work";
import { useTipPhotos } from "./use-tip-photos";

/** What to tell the tipster about a failed send that no field can fix. */
function failureMessage(failure: Exclude<ApiFailure, { kind: "validation" }>, m: Messages): string {
  switch (failure.kind) {
    case "unavailable":
      return m.tipForm.errors.unavailable();
    case "throttled":
      return m.tipForm.errors.throttled({ minutes: minutesToWait(failure) });
    case "app":
      if (failure.appCode === "object_not_accepting_tips")
        return m.tipForm.errors.objectNotAcceptingTips();
      if (failure.appCode === "object_not_found") return m.tipForm.errors.objectNotFound();
      if (failure.appCode === "tip_photo_invalid") return m.tipForm.errors.photoExpired();
      return m.common.unexpected();
    case "unexpected":
      return failure.requestId
        ? `${m.common.unexpected()} ${m.common.requestReference({ id: failure.requestId })}`
        : m.common.unexpected();
  }
}

/**
 * "object": a tip about one object. "abuse": abuse that is not about an object (the safeguarding
 * page): no object, no object questions or photos, the tipster's words required, and always
 * `concernsOtherAbuse`, which puts the tip at the top of the queue. Both send the same way.
 */
export type TipFormMode = "object" | "abuse";

function TipFormContent({ objectRef, mode }: { objectRef?: string; mode: TipFormMode }) {
  const isAbuse = mode === "abuse";
  const m = useFormMessages();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const { showReceipt } = useReceipt();
  const [values, setValues] = useState<TipFormValues>(
    isAbuse ? { ...EMPTY_TIP_FORM, concernsOtherAbuse: true } : EMPTY_TIP_FORM,
  );
  /** Inline errors; after a failed send they follow the tipster's corrections as they type. */
  const [errors, setErrors] = useState<TipFormErrors>({});
  /**
   * The summary lists what was wrong at the last send only: rebuilding it on every keystroke
   * would move focus to it while someone is typing.
   */
  const [submitErrors, setSubmitErrors] = useState<TipFormErrors>({});
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [alert, setAlert] = useState<string | null>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const [sendFailures, setSendFailures] = useState(0);
  const shouldRefocusSubmit = useRef(false);
  /** The hidden field that only robots fill in (see the ADR on abuse resistance). */
  const [honeypot, setHoneypot] = useState("");
  /** Sending waits for the proof of work still being computed. */
  const [isPreparing, setIsPreparing] = useState(false);
  const context = { objectRef, language: locale, requiresText: isAbuse };

  const submit = useMutation({
    mutationFn: (input: PublicInputs["tips"]["submit"]) => trpcClient.tips.submit.mutate(input),
  });
  const photos = useTipPhotos();
  const proofOfWork = useProofOfWork();
  const isSending = submit.isPending || isPreparing;
  /** One key per tip as filled in: "send" again after a network failure cannot store it twice. */
  const [idempotencyKeys] = useState(createIdempotencyKeys);

  // The button was disabled while sending, which drops keyboard focus: once it is enabled again
  // after a failed send, give focus back so "try again" is one key press away.
  useEffect(() => {
    if (!shouldRefocusSubmit.current || isSending) return;
    shouldRefocusSubmit.current = false;
    submitButton.current?.focus();
  }, [sendFailures, isSending]);

  const change = <K extends keyof TipFormValues>(key: K, value: TipFormValues[K]) => {
    const next = { ...values, [key]: value };
    setValues(next);
    // Once the tipster has seen errors, re-check as they type so fixed ones disappear at once.
    if (failedSubmits > 0) {
      const result = validateTipForm(next, context, m);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSending) return;
    setAlert(null);
    const result = validateTipForm(values, context, m);
    if (!result.ok) {
      setErrors(result.errors);
      setSubmitErrors(result.errors);
      setFailedSubmits((n) => n + 1);
      if (result.errors.form) setAlert(result.errors.form);
      return;
    }
    setErrors({});
    setSubmitErrors({});
    if (photos.isUploading) {
      setAlert(m.tipForm.errors.photosUploading());
      return;
    }
    // Never rejects: without a proof of work the tip still goes (it is then low-trust).
    setIsPreparing(true);
    void proofOfWork.signals().then((signals) => {
      setIsPreparing(false);
      const tip = { ...result.submission, photoTokens: photos.tokens };
      send({ ...tip, honeypot, ...signals, idempotencyKey: idempotencyKeys.keyFor(tip) });
    });
  };

  const send = (input: PublicInputs["tips"]["submit"]) => {
    submit.mutate(input, {
      onSuccess: (receipt) => {
        idempotencyKeys.reset();
        showReceipt(receipt);
        navigate(RECEIPT_PATH);
      },
      onError: (error) => {
        const failure = classifyApiError(error);
        if (failure.kind === "validation") {
          const mapped = mapTipFieldErrors(
            failure.fieldErrors,
            m,
            input.answer.evidenceLinks ?? [],
          );
          setErrors(mapped);
          setSubmitErrors(mapped);
          setFailedSubmits((n) => n + 1);
          setAlert(mapped.form ?? null);
          return;
        }
        // Cannot happen with an unchanged tip; a fresh key lets the next send through.
        if (failure.kind === "app" && failure.appCode === "idempotency_key_reused")
          idempotencyKeys.reset();
        setAlert(failureMessage(failure, m));
        shouldRefocusSubmit.current = true;
        setSendFailures((n) => n + 1);
      },
    });
  };

  const summary = errorSummaryEntries(submitErrors);
  const textLength = values.text.length;

  return (
    <section aria-labelledby="tip-form-heading" className="app-tip-form">
      <h2 id="tip-form-heading">{isAbuse ? m.tipForm.abuse.heading() : m.tipForm.heading()}</h2>
      {isAbuse && <p>{m.tipForm.abuse.queue()}</p>}
      <p>{isAbuse ? m.tipForm.abuse.intro() : m.tipForm.intro()}</p>

      <ErrorSummary
        heading={m.common.errorSummaryHeading()}
        headingLevel={3}
        errors={summary}
        focusKey={failedSubmits}
      />
      {alert && (
        <Alert tone="danger" live>
          <p>{alert}</p>
        </Alert>
      )}

      {/* noValidate: our own messages and summary replace the browser's bubbles. autoComplete off:
          on a shared device nothing typed here should be offered again to the next person. */}
      <form noValidate autoComplete="off" onSubmit={onSubmit} className="app-stack">
        {errors.answer && (
          <p id="tip-answer-error" className="t-field__error">
            {errors.answer}
          </p>
        )}
        <Field
          label={isAbuse ? m.tipForm.abuse.country() : m.tipForm.country()}
          hint={isAbuse ? m.tipForm.abuse.countryHint() : m.tipForm.countryHint()}
          error={errors.country}
          id={TIP_FIELD_IDS.country}
        >
          {(props) => (
            <Select
              {...props}
              options={countryOptions(locale)}
              placeholder={m.tipForm.countryUnknown()}
              value={values.country}
              onChange={(e) => change("country", e.currentTarget.value)}
            />
          )}
        </Field>
        {!isAbuse && (
          <>
            <Field
              label={m.tipForm.placeOrShop()}
              hint={m.tipForm.placeOrShopHint()}
              error={errors.placeOrShop}
              id={TIP_FIELD_IDS.placeOrShop}
            >
              {(props) => (
                <TextInput
                  {...props}
                  value={values.placeOrShop}
                  onChange={(e) => change("placeOrShop", e.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              label={m.tipForm.brandOrProduct()}
              hint={m.tipForm.brandOrProductHint()}
              error={errors.brandOrProduct}
              id={TIP_FIELD_IDS.brandOrProduct}
            >
              {(props) => (
                <TextInput
                  {...props}
                  value={values.brandOrProduct}
                  onChange={(e) => change("brandOrProduct", e.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              label={m.tipForm.timePeriod()}
              hint={m.tipForm.timePeriodHint()}
              error={errors.timePeriod}
              id={TIP_FIELD_IDS.timePeriod}
            >
              {(props) => (
                <TextInput
                  {...props}
                  value={values.timePeriod}
                  onChange={(e) => change("timePeriod", e.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              label={m.tipForm.evidenceLinks()}
              hint={m.tipForm.evidenceLinksHint()}
              error={errors.evidenceLinks}
              id={TIP_FIELD_IDS.evidenceLinks}
            >
              {(props) => (
                <TextArea
                  {...props}
                  rows={3}
                  inputMode="url"
                  spellCheck={false}
                  value={values.evidenceLinks}
                  onChange={(e) => change("evidenceLinks", e.currentTarget.value)}
                />
              )}
            </Field>
          </>
        )}
        <RadioGroup
          legend={m.tipForm.confidence()}
          name="confidence"
          id={TIP_FIELD_IDS.confidence}
          options={TIP_CONFIDENCES.map((c) => ({ value: c, label: m.confidences[c]() }))}
          value={values.confidence}
          onChange={(value) => change("confidence", value)}
          error={errors.confidence}
          isRequired
          requiredMarker={m.common.required()}
        />
        {isAbuse && <p>{m.tipForm.abuse.noImages()}</p>}
        <Field
          label={isAbuse ? m.tipForm.abuse.text() : m.tipForm.text()}
          hint={m.tipForm.textCounter({ used: textLength, limit: TIP_LIMITS.text })}
          error={errors.text}
          id={TIP_FIELD_IDS.text}
        >
          {(props) => (
            <TextArea
              {...props}
              rows={6}
              value={values.text}
              onChange={(e) => change("text", e.currentTarget.value)}
            />
          )}
        </Field>
        {!isAbuse && <TipPhotos state={photos} id="tip-photos" />}
        <Field
          label={m.tipForm.contact()}
          hint={m.tipForm.contactHint()}
          error={errors.contact}
          id={TIP_FIELD_IDS.contact}
        >
          {(props) => (
            <TextInput
              {...props}
              value={values.contact}
              onChange={(e) => change("contact", e.currentTarget.value)}
            />
          )}
        </Field>
        {!isAbuse && (
          <>
            <Checkbox
              label={m.tipForm.otherAbuse()}
              checked={values.concernsOtherAbuse}
              onChange={(e) => change("concernsOtherAbuse", e.currentTarget.checked)}
            />
            {values.concernsOtherAbuse && <HotlineGuidance />}
          </>
        )}
        {/* A trap for robots that fill in every field: hidden from sight, from the keyboard and
            from screen readers; a person never sees it. */}
        <div className="t-visually-hidden" aria-hidden="true">
          <label htmlFor="tip-website">{m.tipForm.honeypot()}</label>
          <input
            id="tip-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={honeypot}
            onChange={(e) => setHoneypot(e.currentTarget.value)}
          />
        </div>
        <p className="t-field__hint">
          {m.tipForm.privacyNote({ days: DEFAULT_RETENTION_POLICY.closedDays })}{" "}
          <Link href="/privacy">{m.tipForm.privacyLink()}</Link>
        </p>
        <div>
          <Button
            ref={submitButton}
            type="submit"
            size="large"
            isLoading={isSending}
            aria-describedby="tip-check-status"
          >
            {isAbuse ? m.tipForm.abuse.submit() : m.tipForm.submit()}
          </Button>
          <p id="tip-check-status" className="t-field__hint" role="status">
            {isPreparing
              ? m.tipForm.check.finishing()
              : proofOfWork.state === "working"
                ? m.tipForm.check.working()
                : proofOfWork.state === "ready"
                  ? m.tipForm.check.ready()
                  : null}
          </p>
        </div>
      </form>
    </section>
  );
}

/** The forms catalog is downloaded with this chunk, not with the site (see form-messages.tsx). */
export function TipForm({
  objectRef,
  mode = "object",
}: {
  objectRef?: string;
  mode?: TipFormMode;
}) {
  return (
    <WithFormMessages>
      <TipFormContent objectRef={objectRef} mode={mode} />
    </WithFormMessages>
  );
}
