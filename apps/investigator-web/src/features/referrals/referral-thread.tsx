import type { ReferralDetail, ReferralMessageSide } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextArea } from "@trace/ui/field";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, useFormat } from "../../i18n";
import { apiFieldMessages, referralErrorText } from "./referral-errors";

/** The API's limit on one message (ReferralQuestionInputSchema). */
const MESSAGE_MAX = 4_000;

export interface SendState {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}

/**
 * The conversation between the hub and the receiving agency on one referral, oldest first, with
 * a form to write to the other side. The reader's own messages are set apart by style and by
 * the author's side in words.
 */
export function ReferralThread({
  messages,
  readerSide,
  onSend,
  state,
}: {
  messages: ReferralDetail["messages"];
  readerSide: ReferralMessageSide;
  /** Sends the message; calls `done` once it is saved. */
  onSend: (body: string, done: () => void) => void;
  state: SendState;
}) {
  const m = useMessages();
  const format = useFormat();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    const problem =
      text === ""
        ? m.referrals.thread.required()
        : text.length > MESSAGE_MAX
          ? m.referrals.thread.tooLong({ max: MESSAGE_MAX })
          : undefined;
    setError(problem);
    if (!problem) onSend(text, () => setBody(""));
  }

  const fieldError = error ?? apiFieldMessages(state.error).body;
  return (
    <Card as="section" heading={m.referrals.thread.forSide[readerSide].heading()} headingLevel={2}>
      {messages.length === 0 ? (
        <p className="iw-muted">{m.referrals.thread.empty()}</p>
      ) : (
        <ol className="iw-messages">
          {messages.map((message) => (
            <li
              key={message.id}
              className={`iw-message${message.side === readerSide ? " iw-message--staff" : ""}`}
            >
              <p className="iw-message__meta">
                <strong>
                  {m.referrals.thread.byAuthor({
                    side: m.referrals.thread.from[message.side](),
                    author: message.author,
                  })}
                </strong>{" "}
                <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
              </p>
              <p className="iw-message__body" dir="auto">
                {message.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form noValidate onSubmit={onSubmit} className="iw-stack">
        <Field
          label={m.referrals.thread.forSide[readerSide].field()}
          hint={m.referrals.thread.forSide[readerSide].hint()}
          error={fieldError}
        >
          {(props) => (
            <TextArea
              {...props}
              rows={3}
              maxLength={MESSAGE_MAX}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
          )}
        </Field>
        <div>
          <Button type="submit" isLoading={state.isPending}>
            {m.referrals.thread.forSide[readerSide].submit()}
          </Button>
        </div>
        {state.error != null && !fieldError && (
          <ErrorAlert live title={referralErrorText(m, state.error)} error={state.error} />
        )}
        {state.isSuccess && <Alert tone="success" title={m.referrals.thread.sent()} />}
      </form>
    </Card>
  );
}
