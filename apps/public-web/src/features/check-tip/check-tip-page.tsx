import "../../lib/zod-config";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Field, TextInput } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { ReceiptCodeSchema, type TipStatusView } from "@trace/domain";
import { useFormMessages, useLocale } from "../../i18n";
import { WithFormMessages } from "../../i18n/form-messages";
import { classifyApiError, minutesToWait } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { trpcClient } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ReplyForm } from "./reply-form";

const CODE_FIELD_ID = "receipt-code";

function TipStatus({
  view,
  receiptCode,
  onReplySent,
}: {
  view: TipStatusView;
  receiptCode: string;
  onReplySent: () => void;
}) {
  const m = useFormMessages();
  const locale = useLocale();
  const status = m.tipStatuses[view.status];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Bring each answer to keyboard and screen-reader users as soon as it is on the page.
  useEffect(() => headingRef.current?.focus(), [view]);
  return (
    <section aria-labelledby="tip-status-heading" className="app-stack app-stack--tight app-panel">
      <h2 id="tip-status-heading" ref={headingRef} tabIndex={-1}>
        {m.checkTip.status({ label: status.label() })}
      </h2>
      <p>{status.explanation()}</p>
      <p className="app-muted">{m.checkTip.receivedOn({ date: new Date(view.receivedAt) })}</p>
      {view.objectRef && (
        <p>
          {m.checkTip.aboutObject()}{" "}
          <Link href={`/objects/${view.objectRef}`} className="app-mono">
            {view.objectRef}
          </Link>
        </p>
      )}
      <h3>{m.checkTip.messagesHeading()}</h3>
      {view.messages.length === 0 ? (
        <p className="app-muted">{m.checkTip.noMessages()}</p>
      ) : (
        <ol className="app-messages">
          {view.messages.map((message, index) => (
            <li
              key={`${message.createdAt}-${index}`}
              className={`app-message app-message--${message.author}`}
            >
              <p className="app-message__meta">
                {message.isNew && (
                  <>
                    <Badge tone="info">{m.checkTip.newMessage()}</Badge>{" "}
                  </>
                )}
                <strong>
                  {message.author === "staff" ? m.checkTip.fromStaff() : m.checkTip.fromYou()}
                </strong>{" "}
                <time dateTime={message.createdAt}>
                  {formatDateTime(locale, message.createdAt)}
                </time>
              </p>
              <p className="app-message__body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {view.messages.some((message) => message.author === "staff") && (
        <ReplyForm receiptCode={receiptCode} onSent={onReplySent} />
      )}
    </section>
  );
}

/**
 * The receipt code lives in this component's state only. It is sent in a POST body (see
 * lib/trpc.ts), and the answer is not cached under the code: nothing outlives the page.
 */
function CheckTipPageContent() {
  const m = useFormMessages();
  useDocumentTitle(m.checkTip.heading());
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (receiptCode: string) => trpcClient.tips.status.query({ receiptCode }),
  });
  // After an answer is sent the conversation reloads in place, keeping the form's confirmation.
  const refresh = useMutation({
    mutationFn: (receiptCode: string) => trpcClient.tips.status.query({ receiptCode }),
  });
  // The button is disabled while checking, which drops focus; after a failure, put it back in
  // the field so the code can be corrected at once.
  useEffect(() => {
    if (check.error) document.getElementById(CODE_FIELD_ID)?.focus();
  }, [check.error]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (check.isPending) return;
    const parsed = ReceiptCodeSchema.safeParse(code);
    if (!parsed.success) {
      setFieldError(m.checkTip.invalidCode());
      check.reset();
      document.getElementById(CODE_FIELD_ID)?.focus();
      return;
    }
    setFieldError(null);
    refresh.reset();
    check.mutate(parsed.data);
  };

  const failure = check.isError ? classifyApiError(check.error) : null;
  const failureText =
    failure === null
      ? null
      : failure.kind === "app" && failure.appCode === "receipt_not_found"
        ? m.checkTip.notFound()
        : failure.kind === "throttled"
          ? m.checkTip.throttled({ minutes: minutesToWait(failure) })
          : failure.kind === "validation"
            ? m.checkTip.invalidCode()
            : failure.kind === "unavailable"
              ? m.common.unavailable()
              : m.common.unexpected();

  return (
    <Container size="narrow" className="app-page app-stack">
      <div>
        <h1>{m.checkTip.heading()}</h1>
        <p>{m.checkTip.intro()}</p>
      </div>
      <form noValidate autoComplete="off" onSubmit={onSubmit} className="app-stack">
        <Field
          label={m.checkTip.code()}
          hint={m.checkTip.codeHint()}
          error={fieldError}
          id={CODE_FIELD_ID}
        >
          {(props) => (
            <TextInput
              {...props}
              className="app-mono"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
        <div>
          <Button type="submit" isLoading={check.isPending}>
            {m.checkTip.submit()}
          </Button>
        </div>
      </form>
      {failureText && (
        <Alert tone="danger" live>
          <p>{failureText}</p>
        </Alert>
      )}
      {check.isSuccess && (
        <TipStatus
          view={refresh.data ?? check.data}
          receiptCode={check.variables}
          onReplySent={() => refresh.mutate(check.variables)}
        />
      )}
    </Container>
  );
}

/** The forms catalog is downloaded with this chunk, not with the site (see form-messages.tsx). */
export function CheckTipPage() {
  return (
    <WithFormMessages>
      <CheckTipPageContent />
    </WithFormMessages>
  );
}
