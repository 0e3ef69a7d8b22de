import { MESSAGE_BODY_MAX } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextArea } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages, useFormat } from "../../i18n";
import { useTRPC, type TipDetailView } from "../../lib/trpc";
import { triageErrorText, useTipRefresh } from "./use-tip-refresh";

/**
 * The anonymous dialogue. Replies marked "New" were unseen by staff until this page loaded;
 * the server has marked them read with this very read.
 */
export function MessagesSection({ tip, canSend }: { tip: TipDetailView; canSend: boolean }) {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const refresh = useTipRefresh(tip.id);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    ...trpc.tips.sendMessage.mutationOptions(),
    onSuccess: async () => {
      setBody("");
      await refresh();
    },
  });
  const unread = tip.messages.filter((m) => m.isNew).length;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    const problem =
      text === ""
        ? m.triage.dialogue.required()
        : text.length > MESSAGE_BODY_MAX
          ? m.triage.dialogue.tooLong({ max: MESSAGE_BODY_MAX })
          : undefined;
    setError(problem);
    if (!problem) send.mutate({ tipId: tip.id, body: text });
  }

  return (
    <Card as="section" heading={m.triage.dialogue.heading()} headingLevel={2}>
      {unread > 0 && (
        <p>
          <Badge tone="info">{m.triage.dialogue.unreadOnTip({ n: unread })}</Badge>
        </p>
      )}
      {tip.messages.length === 0 ? (
        <p className="iw-muted">{m.triage.dialogue.empty()}</p>
      ) : (
        <ol className="iw-messages">
          {tip.messages.map((message) => (
            <li key={message.id} className={`iw-message iw-message--${message.author}`}>
              <p className="iw-message__meta">
                {message.isNew && (
                  <>
                    <Badge tone="info">{m.triage.dialogue.new()}</Badge>{" "}
                  </>
                )}
                <strong>
                  {message.author === "tipster"
                    ? m.triage.dialogue.fromTipster()
                    : message.staffAuthorName
                      ? m.triage.dialogue.fromStaff({ name: message.staffAuthorName })
                      : m.triage.dialogue.fromUnnamedStaff()}
                </strong>{" "}
                <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
              </p>
              <p
                className="iw-message__body"
                lang={message.author === "tipster" ? tip.language : undefined}
                dir="auto"
              >
                {message.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canSend && (
        <form noValidate onSubmit={onSubmit} className="iw-stack">
          <Field
            label={m.triage.dialogue.question()}
            hint={m.triage.dialogue.questionHint()}
            error={error}
          >
            {(props) => (
              <TextArea
                {...props}
                rows={3}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
              />
            )}
          </Field>
          <div>
            <Button type="submit" isLoading={send.isPending}>
              {m.triage.dialogue.send()}
            </Button>
          </div>
          {send.isError && (
            <Alert tone="danger" live>
              <p>{triageErrorText(m, send.error)}</p>
            </Alert>
          )}
          {send.isSuccess && <Alert tone="success" title={m.triage.dialogue.sent()} />}
        </form>
      )}
    </Card>
  );
}
