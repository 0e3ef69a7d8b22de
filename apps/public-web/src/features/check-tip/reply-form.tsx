import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, TextArea } from "@trace/ui/field";
import { MESSAGE_BODY_MAX } from "@trace/domain";
import { useMessages } from "../../i18n";
import { classifyApiError } from "../../lib/errors";
import { trpcClient } from "../../lib/trpc";

/**
 * The tipster's answer to the investigators. The receipt code is the only key: nothing about
 * the sender is asked for. On success the page reloads the conversation.
 */
export function ReplyForm({ receiptCode, onSent }: { receiptCode: string; onSent: () => void }) {
  const m = useMessages().checkTip.reply;
  const headingId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (text: string) => trpcClient.tips.reply.mutate({ receiptCode, body: text }),
    onSuccess: () => {
      setBody("");
      onSent();
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    const text = body.trim();
    const error =
      text === ""
        ? m.required
        : text.length > MESSAGE_BODY_MAX
          ? m.tooLong(MESSAGE_BODY_MAX)
          : null;
    setFieldError(error);
    if (error) {
      fieldRef.current?.focus();
      return;
    }
    send.mutate(text);
  };

  const failure = send.isError ? classifyApiError(send.error) : null;
  const failureText =
    failure === null
      ? null
      : failure.kind === "app" && failure.appCode === "no_question_to_answer"
        ? m.noQuestion
        : failure.kind === "app" && failure.appCode === "too_many_messages"
          ? m.tooMany
          : failure.kind === "validation"
            ? m.invalid
            : failure.kind === "unavailable"
              ? m.unavailable
              : m.unexpected;

  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={onSubmit}
      aria-labelledby={headingId}
      className="app-stack"
    >
      <h3 id={headingId}>{m.heading}</h3>
      <Field label={m.label} hint={m.hint} error={fieldError}>
        {(props) => (
          <TextArea
            {...props}
            ref={fieldRef}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            rows={4}
          />
        )}
      </Field>
      <div>
        <Button type="submit" isLoading={send.isPending}>
          {m.submit}
        </Button>
      </div>
      {failureText && (
        <Alert tone="danger" live>
          <p>{failureText}</p>
        </Alert>
      )}
      {send.isSuccess && (
        <Alert tone="success">
          <p>{m.sent}</p>
        </Alert>
      )}
    </form>
  );
}
