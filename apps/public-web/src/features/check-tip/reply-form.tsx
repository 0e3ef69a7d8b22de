import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, TextArea } from "@trace/ui/field";
import { MESSAGE_BODY_MAX } from "@trace/domain";
import { useFormMessages } from "../../i18n";
import { classifyApiError, minutesToWait } from "../../lib/errors";
import { trpcClient } from "../../lib/trpc";

/**
 * The tipster's answer to the investigators. The receipt code is the only key: nothing about
 * the sender is asked for. On success the page reloads the conversation.
 */
export function ReplyForm({ receiptCode, onSent }: { receiptCode: string; onSent: () => void }) {
  const m = useFormMessages();
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
        ? m.checkTip.reply.required()
        : text.length > MESSAGE_BODY_MAX
          ? m.checkTip.reply.tooLong({ max: MESSAGE_BODY_MAX })
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
        ? m.checkTip.reply.noQuestion()
        : failure.kind === "app" && failure.appCode === "too_many_messages"
          ? m.checkTip.reply.tooMany()
          : failure.kind === "throttled"
            ? m.checkTip.throttled({ minutes: minutesToWait(failure) })
            : failure.kind === "validation"
              ? m.checkTip.reply.invalid()
              : failure.kind === "unavailable"
                ? m.checkTip.reply.unavailable()
                : m.checkTip.reply.unexpected();

  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={onSubmit}
      aria-labelledby={headingId}
      className="app-stack"
    >
      <h3 id={headingId}>{m.checkTip.reply.heading()}</h3>
      <Field label={m.checkTip.reply.label()} hint={m.checkTip.reply.hint()} error={fieldError}>
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
          {m.checkTip.reply.submit()}
        </Button>
      </div>
      {failureText && (
        <Alert tone="danger" live>
          <p>{failureText}</p>
        </Alert>
      )}
      {send.isSuccess && (
        <Alert tone="success">
          <p>{m.checkTip.reply.sent()}</p>
        </Alert>
      )}
    </form>
  );
}
