/** @jsxImportSource hono/jsx */
import type { Locale, TipStatusView } from "@trace/domain";
import { Alert, basicPath } from "./document";
import type { Messages } from "./messages";
import { TextField, formatDateTime } from "./parts";

export const CODE_FIELD_ID = "receipt-code";
const REPLY_FIELD_ID = "reply-body";

export interface ReplyState {
  /** The answer as typed, kept after an error. */
  value: string;
  error?: string | undefined;
  /** A failure no field can fix (throttled, conversation full, no question yet). */
  alert?: string | undefined;
  isSent?: boolean;
}

export interface CheckPageProps {
  locale: Locale;
  m: Messages;
  /** The code as typed, to correct it; empty on the first visit. */
  code: string;
  /** Not found, or wait: answered the same for a malformed code and an unknown one. */
  alert?: string | undefined;
  view?: TipStatusView | undefined;
  reply?: ReplyState | undefined;
}

/**
 * The receipt check. The code travels only in POST bodies (this form's and the answer form's
 * hidden field), never in an address, and every answer is `no-store`.
 */
export function CheckPage({ locale, m, code, alert, view, reply }: CheckPageProps) {
  return (
    <>
      <h1>{m.checkTip.heading()}</h1>
      <p>{m.checkTip.intro()}</p>
      {alert && (
        <Alert>
          <p>{alert}</p>
        </Alert>
      )}
      <form method="post" action={basicPath(locale, "check")} novalidate autocomplete="off">
        <TextField
          id={CODE_FIELD_ID}
          name="code"
          label={m.checkTip.code()}
          hint={m.checkTip.codeHint()}
          value={code}
        />
        <button type="submit">{m.checkTip.submit()}</button>
      </form>
      {view && <TipStatus locale={locale} m={m} view={view} code={code} reply={reply} />}
    </>
  );
}

function TipStatus({
  locale,
  m,
  view,
  code,
  reply,
}: {
  locale: Locale;
  m: Messages;
  view: TipStatusView;
  code: string;
  reply: ReplyState | undefined;
}) {
  const status = m.tipStatuses[view.status];
  const canReply = view.messages.some((message) => message.author === "staff");
  return (
    <section aria-labelledby="tip-status-heading">
      <h2 id="tip-status-heading">{m.checkTip.status({ label: status.label() })}</h2>
      <p>{status.explanation()}</p>
      <p class="muted">{m.checkTip.receivedOn({ date: new Date(view.receivedAt) })}</p>
      {view.objectRef && (
        <p>
          {m.checkTip.aboutObject()} <span class="mono">{view.objectRef}</span>
        </p>
      )}
      <h3>{m.checkTip.messagesHeading()}</h3>
      {view.messages.length === 0 ? (
        <p class="muted">{m.checkTip.noMessages()}</p>
      ) : (
        <ol class="messages">
          {view.messages.map((message) => (
            <li>
              <p>
                {message.isNew && <strong>{m.checkTip.newMessage()} · </strong>}
                <strong>
                  {message.author === "staff" ? m.checkTip.fromStaff() : m.checkTip.fromYou()}
                </strong>{" "}
                <time datetime={message.createdAt}>
                  {formatDateTime(locale, message.createdAt)}
                </time>
              </p>
              <p class="message-body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {reply?.isSent && (
        <p class="success" role="status">
          {m.checkTip.reply.sent()}
        </p>
      )}
      {canReply && (
        <form
          method="post"
          action={basicPath(locale, "reply")}
          novalidate
          autocomplete="off"
          aria-labelledby="reply-heading"
        >
          <h3 id="reply-heading">{m.checkTip.reply.heading()}</h3>
          {reply?.alert && (
            <Alert>
              <p>{reply.alert}</p>
            </Alert>
          )}
          <input type="hidden" name="code" value={code} />
          <TextField
            id={REPLY_FIELD_ID}
            name="body"
            label={m.checkTip.reply.label()}
            hint={m.checkTip.reply.hint()}
            error={reply?.error}
            value={reply?.isSent ? "" : (reply?.value ?? "")}
            rows={4}
          />
          <button type="submit">{m.checkTip.reply.submit()}</button>
        </form>
      )}
    </section>
  );
}
