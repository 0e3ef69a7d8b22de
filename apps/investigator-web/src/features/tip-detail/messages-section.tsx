import { MESSAGE_BODY_MAX } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextArea } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { format, t } from "../../i18n";
import { useTRPC, type TipDetailView } from "../../lib/trpc";
import { triageErrorText, useTipRefresh } from "./use-tip-refresh";

/**
 * The anonymous dialogue. Replies marked "New" were unseen by staff until this page loaded;
 * the server has marked them read with this very read.
 */
export function MessagesSection({ tip, canSend }: { tip: TipDetailView; canSend: boolean }) {
  const trpc = useTRPC();
  const refresh = useTipRefresh(tip.id);
  const d = t.triage.dialogue;
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
        ? d.required
        : text.length > MESSAGE_BODY_MAX
          ? d.tooLong(MESSAGE_BODY_MAX)
          : undefined;
    setError(problem);
    if (!problem) send.mutate({ tipId: tip.id, body: text });
  }

  return (
    <Card as="section" heading={d.heading} headingLevel={2}>
      {unread > 0 && (
        <p>
          <Badge tone="info">{d.unreadOnTip(unread)}</Badge>
        </p>
      )}
      {tip.messages.length === 0 ? (
        <p className="iw-muted">{d.empty}</p>
      ) : (
        <ol className="iw-messages">
          {tip.messages.map((m) => (
            <li key={m.id} className={`iw-message iw-message--${m.author}`}>
              <p className="iw-message__meta">
                {m.isNew && (
                  <>
                    <Badge tone="info">{d.new}</Badge>{" "}
                  </>
                )}
                <strong>
                  {m.author === "tipster" ? d.fromTipster : d.fromStaff(m.staffAuthorName)}
                </strong>{" "}
                <time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time>
              </p>
              <p
                className="iw-message__body"
                lang={m.author === "tipster" ? tip.language : undefined}
                dir="auto"
              >
                {m.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canSend && (
        <form noValidate onSubmit={onSubmit} className="iw-stack">
          <Field label={d.question} hint={d.questionHint} error={error}>
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
              {d.send}
            </Button>
          </div>
          {send.isError && (
            <Alert tone="danger" live>
              <p>{triageErrorText(send.error)}</p>
            </Alert>
          )}
          {send.isSuccess && <Alert tone="success" title={d.sent} />}
        </form>
      )}
    </Card>
  );
}
