import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { useMessages } from "../i18n";
import { requestId } from "../lib/errors";

/** The support reference of a failed request, when the server gave one. */
export function ErrorMessage({ error }: { error: unknown }) {
  const m = useMessages();
  const id = requestId(error);
  return id ? <p className="iw-error-reference">{m.app.errorReference({ id })}</p> : null;
}

/**
 * A failed request: what went wrong, the support reference when there is one, and "Try again"
 * when the caller can repeat the request.
 */
export function ErrorAlert({
  title,
  error,
  live,
  onRetry,
}: {
  title: string;
  error: unknown;
  live?: boolean;
  onRetry?: () => void;
}) {
  const m = useMessages();
  return (
    <Alert tone="danger" live={live} title={title}>
      <ErrorMessage error={error} />
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {m.app.tryAgain()}
        </Button>
      )}
    </Alert>
  );
}
